import { type DemandFacts, type FollowUpFacts } from './facts';
import { liesUnder } from '#shared/domain/places/index';
import {
  callbackPlace,
  callbackVerdict,
  cityCallbackOf,
  demandVerdict,
  latestCallbacks,
  type CallbackVerdict,
  type DemandVerdict,
  type RateOptions,
} from './rate-verdicts';

export { DEFAULT_RESPONSE_HOURS, type RateOptions } from './rate-verdicts';

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
 *   A 12345 order whose export says 响应情况 counts the city's verdict: 及时响应 is in time,
 *   超时响应 and 未响应 are not, and it is never pending.
 * 解决率 = resolved / reasonable received.
 *   Resolved: current status answered, resolved or closed. A reopened demand (不满意 after a
 *   call-back) is back in handling and counts as unresolved until it is resolved again. A 12345
 *   order whose export says 是否解决 counts the city's verdict instead of its status.
 * 满意率 = (满意 + 基本满意) / (满意 + 基本满意 + 不满意 + 未联系上).
 *   Call-backs: follow-ups of kind 'callback' made in [from, to) about a reasonable, non-duplicate
 *   demand lying under `scope` (any receipt date); the latest call-back per demand in the period
 *   counts once. A call-back about a demand missing from `demands` is placed by the scope of
 *   that latest call-back. The city's 回访结果 of a 12345 order is one more call-back, dated at
 *   its 办结时间; a later call-back of the app replaces it. As the city counts it, 不满意 and
 *   未联系上 both stay in the denominator (a resident the street could not reach is not a
 *   satisfied one), and 未联系上 is also reported on its own (`unreachable`).
 *
 * A rate whose denominator is 0 is null, never NaN.
 */

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
  /** Call-backs that reached nobody (未联系上): outside the 满意率. */
  readonly unreachable: number;
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

const ratio = (numerator: number, denominator: number) =>
  denominator === 0 ? null : numerator / denominator;

interface Tally {
  received: number;
  respondedInTime: number;
  responsePending: number;
  reasonableReceived: number;
  resolved: number;
  reopened: number;
  reopenedUnresolved: number;
  duplicates: number;
  satisfied: number;
  basicallySatisfied: number;
  unsatisfied: number;
  unreachable: number;
  unreasonable: {
    received: number;
    respondedInTime: number;
    callbacks: number;
    satisfiedOrBasically: number;
  };
}

const emptyTally = (): Tally => ({
  received: 0,
  respondedInTime: 0,
  responsePending: 0,
  reasonableReceived: 0,
  resolved: 0,
  reopened: 0,
  reopenedUnresolved: 0,
  duplicates: 0,
  satisfied: 0,
  basicallySatisfied: 0,
  unsatisfied: 0,
  unreachable: 0,
  unreasonable: { received: 0, respondedInTime: 0, callbacks: 0, satisfiedOrBasically: 0 },
});

function addDemand(t: Tally, v: DemandVerdict): void {
  if (v.duplicate) {
    t.duplicates += 1;
    return;
  }
  if (v.pending) t.responsePending += 1;
  t.received += 1;
  if (v.inTime) t.respondedInTime += 1;
  if (!v.reasonable) {
    t.unreasonable.received += 1;
    if (v.inTime) t.unreasonable.respondedInTime += 1;
    return;
  }
  t.reasonableReceived += 1;
  if (v.resolved) t.resolved += 1;
  if (v.reopened) {
    t.reopened += 1;
    if (!v.resolved) t.reopenedUnresolved += 1;
  }
}

function addCallback(t: Tally, v: CallbackVerdict): void {
  if (v === 'unreasonable' || v === 'unreasonableGood') {
    t.unreasonable.callbacks += 1;
    if (v === 'unreasonableGood') t.unreasonable.satisfiedOrBasically += 1;
  } else if (v !== 'uncounted') t[v] += 1;
}

function sumOf(tallies: Iterable<Tally>): Tally {
  const sum = emptyTally();
  for (const t of tallies) {
    sum.received += t.received;
    sum.respondedInTime += t.respondedInTime;
    sum.responsePending += t.responsePending;
    sum.reasonableReceived += t.reasonableReceived;
    sum.resolved += t.resolved;
    sum.reopened += t.reopened;
    sum.reopenedUnresolved += t.reopenedUnresolved;
    sum.duplicates += t.duplicates;
    sum.satisfied += t.satisfied;
    sum.basicallySatisfied += t.basicallySatisfied;
    sum.unsatisfied += t.unsatisfied;
    sum.unreachable += t.unreachable;
    sum.unreasonable.received += t.unreasonable.received;
    sum.unreasonable.respondedInTime += t.unreasonable.respondedInTime;
    sum.unreasonable.callbacks += t.unreasonable.callbacks;
    sum.unreasonable.satisfiedOrBasically += t.unreasonable.satisfiedOrBasically;
  }
  return sum;
}

function reportOf(t: Tally, scope: string, from: string, to: string): RateReport {
  const callbacks = t.satisfied + t.basicallySatisfied + t.unsatisfied + t.unreachable;
  return {
    scope,
    from,
    to,
    received: t.received,
    respondedInTime: t.respondedInTime,
    responsePending: t.responsePending,
    reasonableReceived: t.reasonableReceived,
    resolved: t.resolved,
    reopened: t.reopened,
    reopenedUnresolved: t.reopenedUnresolved,
    callbacks,
    satisfied: t.satisfied,
    basicallySatisfied: t.basicallySatisfied,
    unsatisfied: t.unsatisfied,
    unreachable: t.unreachable,
    duplicates: t.duplicates,
    unreasonable: t.unreasonable,
    responseRate: ratio(t.respondedInTime, t.received - t.responsePending),
    resolutionRate: ratio(t.resolved, t.reasonableReceived),
    satisfactionRate: ratio(t.satisfied + t.basicallySatisfied, callbacks),
  };
}

/** A visitor of the records a rates pass counts, with the row each counts in. */
export interface RateVisitor {
  demand(row: string, demand: DemandFacts, verdict: DemandVerdict): void;
  callback(row: string, callback: FollowUpFacts, verdict: CallbackVerdict): void;
}

/**
 * One pass over the records: `rowOf` names the row a record placed at a scope counts in, or
 * undefined when it counts nowhere.
 */
function tallyRows(
  demands: readonly DemandFacts[],
  followUps: readonly FollowUpFacts[],
  options: RateOptions,
  rowOf: (placedAt: string) => string | undefined,
  visitor?: RateVisitor,
): Map<string, Tally> {
  const rows = new Map<string, Tally>();
  const tallyOf = (row: string) => {
    let found = rows.get(row);
    if (!found) {
      found = emptyTally();
      rows.set(row, found);
    }
    return found;
  };
  for (const demand of demands) {
    const row = rowOf(demand.scope);
    if (row === undefined) continue;
    const verdict = demandVerdict(demand, options);
    if (!verdict) continue;
    addDemand(tallyOf(row), verdict);
    visitor?.demand(row, demand, verdict);
  }
  const byId = new Map(demands.map((d) => [d.id, d]));
  const cityCallbacks = demands.flatMap((d) => cityCallbackOf(d) ?? []);
  const allCallbacks = cityCallbacks.length > 0 ? [...cityCallbacks, ...followUps] : followUps;
  for (const [demandId, callback] of latestCallbacks(allCallbacks, options.from, options.to)) {
    if (!callback) continue;
    const demand = byId.get(demandId);
    const row = rowOf(callbackPlace(callback, demand));
    if (row === undefined) continue;
    const verdict = callbackVerdict(callback, demand);
    addCallback(tallyOf(row), verdict);
    visitor?.callback(row, callback, verdict);
  }
  return rows;
}

export function threeRates(
  demands: readonly DemandFacts[],
  followUps: readonly FollowUpFacts[],
  options: RateOptions,
): RateReport {
  const { scope, from, to } = options;
  const rows = tallyRows(demands, followUps, options, (placedAt) =>
    liesUnder(placedAt, scope) ? scope : undefined,
  );
  return reportOf(rows.get(scope) ?? emptyTally(), scope, from, to);
}

/**
 * The row of `ratesByChild` a record placed at `placedAt` falls in: `scope` itself, the direct
 * child of `scope` it lies under, or undefined when it does not lie under `scope`.
 */
export function childRowOf(placedAt: string, scope: string): string | undefined {
  if (placedAt === scope) return scope;
  if (!liesUnder(placedAt, scope)) return undefined;
  const end = placedAt.indexOf('.', scope.length + 1);
  return end === -1 ? placedAt : placedAt.slice(0, end);
}

/**
 * `threeRates` of `scope` and `ratesByChild` of it from one pass: every record lying under the
 * scope counts in exactly one row, so the total is the rows added up. `visitor` sees each record
 * counted, with its row.
 */
export function ratesWithChildren(
  demands: readonly DemandFacts[],
  followUps: readonly FollowUpFacts[],
  options: RateOptions,
  visitor?: RateVisitor,
): { readonly total: RateReport; readonly rows: RateReport[] } {
  const { scope, from, to } = options;
  // Rows exist for every place holding records, whether or not they count in the period.
  const children = new Set<string>();
  let own = false;
  const note = (placedAt: string) => {
    const row = childRowOf(placedAt, scope);
    if (row === scope) own = true;
    else if (row !== undefined) children.add(row);
  };
  for (const d of demands) note(d.scope);
  for (const f of followUps) note(f.scope);
  const tallies = tallyRows(demands, followUps, options, (placedAt) => childRowOf(placedAt, scope), visitor);
  const rows = [...children]
    .sort()
    .map((child) => reportOf(tallies.get(child) ?? emptyTally(), child, from, to));
  if (own) rows.unshift(reportOf(tallies.get(scope) ?? emptyTally(), scope, from, to));
  return { total: reportOf(sumOf(tallies.values()), scope, from, to), rows };
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
  return ratesWithChildren(demands, followUps, options).rows;
}
