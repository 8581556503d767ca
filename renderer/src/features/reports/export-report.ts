import type ExcelJS from 'exceljs';
import { platform } from '../../platform';
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

/** Saves the report as .xlsx through the platform's save dialog (a download in browser mode). */
export async function exportReport(
  fileName: string,
  title: string,
  subtitle: string,
  sheetName: string,
  sections: readonly Section[],
): Promise<boolean> {
  const { default: excelJs } = await loadExcel();
  const workbook = buildReportWorkbook(excelJs, title, subtitle, sheetName, sections);
  const data = new Uint8Array(await workbook.xlsx.writeBuffer());
  return platform.saveFile(fileName, data, [{ name: 'Excel', extensions: ['xlsx'] }]);
}
