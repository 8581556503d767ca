// The exported ledger (.xlsx): one row per demand in ledger order, labels in the UI language,
// personal data masked unless a person who may export it chose the full export. ExcelJS is passed
// in: the browser build in the renderer, the Node build in tests.
import type { Workbook } from 'exceljs';
import { maskedForExport } from '#shared/domain/export/index';
import type { PiiAccess } from '#shared/domain/ledger/index';
import type { DemandDoc } from '#shared/schema/index';

export const EXPORT_COLUMNS = [
  ['receivedAt', 20],
  ['hotlineOrderNo', 16],
  ['title', 30],
  ['place', 32],
  ['type', 8],
  ['category', 14],
  ['source', 12],
  ['urgency', 8],
  ['status', 12],
  ['dueAt', 20],
  ['vulnerable', 10],
  ['description', 60],
  ['reporterName', 12],
  ['reporterPhone', 16],
  ['addressDetail', 20],
] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number][0];

export interface ExportLabels {
  sheetName: string;
  header(column: ExportColumn): string;
  value(field: 'type' | 'category' | 'source' | 'urgency' | 'status', value: string): string;
  yesNo(value: boolean): string;
  dateTime(iso: string): string;
  place(scope: string): string;
}

export function exportRecord(
  demand: DemandDoc,
  access: PiiAccess,
  labels: ExportLabels,
): Record<ExportColumn, string> {
  const shown = access.pii ? demand : maskedForExport('demands', demand);
  return {
    receivedAt: labels.dateTime(demand.receivedAt),
    hotlineOrderNo: demand.hotlineOrderNo ?? '',
    title: demand.title,
    place: labels.place(demand.scope),
    type: labels.value('type', demand.type),
    category: labels.value('category', demand.category),
    source: labels.value('source', demand.source),
    urgency: labels.value('urgency', demand.urgency),
    status: labels.value('status', demand.status),
    dueAt: demand.dueAt ? labels.dateTime(demand.dueAt) : '',
    vulnerable: labels.yesNo(demand.vulnerable),
    description: shown.description,
    reporterName: shown.reporterName ?? '',
    reporterPhone: shown.reporterPhone ?? '',
    addressDetail: shown.addressDetail ?? '',
  };
}

export function buildLedgerWorkbook(
  ExcelJS: { Workbook: new () => Workbook },
  demands: readonly DemandDoc[],
  access: PiiAccess,
  labels: ExportLabels,
): Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '议事';
  const sheet = workbook.addWorksheet(labels.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = EXPORT_COLUMNS.map(([key, width]) => ({ key, width, header: labels.header(key) }));
  sheet.getRow(1).font = { bold: true };
  for (const demand of demands) sheet.addRow(exportRecord(demand, access, labels));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: EXPORT_COLUMNS.length } };
  return workbook;
}
