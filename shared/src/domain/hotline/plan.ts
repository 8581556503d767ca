// Idempotent import: a work order is known by its number. Importing the same file twice changes
// nothing; a row whose fields changed updates the demand that already has that number (same id);
// a number twice in one file is refused for the later rows, so the file never decides by order.
import type { HotlineDemand, RowError, RowResult } from './rows';

/** The part of a stored demand the plan compares (the fields an import owns, plus its id). */
export type ExistingHotlineDemand = { readonly id: string } & Partial<HotlineDemand>;

export const IMPORT_OWNED_FIELDS = [
  'placeId',
  'scope',
  'title',
  'description',
  'type',
  'category',
  'urgency',
  'receivedAt',
  'dueAt',
  'reporterName',
  'reporterPhone',
  'addressDetail',
  'vulnerable',
] as const satisfies readonly (keyof HotlineDemand)[];
export type ImportOwnedField = (typeof IMPORT_OWNED_FIELDS)[number];

export interface PlannedCreate {
  readonly rowNumber: number;
  readonly demand: HotlineDemand;
}

export interface PlannedUpdate {
  readonly rowNumber: number;
  readonly id: string;
  readonly demand: HotlineDemand;
  readonly changed: readonly ImportOwnedField[];
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
}

/** Fields of `next` that differ from what is stored (an absent optional field counts as a value). */
export function changedFields(existing: ExistingHotlineDemand, next: HotlineDemand): ImportOwnedField[] {
  return IMPORT_OWNED_FIELDS.filter((field) => (existing[field] ?? undefined) !== (next[field] ?? undefined));
}

export function planImport(
  rows: readonly RowResult[],
  existingByOrderNo: ReadonlyMap<string, ExistingHotlineDemand>,
): ImportPlan {
  const create: PlannedCreate[] = [];
  const update: PlannedUpdate[] = [];
  const unchanged: { rowNumber: number; id: string }[] = [];
  const refused: RefusedRow[] = [];
  const firstRowOf = new Map<string, number>();

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
    const first = firstRowOf.get(orderNo);
    if (first !== undefined) {
      refused.push({
        rowNumber: row.rowNumber,
        orderNo,
        errors: [
          {
            rowNumber: row.rowNumber,
            column: '工单编号',
            message: `工单编号“${orderNo}”与第 ${first} 行重复，本行未导入`,
          },
        ],
      });
      continue;
    }
    firstRowOf.set(orderNo, row.rowNumber);
    const existing = existingByOrderNo.get(orderNo);
    if (!existing) {
      create.push({ rowNumber: row.rowNumber, demand: row.demand });
      continue;
    }
    const changed = changedFields(existing, row.demand);
    if (changed.length === 0) unchanged.push({ rowNumber: row.rowNumber, id: existing.id });
    else update.push({ rowNumber: row.rowNumber, id: existing.id, demand: row.demand, changed });
  }
  return { create, update, unchanged, refused };
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
