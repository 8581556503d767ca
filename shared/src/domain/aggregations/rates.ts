import type { Urgency } from '#shared/domain/vocab';
import { addHours } from '#shared/domain/calendar/days';
import { demandIdOf, isDuplicate, liesUnder, type DemandFacts, type FollowUpFacts } from './facts';

/*
 * The three rates (三率) of a place and period. Definitions:
 *
 * Cohort: demands lying under `scope` (roll-up of the whole subtree) received in [from, to).
 * Duplicates (status 'duplicate' or a `duplicateOf`) are left out everywhere: the original counts.
 * Unreasonable demands (reasonable === false, 不合理诉求, kept with their evidence) count in the
 * response rate only — every demand must be answered — and are reported apart for the others.
 *
 * 响应率 = responded in time / received.
 *   In time: `respondedAt` ≤ receivedAt + responseHours[urgency] (default 一般 24 h, 紧急 12 h,
 *   特急 2 h). With `asOf`, a demand not yet responded whose response deadline is still ahead is
 *   "pending" and left out of this rate's denominator; without it, it counts as not in time.
 * 解决率 = resolved / reasonable received.
 *   Resolved: current status answered, resolved or closed. A reopened demand (不满意 after a
 *   call-back) is back in handling and counts as unresolved until it is resolved again.
 * 满意率 = (满意 + 基本满意) / call-backs.
 *   Call-backs: follow-ups of kind 'callback' made in [from, to) about a reasonable, non-duplicate
 *   demand lying under `scope` (any receipt date); the latest call-back per demand in the period
 *   counts once. A call-back about a demand missing from `demands` is placed by the scope of
 *   that latest call-back.
 *
 * A rate whose denominator is 0 is null, never NaN.
 */

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

export interface RateCounts {
  readonly received: number;
  readonly respondedInTime: number;
  readonly responsePending: number;
  readonly reasonableReceived: number;
  readonly resolved: number;
  /** Reasonable demands reopened at least once, and those of them not resolved again. */
  readonly reopened: number;
  readonly reopenedUnresolved: number;
  readonly callbacks: number;
  readonly satisfied: number;
  readonly basicallySatisfied: number;
  readonly unsatisfied: number;
  readonly duplicates: number;
  readonly unreasonable: {
    readonly received: number;
    readonly respondedInTime: number;
    readonly callbacks: number;
    readonly satisfiedOrBasically: number;
  };
}

export interface RateReport extends RateCounts {
  readonly scope: string;
  readonly from: string;
  readonly to: string;
  readonly responseRate: number | null;
  readonly resolutionRate: number | null;
  readonly satisfactionRate: number | null;
}

const RESOLVED = new Set(['answered', 'resolved', 'closed']);
const ratio = (numerator: number, denominator: number) =>
  denominator === 0 ? null : numerator / denominator;
const inPeriod = (at: string, from: string, to: string) => at >= from && at < to;

/** The latest call-back of each demand made in [from, to) (ties broken by id). */
function latestCallbacks(
  followUps: readonly FollowUpFacts[],
  from: string,
  to: string,
): Map<string, FollowUpFacts> {
  const latest = new Map<string, FollowUpFacts>();
  for (const followUp of followUps) {
    const demandId = demandIdOf(followUp);
    if (followUp.kind !== 'callback' || demandId === undefined || !inPeriod(followUp.at, from, to)) continue;
    const previous = latest.get(demandId);
    const later =
      !previous || previous.at < followUp.at || (previous.at === followUp.at && previous.id < followUp.id);
    if (later) latest.set(demandId, followUp);
  }
  return latest;
}

export function threeRates(
  demands: readonly DemandFacts[],
  followUps: readonly FollowUpFacts[],
  options: RateOptions,
): RateReport {
  return computeRates(demands, followUps, options, (placedAt) => liesUnder(placedAt, options.scope));
}

/** `counts` says whether a record placed at a scope belongs to the report. */
function computeRates(
  demands: readonly DemandFacts[],
  followUps: readonly FollowUpFacts[],
  options: RateOptions,
  counts: (placedAt: string) => boolean,
): RateReport {
  const { scope, from, to, asOf } = options;
  const hours = options.responseHours ?? DEFAULT_RESPONSE_HOURS;
  let received = 0;
  let respondedInTime = 0;
  let responsePending = 0;
  let reasonableReceived = 0;
  let resolved = 0;
  let reopened = 0;
  let reopenedUnresolved = 0;
  let duplicates = 0;
  const unreasonable = { received: 0, respondedInTime: 0, callbacks: 0, satisfiedOrBasically: 0 };

  for (const demand of demands) {
    if (!counts(demand.scope) || !inPeriod(demand.receivedAt, from, to)) continue;
    if (isDuplicate(demand)) {
      duplicates += 1;
      continue;
    }
    const deadline = addHours(demand.receivedAt, hours[demand.urgency ?? 'normal']);
    const inTime = demand.respondedAt !== undefined && demand.respondedAt <= deadline;
    const pending = demand.respondedAt === undefined && asOf !== undefined && asOf < deadline;
    if (pending) responsePending += 1;
    received += 1;
    if (inTime) respondedInTime += 1;
    if (!demand.reasonable) {
      unreasonable.received += 1;
      if (inTime) unreasonable.respondedInTime += 1;
      continue;
    }
    reasonableReceived += 1;
    const isResolved = RESOLVED.has(demand.status);
    if (isResolved) resolved += 1;
    if (demand.reopenedCount > 0) {
      reopened += 1;
      if (!isResolved) reopenedUnresolved += 1;
    }
  }

  const byId = new Map(demands.map((d) => [d.id, d]));
  let satisfied = 0;
  let basicallySatisfied = 0;
  let unsatisfied = 0;
  for (const [demandId, callback] of latestCallbacks(followUps, from, to)) {
    const demand = byId.get(demandId);
    if (!counts(demand?.scope ?? callback.scope) || (demand && isDuplicate(demand))) continue;
    const good = callback.outcome === 'satisfied' || callback.outcome === 'basicallySatisfied';
    if (demand?.reasonable === false) {
      unreasonable.callbacks += 1;
      if (good) unreasonable.satisfiedOrBasically += 1;
    } else if (callback.outcome === 'satisfied') satisfied += 1;
    else if (callback.outcome === 'basicallySatisfied') basicallySatisfied += 1;
    else if (callback.outcome === 'unsatisfied') unsatisfied += 1;
  }
  const callbacks = satisfied + basicallySatisfied + unsatisfied;

  return {
    scope,
    from,
    to,
    received,
    respondedInTime,
    responsePending,
    reasonableReceived,
    resolved,
    reopened,
    reopenedUnresolved,
    callbacks,
    satisfied,
    basicallySatisfied,
    unsatisfied,
    duplicates,
    unreasonable,
    responseRate: ratio(respondedInTime, received - responsePending),
    resolutionRate: ratio(resolved, reasonableReceived),
    satisfactionRate: ratio(satisfied + basicallySatisfied, callbacks),
  };
}

/**
 * The rates of each direct child of `scope` (e.g. each community of the street), plus a row for
 * the records placed on `scope` itself when there are any. The children's counts add up to the
 * parent's.
 */
export function ratesByChild(
  demands: readonly DemandFacts[],
  followUps: readonly FollowUpFacts[],
  options: RateOptions,
): RateReport[] {
  const depth = options.scope.split('.').length;
  const children = new Set<string>();
  let own = false;
  const note = (scope: string) => {
    if (!liesUnder(scope, options.scope)) return;
    const segments = scope.split('.');
    if (segments.length === depth) own = true;
    else children.add(segments.slice(0, depth + 1).join('.'));
  };
  demands.forEach((d) => note(d.scope));
  followUps.forEach((f) => note(f.scope));
  const rows = [...children]
    .sort()
    .map((child) => threeRates(demands, followUps, { ...options, scope: child }));
  if (!own) return rows;
  return [computeRates(demands, followUps, options, (placedAt) => placedAt === options.scope), ...rows];
}
