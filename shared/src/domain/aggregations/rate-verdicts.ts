import type { Urgency } from '#shared/domain/vocab';
import { demandIdOf, isDuplicate, type DemandFacts, type FollowUpFacts } from './facts';
import { plusHours } from './instants';

// How one demand, or the latest call-back about it, counts in the three rates (definitions in
// ./rates). The rates add these verdicts up and the reports' drill-down lists collect the records
// behind them, so a list can never disagree with the number it opens.

export const DEFAULT_RESPONSE_HOURS: Readonly<Record<Urgency, number>> = {
  normal: 24,
  urgent: 12,
  critical: 2,
};

export interface RateOptions {
  readonly scope: string;
  readonly from: string;
  readonly to: string;
  readonly asOf?: string;
  readonly responseHours?: Readonly<Record<Urgency, number>>;
}

const RESOLVED = new Set(['answered', 'resolved', 'closed']);
const inPeriod = (at: string, from: string, to: string) => at >= from && at < to;

/** How one demand received in the period counts, wherever it lies. */
export interface DemandVerdict {
  readonly duplicate: boolean;
  readonly inTime: boolean;
  /** Not yet responded and its response deadline still after `asOf`. */
  readonly pending: boolean;
  readonly reasonable: boolean;
  readonly resolved: boolean;
  readonly reopened: boolean;
}

const DUPLICATE: DemandVerdict = {
  duplicate: true,
  inTime: false,
  pending: false,
  reasonable: false,
  resolved: false,
  reopened: false,
};

/** The verdict on one demand; undefined when it was not received in [from, to). */
export function demandVerdict(demand: DemandFacts, options: RateOptions): DemandVerdict | undefined {
  if (!inPeriod(demand.receivedAt, options.from, options.to)) return undefined;
  if (isDuplicate(demand)) return DUPLICATE;
  const hours = options.responseHours ?? DEFAULT_RESPONSE_HOURS;
  const deadline = plusHours(demand.receivedAt, hours[demand.urgency ?? 'normal']);
  // A 12345 order counts the city's own verdicts where the export gave them (响应情况, 是否解决).
  const city = demand.hotlineResponse;
  return {
    duplicate: false,
    inTime:
      city !== undefined
        ? city === 'inTime'
        : demand.respondedAt !== undefined && demand.respondedAt <= deadline,
    pending:
      city === undefined &&
      demand.respondedAt === undefined &&
      options.asOf !== undefined &&
      options.asOf < deadline,
    reasonable: demand.reasonable,
    resolved: demand.hotlineResolved ?? RESOLVED.has(demand.status),
    reopened: demand.reopenedCount > 0,
  };
}

/**
 * The city's call-back of a 12345 order (回访结果) as a call-back record, dated when the order was
 * 办结 (the city calls back after completion), else when it was received.
 */
export function cityCallbackOf(demand: DemandFacts): FollowUpFacts | undefined {
  if (demand.hotlineCallback === undefined) return undefined;
  return {
    id: `${demand.id}#12345`,
    scope: demand.scope,
    kind: 'callback',
    subjectCollection: 'demands',
    subjectId: demand.id,
    at: demand.hotlineFinishedAt ?? demand.receivedAt,
    outcome: demand.hotlineCallback,
  };
}

/**
 * The latest call-back made in [from, to) about each demand (ties broken by id), keyed in the
 * order of each demand's first call-back of any date; undefined when none fell in the period.
 */
export function latestCallbacks(
  followUps: readonly FollowUpFacts[],
  from: string,
  to: string,
): Map<string, FollowUpFacts | undefined> {
  const latest = new Map<string, FollowUpFacts | undefined>();
  for (const followUp of followUps) {
    const demandId = demandIdOf(followUp);
    if (followUp.kind !== 'callback' || demandId === undefined) continue;
    const previous = latest.get(demandId);
    if (!inPeriod(followUp.at, from, to)) {
      if (!latest.has(demandId)) latest.set(demandId, undefined);
      continue;
    }
    const later =
      !previous || previous.at < followUp.at || (previous.at === followUp.at && previous.id < followUp.id);
    if (later) latest.set(demandId, followUp);
  }
  return latest;
}

export type CallbackVerdict =
  | 'uncounted'
  | 'unreasonable'
  | 'unreasonableGood'
  | 'satisfied'
  | 'basicallySatisfied'
  | 'unsatisfied'
  | 'unreachable';

/** How the latest call-back about a demand (undefined when the demand is unknown) counts. */
export function callbackVerdict(callback: FollowUpFacts, demand: DemandFacts | undefined): CallbackVerdict {
  if (demand && isDuplicate(demand)) return 'uncounted';
  // 未联系上 gave no verdict: never satisfied, so it weighs in the denominator only.
  if (callback.outcome === 'unreachable') return demand?.reasonable === false ? 'uncounted' : 'unreachable';
  const good = callback.outcome === 'satisfied' || callback.outcome === 'basicallySatisfied';
  if (demand?.reasonable === false) return good ? 'unreasonableGood' : 'unreasonable';
  if (good || callback.outcome === 'unsatisfied') return callback.outcome as CallbackVerdict;
  return 'uncounted';
}

/** Where a call-back counts: at its demand's place, or its own when the demand is unknown. */
export const callbackPlace = (callback: FollowUpFacts, demand: DemandFacts | undefined): string =>
  demand?.scope ?? callback.scope;
