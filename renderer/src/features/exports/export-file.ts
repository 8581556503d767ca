// The one exporter: every spreadsheet or CSV file the app writes goes through here. Whatever
// built the workbook, every text cell is neutralised before it is written (no cell can start a
// formula, OWASP), the file goes through the platform's save dialog, and a saved export is
// written to the audit trail with whether it carried personal information.
import type { Workbook } from 'exceljs';
import type { CollectionName } from '#shared/domain/vocab';
import type { YishiDatabase } from '../../db/create-database';
import { audit, type Author } from '../../db/write';
import { platform } from '../../platform';
import { csvBytes, neutraliseWorkbook } from '../../kit/safe-workbook';

export interface ExportRecord {
  readonly db: YishiDatabase;
  readonly author: Author;
  readonly scope: string;
  readonly collection: CollectionName;
  /** The audit action (e.g. `demand.export`). */
  readonly action: string;
  /** What was exported, for the audit trail (e.g. “需求台账 120 条”). */
  readonly what: string;
  /** Personal information: none in the file, masked, or in full. */
  readonly pii: 'none' | 'masked' | 'full';
}

const PII_NOTE = { none: '', masked: '，个人信息已脱敏', full: '，含完整个人信息' } as const;

async function save(fileName: string, data: Uint8Array, kind: 'xlsx' | 'csv', record: ExportRecord) {
  const filters =
    kind === 'xlsx' ? [{ name: 'Excel', extensions: ['xlsx'] }] : [{ name: 'CSV', extensions: ['csv'] }];
  const saved = await platform.saveFile(fileName, data, filters);
  if (saved) {
    await audit(record.db, record.author, record.scope, record.action, {
      collection: record.collection,
      detail: `${record.what}${PII_NOTE[record.pii]}：${fileName}`,
    });
  }
  return saved;
}

/** Saves a workbook as .xlsx; returns whether the person saved it. */
export async function saveWorkbook(
  workbook: Workbook,
  fileName: string,
  record: ExportRecord,
): Promise<boolean> {
  neutraliseWorkbook(workbook);
  return save(fileName, new Uint8Array(await workbook.xlsx.writeBuffer()), 'xlsx', record);
}

/** Saves a table as CSV; returns whether the person saved it. */
export async function saveCsv(
  rows: readonly (readonly string[])[],
  fileName: string,
  record: ExportRecord,
): Promise<boolean> {
  return save(fileName, csvBytes(rows), 'csv', record);
}
