import {
  demandIdOf,
  type DemandFacts,
  type FollowUpFacts,
  type RateOptions,
  type RateReport,
} from '#shared/domain/aggregations/index';
import { ratesWithChildren, type RateVisitor } from '#shared/domain/aggregations/rates';
import { countOf, type Figure } from './figures';

// The three rates (三率) with the records behind each count. The rates and counts are the shared
// `threeRates`/`ratesByChild` (computed together by `ratesWithChildren`); the records are collected
// in the same pass from the verdicts those counts add up (each demand and its latest call-back
// contribute independently), so a drill-down list can never disagree with the number it opens.

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
  /**
   * 满意率: (满意 + 基本满意) / call-backs: the demands whose latest call-back counts (the city's
   * 回访结果 of a 12345 order is a call-back without a follow-up record, so demands are listed).
   */
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

/** The records behind each count, by row, collected while `ratesWithChildren` counts them. */
function marker(): { marks: Map<string, Marks>; visitor: RateVisitor } {
  const marks = new Map<string, Marks>();
  const marksOf = (row: string) => {
    let found = marks.get(row);
    if (!found) {
      found = emptyMarks();
      marks.set(row, found);
    }
    return found;
  };
  const visitor: RateVisitor = {
    demand(row, demand, verdict) {
      if (verdict.duplicate) return;
      const m = marksOf(row);
      m.received.push(demand.id);
      if (!verdict.pending) m.responseBase.push(demand.id);
      if (verdict.inTime) m.respondedInTime.push(demand.id);
      if (!verdict.reasonable) return;
      m.reasonableReceived.push(demand.id);
      if (verdict.resolved) m.resolved.push(demand.id);
    },
    callback(row, callback, verdict) {
      if (verdict !== 'satisfied' && verdict !== 'basicallySatisfied' && verdict !== 'unsatisfied') return;
      const m = marksOf(row);
      const id = demandIdOf(callback) ?? callback.id;
      m.callbacks.push(id);
      if (verdict !== 'unsatisfied') m.satisfiedOrBasically.push(id);
    },
  };
  return { marks, visitor };
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
    callbacks: countOf('demands', m.callbacks),
    satisfiedOrBasically: countOf('demands', m.satisfiedOrBasically),
  };
}

const merge = (rows: Iterable<Marks>): Marks => {
  const out = emptyMarks();
  // Element by element: spreading a street's worth of ids into push overflows the stack.
  for (const m of rows)
    for (const key of Object.keys(out) as (keyof Marks)[]) for (const id of m[key]) out[key].push(id);
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
  const { marks, visitor } = marker();
  const { total, rows } = ratesWithChildren(demands, followUps, options, visitor);
  return {
    total: figuresOf(total, merge(marks.values())),
    rows: rows.map((report) => figuresOf(report, marks.get(report.scope))),
  };
}
