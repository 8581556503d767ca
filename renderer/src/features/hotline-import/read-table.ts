// Turning an opened file into a table of text cells: CSV in any of the encodings Chinese exports
// use, or the first worksheet of an .xlsx. ExcelJS is passed in so the same code runs with the
// browser build in the worker and the Node build in tests.
import type { CellValue, Workbook } from 'exceljs';
import { detectEncoding, parseCsv, sniffDelimiter } from '#shared/domain/hotline/csv';
import { tableFromRows, type RawTable } from '#shared/domain/hotline/rows';

export interface ExcelModule {
  Workbook: new () => Workbook;
}

export function isSpreadsheet(name: string): boolean {
  return /\.xlsx$/i.test(name);
}

export function csvTable(data: Uint8Array): RawTable {
  const { encoding, offset } = detectEncoding(data);
  const text = new TextDecoder(encoding).decode(data.subarray(offset));
  return tableFromRows(parseCsv(text, sniffDelimiter(text)));
}

const two = (n: number) => String(n).padStart(2, '0');

/** Excel stores wall-clock time; ExcelJS hands it over as a Date whose UTC fields are that wall clock. */
export function wallClockText(date: Date): string {
  const d = `${date.getUTCFullYear()}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())}`;
  const h = date.getUTCHours();
  const m = date.getUTCMinutes();
  const s = date.getUTCSeconds();
  return h === 0 && m === 0 && s === 0 ? d : `${d} ${two(h)}:${two(m)}:${two(s)}`;
}

export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : wallClockText(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    return cellText((value as { result?: CellValue }).result);
  }
  if ('text' in value && typeof value.text === 'string') return value.text;
  return ''; // error values (#N/A …)
}

export async function xlsxTable(data: Uint8Array, excel: ExcelModule): Promise<RawTable> {
  const workbook = new excel.Workbook();
  await workbook.xlsx.load(data.slice().buffer);
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) return { headers: [], rows: [] };
  const width = sheet.columnCount;
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c += 1) cells.push(cellText(row.getCell(c).value).trim());
    rows[rowNumber - 1] = cells;
  });
  for (let i = 0; i < rows.length; i += 1) rows[i] ??= [];
  return tableFromRows(rows);
}

export async function tableFromFile(
  name: string,
  data: Uint8Array,
  excel: () => Promise<ExcelModule>,
): Promise<RawTable> {
  return isSpreadsheet(name) ? xlsxTable(data, await excel()) : csvTable(data);
}
