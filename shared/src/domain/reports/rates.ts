import {
  demandIdOf,
  liesUnder,
  ratesByChild,
  threeRates,
  type DemandFacts,
  type FollowUpFacts,
  type RateOptions,
  type RateReport,
} from '#shared/domain/aggregations/index';
import { countOf, type Figure } from './figures';

// The three rates (三率) with the records behind each count. The rates and counts are the shared
// `threeRates`/`ratesByChild`; the records are found by asking `threeRates` about each demand
// alone (each demand and its latest call-back contribute independently), so a drill-down list
// can never disagree with the number it opens.

export interface RateFigures {
  readonly scope: string;
  readonly report: RateReport;
  /** 响应率: responded in time / (received − still within the response time). */
  readonly received: Figure;
  readonly respondedInTime: Figure;
  readonly responseBase: Figure;
  /** 解决率: resolved / reasonable received. */
  readonly reasonableReceived: Figure;
  readonly resolved: Figure;
  /** 满意率: (满意 + 基本满意) / call-backs (the latest call-back per demand, follow-up ids). */
  readonly callbacks: Figure;
  readonly satisfiedOrBasically: Figure;
}

interface Marks {
  received: string[];
  respondedInTime: string[];
  responseBase: string[];
  reasonableReceived: string[];
  resolved: string[];
  callbacks: string[];
  satisfiedOrBasically: string[];
}

const emptyMarks = (): Marks => ({
  received: [],
  respondedInTime: [],
  responseBase: [],
  reasonableReceived: [],
  resolved: [],
  callbacks: [],
  satisfiedOrBasically: [],
});

/** The row of `ratesByChild` a record placed at `placedAt` falls in. */
function rowOf(placedAt: string, scope: string): string {
  const depth = scope.split('.').length;
  const segments = placedAt.split('.');
  return segments.length === depth ? scope : segments.slice(0, depth + 1).join('.');
}

function markAll(
  demands: readonly DemandFacts[],
  followUps: readonly FollowUpFacts[],
  options: RateOptions,
): Map<string, Marks> {
  const marks = new Map<string, Marks>();
  const marksOf = (placedAt: string) => {
    const row = rowOf(placedAt, options.scope);
    let found = marks.get(row);
    if (!found) {
      found = emptyMarks();
      marks.set(row, found);
    }
    return found;
  };
  const byId = new Map<string, DemandFacts>();
  for (const demand of demands) {
    byId.set(demand.id, demand);
    if (!liesUnder(demand.scope, options.scope)) continue;
    const alone = threeRates([demand], [], options);
    if (alone.received === 0) continue;
    const m = marksOf(demand.scope);
    m.received.push(demand.id);
    if (alone.responsePending === 0) m.responseBase.push(demand.id);
    if (alone.respondedInTime === 1) m.respondedInTime.push(demand.id);
    if (alone.reasonableReceived === 1) m.reasonableReceived.push(demand.id);
    if (alone.resolved === 1) m.resolved.push(demand.id);
  }
  const callbacksOf = new Map<string, FollowUpFacts[]>();
  for (const followUp of followUps) {
    const demandId = demandIdOf(followUp);
    if (followUp.kind !== 'callback' || demandId === undefined) continue;
    const list = callbacksOf.get(demandId);
    if (list) list.push(followUp);
    else callbacksOf.set(demandId, [followUp]);
  }
  for (const [demandId, list] of callbacksOf) {
    const demand = byId.get(demandId);
    const alone = threeRates(demand ? [demand] : [], list, options);
    const counted = alone.satisfied + alone.basicallySatisfied + alone.unsatisfied;
    if (counted === 0) continue;
    // The call-back `threeRates` counted: the latest in the period, ties broken by id.
    const latest = list
      .filter((f) => f.at >= options.from && f.at < options.to)
      .reduce((a, b) => (b.at > a.at || (b.at === a.at && b.id > a.id) ? b : a));
    const m = marksOf(demand?.scope ?? latest.scope);
    m.callbacks.push(latest.id);
    if (alone.satisfied + alone.basicallySatisfied === 1) m.satisfiedOrBasically.push(latest.id);
  }
  return marks;
}

function figuresOf(report: RateReport, marks: Marks | undefined): RateFigures {
  const m = marks ?? emptyMarks();
  return {
    scope: report.scope,
    report,
    received: countOf('demands', m.received),
    respondedInTime: countOf('demands', m.respondedInTime),
    responseBase: countOf('demands', m.responseBase),
    reasonableReceived: countOf('demands', m.reasonableReceived),
    resolved: countOf('demands', m.resolved),
    callbacks: countOf('followUps', m.callbacks),
    satisfiedOrBasically: countOf('followUps', m.satisfiedOrBasically),
  };
}

const merge = (rows: Iterable<Marks>): Marks => {
  const out = emptyMarks();
  for (const m of rows) for (const key of Object.keys(out) as (keyof Marks)[]) out[key].push(...m[key]);
  return out;
};

export interface RatesSideBySide {
  /** The whole place. */
  readonly total: RateFigures;
  /** Each direct child (each community of the street), the records placed on the place itself first. */
  readonly rows: readonly RateFigures[];
}

export function ratesSideBySide(
  demands: readonly DemandFacts[],
  followUps: readonly FollowUpFacts[],
  options: RateOptions,
): RatesSideBySide {
  const marks = markAll(demands, followUps, options);
  return {
    total: figuresOf(threeRates(demands, followUps, options), merge(marks.values())),
    rows: ratesByChild(demands, followUps, options).map((report) =>
      figuresOf(report, marks.get(report.scope)),
    ),
  };
}
