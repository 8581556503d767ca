// Idempotent import: a work order is known by its number. Importing the same file twice changes
// nothing. A newer export updates what the city knows of an order: the same number again — later
// in the same file (the later row wins) or in a later import — replaces the fields the import owns
// and counts as 更新. What the app owns (topic, duplicate, answer …) is never touched; the status
// follows the city's only while nobody moved it locally, and when both moved it differently the
// row is a conflict a person settles.
import type { DemandState } from '#shared/domain/vocab';
import type { HotlineDemand, RowError, RowResult } from './rows';

/** The part of a stored demand the plan compares (the fields an import owns, its id and status). */
export type ExistingHotlineDemand = {
  readonly id: string;
  readonly status?: DemandState;
} & Partial<HotlineDemand>;

export const IMPORT_OWNED_FIELDS = [
  'placeId',
  'scope',
  'title',
  'description',
  'type',
  'category',
  'categoryGuessed',
  'hotlineCategory',
  'urgency',
  'receivedAt',
  'dueAt',
  'reporterName',
  'reporterPhone',
  'addressDetail',
  'vulnerable',
  'hotlineDispatchedAt',
  'hotlineUnit',
  'hotlineFinishedAt',
  'hotlineResult',
  'hotlineResolved',
  'hotlineCallback',
  'hotlineResponse',
] as const satisfies readonly (keyof HotlineDemand)[];
export type ImportOwnedField = (typeof IMPORT_OWNED_FIELDS)[number];
export type ChangedField = ImportOwnedField | 'status';

export interface PlannedCreate {
  readonly rowNumber: number;
  readonly demand: HotlineDemand;
}

export interface PlannedUpdate {
  readonly rowNumber: number;
  readonly id: string;
  readonly demand: HotlineDemand;
  readonly changed: readonly ChangedField[];
  /** The earlier row of the same file this row replaces (absent when it updates a stored order). */
  readonly replacesRow?: number;
}

/** The city's status and the local one both moved away from what the last import gave. */
export interface ImportConflict {
  readonly rowNumber: number;
  readonly id: string;
  readonly orderNo: string;
  readonly field: 'status';
  readonly local: DemandState;
  readonly incoming: DemandState;
}

export interface RefusedRow {
  readonly rowNumber: number;
  readonly orderNo?: string;
  readonly errors: readonly RowError[];
}

export interface ImportPlan {
  readonly create: readonly PlannedCreate[];
  readonly update: readonly PlannedUpdate[];
  readonly unchanged: readonly { readonly rowNumber: number; readonly id: string }[];
  readonly refused: readonly RefusedRow[];
  readonly conflicts: readonly ImportConflict[];
  /** What each order number finally becomes: its last good row in the file. */
  readonly latest: ReadonlyMap<string, { readonly rowNumber: number; readonly demand: HotlineDemand }>;
}

/**
 * The status the city's facts give an order: 办结 with a call-back → 已办结, 办结 awaiting one →
 * 已解决, otherwise still open (已登记).
 */
export function cityStatus(facts: Partial<HotlineDemand>): 'received' | 'resolved' | 'closed' {
  if (facts.hotlineFinishedAt === undefined) return 'received';
  return facts.hotlineCallback === undefined ? 'resolved' : 'closed';
}

/** Fields of `next` that differ from `before` (an absent optional field counts as a value). */
export function changedFields(before: Partial<HotlineDemand>, next: HotlineDemand): ImportOwnedField[] {
  return IMPORT_OWNED_FIELDS.filter((field) => (before[field] ?? undefined) !== (next[field] ?? undefined));
}

/**
 * How the status of a stored order moves with a newer export: `take` the city's new status when
 * the stored one is still the status the stored facts gave; keep the local one when the city's
 * did not move; otherwise a conflict.
 */
export function statusMerge(
  existing: ExistingHotlineDemand,
  next: HotlineDemand,
): {
  readonly kind: 'same' | 'take' | 'keep' | 'conflict';
  readonly local: DemandState;
  readonly incoming: DemandState;
} {
  const local = existing.status ?? cityStatus(existing);
  const base = cityStatus(existing);
  const incoming = cityStatus(next);
  if (incoming === local) return { kind: 'same', local, incoming };
  if (local === base) return { kind: 'take', local, incoming };
  if (incoming === base) return { kind: 'keep', local, incoming };
  return { kind: 'conflict', local, incoming };
}

export function planImport(
  rows: readonly RowResult[],
  existingByOrderNo: ReadonlyMap<string, ExistingHotlineDemand>,
): ImportPlan {
  const create: PlannedCreate[] = [];
  const update: PlannedUpdate[] = [];
  const unchanged: { rowNumber: number; id: string }[] = [];
  const refused: RefusedRow[] = [];
  const latest = new Map<string, { rowNumber: number; demand: HotlineDemand }>();
  for (const row of rows) if (row.ok) latest.set(row.demand.hotlineOrderNo, row);

  // Each row is compared with what came before it: the stored order, or the earlier row of the
  // same number in this file. A file already imported (its last row equals what is stored) is
  // unchanged throughout, so importing it again changes nothing.
  const previous = new Map<string, { rowNumber: number; demand: HotlineDemand }>();
  for (const row of rows) {
    if (!row.ok) {
      refused.push({
        rowNumber: row.rowNumber,
        ...(row.orderNo ? { orderNo: row.orderNo } : {}),
        errors: row.errors,
      });
      continue;
    }
    const orderNo = row.demand.hotlineOrderNo;
    const existing = existingByOrderNo.get(orderNo);
    const id = existing?.id ?? demandIdForOrderNo(orderNo);
    const last = latest.get(orderNo) as { rowNumber: number; demand: HotlineDemand };
    const before = previous.get(orderNo);
    previous.set(orderNo, row);
    if (!before && !existing) {
      create.push({ rowNumber: row.rowNumber, demand: row.demand });
      continue;
    }
    const settled =
      existing !== undefined &&
      changedFields(existing, last.demand).length === 0 &&
      statusMerge(existing, last.demand).kind !== 'take';
    let changed: ChangedField[] = [];
    if (settled) {
      // Already imported: nothing of this number changes.
    } else if (before) {
      changed = changedFields(before.demand, row.demand);
      if (cityStatus(before.demand) !== cityStatus(row.demand)) changed.push('status');
    } else if (existing) {
      changed = changedFields(existing, row.demand);
      if (statusMerge(existing, row.demand).kind === 'take') changed.push('status');
    }
    if (changed.length === 0) unchanged.push({ rowNumber: row.rowNumber, id });
    else
      update.push({
        rowNumber: row.rowNumber,
        id,
        demand: row.demand,
        changed,
        ...(before ? { replacesRow: before.rowNumber } : {}),
      });
  }

  const conflicts: ImportConflict[] = [];
  for (const [orderNo, { rowNumber, demand }] of latest) {
    const existing = existingByOrderNo.get(orderNo);
    if (!existing) continue;
    const merge = statusMerge(existing, demand);
    if (merge.kind === 'conflict')
      conflicts.push({
        rowNumber,
        id: existing.id,
        orderNo,
        field: 'status',
        local: merge.local,
        incoming: merge.incoming,
      });
  }
  return { create, update, unchanged, refused, conflicts, latest };
}

/** A stable demand id for a work order created by an import, so two devices importing it agree. */
export function demandIdForOrderNo(orderNo: string): string {
  return `hotline-${orderNo}`;
}

/** The refused rows as a table (row, order number, column, reason) for export. */
export function refusedTable(refused: readonly RefusedRow[]): string[][] {
  const rows: string[][] = [['行号', '工单编号', '列', '原因']];
  for (const r of refused) {
    for (const e of r.errors) rows.push([String(r.rowNumber), r.orderNo ?? '', e.column, e.message]);
  }
  return rows;
}
