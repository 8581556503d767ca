// Which demands a ledger (居民需求台账) shows: the place subtree plus the filters a worker sets.
// The same predicate runs on the device (in memory, so a filter change costs no query) and can run
// on the hub; `scopeRange` (places) turns the place part into an indexed database range.
import { OPEN_DEMAND_STATES } from '#shared/domain/aggregations/index';
import { dayNumber, instantOfBeijingDay } from '#shared/domain/calendar/index';
import type { DemandCategory, DemandSource, DemandState, DemandType } from '#shared/domain/vocab';
import type { DemandDoc } from '#shared/schema/index';

/**
 * The fields a ledger row keeps: small enough to hold 50,000 of them in memory, with what the
 * search box reads (content, reporter name).
 */
export type LedgerRow = Pick<
  DemandDoc,
  | 'id'
  | 'scope'
  | 'placeId'
  | 'title'
  | 'description'
  | 'reporterName'
  | 'type'
  | 'category'
  | 'source'
  | 'urgency'
  | 'status'
  | 'receivedAt'
  | 'dueAt'
  | 'vulnerable'
  | 'hotlineOrderNo'
  | 'duplicateOf'
>;

export interface LedgerFilter {
  /** The place whose subtree is listed. */
  scope: string;
  /** Empty or absent: every value passes. */
  statuses?: readonly DemandState[];
  types?: readonly DemandType[];
  categories?: readonly DemandCategory[];
  sources?: readonly DemandSource[];
  /** Received on or after this Beijing date (YYYY-MM-DD). */
  from?: string;
  /** Received on or before this Beijing date (YYYY-MM-DD), inclusive. */
  to?: string;
  /** Only open demands whose due time has passed. */
  overdue?: boolean;
}

type StatusFields = Pick<DemandDoc, 'status' | 'dueAt'>;

/** Still waiting for work (the open states of the aggregations); only these can be overdue. */
export function isOpen(demand: Pick<DemandDoc, 'status'>): boolean {
  return OPEN_DEMAND_STATES.includes(demand.status);
}

/** Open, with a due time, and that time has passed at `now`. */
export function isOverdue(demand: StatusFields, now: string): boolean {
  return isOpen(demand) && demand.dueAt !== undefined && demand.dueAt < now;
}

/** The [from, to) instants of a Beijing date range, for comparing ISO strings directly. */
export function receivedRange(filter: Pick<LedgerFilter, 'from' | 'to'>): { from?: string; until?: string } {
  const out: { from?: string; until?: string } = {};
  if (filter.from) out.from = instantOfBeijingDay(dayNumber(filter.from), 0);
  if (filter.to) out.until = instantOfBeijingDay(dayNumber(filter.to) + 1, 0);
  return out;
}

/** A membership test for one list filter; an empty or absent list lets everything pass. */
function allowing<T>(allowed: readonly T[] | undefined): (value: T) => boolean {
  if (allowed === undefined || allowed.length === 0) return () => true;
  const set = new Set(allowed);
  return (value) => set.has(value);
}

/**
 * A predicate for one filter, prepared once (sets and date bounds built once) and applied to many
 * rows: 50,000 rows pass through it in a few milliseconds.
 */
export function ledgerPredicate(
  filter: LedgerFilter,
  now: string,
): (
  row: Pick<LedgerRow, 'scope' | 'status' | 'type' | 'category' | 'source' | 'receivedAt' | 'dueAt'>,
) => boolean {
  const { from, until } = receivedRange(filter);
  const prefix = `${filter.scope}.`;
  const status = allowing(filter.statuses);
  const type = allowing(filter.types);
  const category = allowing(filter.categories);
  const source = allowing(filter.sources);
  return (row) =>
    (row.scope === filter.scope || row.scope.startsWith(prefix)) &&
    status(row.status) &&
    type(row.type) &&
    category(row.category) &&
    source(row.source) &&
    (from === undefined || row.receivedAt >= from) &&
    (until === undefined || row.receivedAt < until) &&
    (!filter.overdue || isOverdue(row, now));
}

/** Whether any filter beyond the place is set (for "clear filters" and export file names). */
export function hasFilters(filter: LedgerFilter): boolean {
  return (
    (filter.statuses?.length ?? 0) > 0 ||
    (filter.types?.length ?? 0) > 0 ||
    (filter.categories?.length ?? 0) > 0 ||
    (filter.sources?.length ?? 0) > 0 ||
    Boolean(filter.from) ||
    Boolean(filter.to) ||
    Boolean(filter.overdue)
  );
}

/** Newest first; ties by id so the order is stable between devices. */
export function byReceivedDesc(
  a: Pick<LedgerRow, 'receivedAt' | 'id'>,
  b: Pick<LedgerRow, 'receivedAt' | 'id'>,
): number {
  if (a.receivedAt !== b.receivedAt) return a.receivedAt < b.receivedAt ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Keeps only the ledger fields of a demand document. */
export function toLedgerRow(demand: DemandDoc): LedgerRow {
  const row: LedgerRow = {
    id: demand.id,
    scope: demand.scope,
    placeId: demand.placeId,
    title: demand.title,
    description: demand.description,
    type: demand.type,
    category: demand.category,
    source: demand.source,
    urgency: demand.urgency,
    status: demand.status,
    receivedAt: demand.receivedAt,
    vulnerable: demand.vulnerable,
  };
  if (demand.reporterName !== undefined) row.reporterName = demand.reporterName;
  if (demand.dueAt !== undefined) row.dueAt = demand.dueAt;
  if (demand.hotlineOrderNo !== undefined) row.hotlineOrderNo = demand.hotlineOrderNo;
  if (demand.duplicateOf !== undefined) row.duplicateOf = demand.duplicateOf;
  return row;
}
