import type ExcelJS from 'exceljs';
import { saveWorkbook, type ExportRecord } from '../exports';
import { buildReportWorkbook } from './report-workbook';
import type { Section } from './report-sections';

type ExcelModule = { default: typeof ExcelJS };
let excel: Promise<ExcelModule> | undefined;

/** ExcelJS is its own chunk; fetched ahead, because browser mode may be offline when exporting. */
function loadExcel(): Promise<ExcelModule> {
  excel ??= import('exceljs').catch((error: unknown) => {
    excel = undefined;
    throw error;
  });
  return excel;
}
void loadExcel().catch(() => undefined);

/**
 * Saves the report as .xlsx through the one exporter (the platform's save dialog, a download in
 * browser mode). A report holds counts and place names only: no personal data.
 */
export async function exportReport(
  fileName: string,
  title: string,
  subtitle: string,
  sheetName: string,
  sections: readonly Section[],
  record: Omit<ExportRecord, 'collection' | 'action' | 'what' | 'pii'>,
): Promise<boolean> {
  const { default: excelJs } = await loadExcel();
  const workbook = buildReportWorkbook(excelJs, title, subtitle, sheetName, sections);
  return saveWorkbook(workbook, fileName, {
    ...record,
    collection: 'demands',
    action: 'report.export',
    what: `报表“${title}”`,
    pii: 'none',
  });
}
