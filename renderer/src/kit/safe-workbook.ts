// Making a file safe to open in a spreadsheet: every text cell neutralised (no cell can start a
// formula, OWASP), formulas replaced by their values. Used by the one exporter (./export-file).
import type { CellValue, Workbook } from 'exceljs';
import { toCsv } from '#shared/domain/hotline/csv';
import { neutraliseTable, neutraliseText } from '#shared/domain/export/index';

function safeValue(value: CellValue): CellValue {
  if (typeof value === 'string') return neutraliseText(value);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  if ('richText' in value) return neutraliseText(value.richText.map((r) => r.text).join(''));
  // A formula is never written: only the value it had.
  if ('formula' in value || 'sharedFormula' in value)
    return safeValue((value as { result?: CellValue }).result ?? null);
  if ('text' in value && typeof value.text === 'string') return neutraliseText(value.text);
  return value;
}

/** Neutralises every cell of every sheet in place. */
export function neutraliseWorkbook(workbook: Workbook): void {
  workbook.eachSheet((sheet) => {
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const safe = safeValue(cell.value);
        if (safe !== cell.value) cell.value = safe;
      });
    });
  });
}

/** The bytes of a CSV file as Excel opens it in Chinese (UTF-8 with BOM), every cell neutralised. */
export function csvBytes(rows: readonly (readonly string[])[]): Uint8Array {
  return new TextEncoder().encode(`\ufeff${toCsv(neutraliseTable(rows))}`);
}
