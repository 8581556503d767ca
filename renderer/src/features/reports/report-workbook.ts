// The report as an .xlsx workbook: one sheet, the title, then each section as a table with real
// numbers (counts, shares as percentages, yuan), so the office can go on calculating in Excel.
// ExcelJS is passed in: the browser build in the renderer, the Node build in tests.
import type { Workbook } from 'exceljs';
import type { Cell, Section } from './report-sections';

const NUMBER_FORMATS = { count: '0', percent: '0.0%', yuan: '#,##0.00' } as const;

function cellValue(cell: Cell): string | number {
  if (cell.format === 'text' || cell.value === undefined || cell.value === null) return cell.text;
  return cell.value;
}

export function buildReportWorkbook(
  ExcelJS: { Workbook: new () => Workbook },
  title: string,
  subtitle: string,
  sheetName: string,
  sections: readonly Section[],
): Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '议事';
  const sheet = workbook.addWorksheet(sheetName, {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const width = Math.max(...sections.map((s) => s.columns.length), 2);
  sheet.columns = Array.from({ length: width }, (_, i) => ({ width: i === 0 ? 28 : 16 }));
  const titleRow = sheet.addRow([title]);
  titleRow.font = { bold: true, size: 16 };
  sheet.mergeCells(titleRow.number, 1, titleRow.number, width);
  sheet.addRow([subtitle]).font = { color: { argb: 'FF555555' } };
  for (const section of sections) {
    sheet.addRow([]);
    sheet.addRow([section.title]).font = { bold: true, size: 13 };
    const header = sheet.addRow([...section.columns]);
    header.font = { bold: true };
    header.eachCell((c) => {
      c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDE7E0' } };
      c.border = { bottom: { style: 'thin' } };
    });
    for (const cells of section.rows) {
      const row = sheet.addRow(cells.map(cellValue));
      cells.forEach((cell, i) => {
        if (cell.format !== 'text' && typeof cellValue(cell) === 'number')
          row.getCell(i + 1).numFmt = NUMBER_FORMATS[cell.format];
      });
    }
  }
  return workbook;
}
