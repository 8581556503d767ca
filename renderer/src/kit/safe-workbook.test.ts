import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { startsLikeFormula } from '#shared/domain/export/index';
import { csvBytes, neutraliseWorkbook } from './safe-workbook';

describe('the one exporter', () => {
  it('writes no cell that starts like a formula, and no formula at all', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('台账');
    sheet.addRow(['=HYPERLINK("http://x","点我")', '+86 138', '-1', '@SUM(A1)', '\tx', '正常', 42, -5]);
    sheet.addRow([{ richText: [{ text: '=cmd|' }, { text: "' /C calc'!A0" }] }]);
    sheet.addRow([{ formula: 'A1*2', result: '=evil' }]);
    neutraliseWorkbook(workbook);
    const read = new ExcelJS.Workbook();
    await read.xlsx.load(await workbook.xlsx.writeBuffer());
    const texts: unknown[] = [];
    read.worksheets[0]?.eachRow((row) => row.eachCell((cell) => texts.push(cell.value)));
    expect(texts).toEqual([
      '\'=HYPERLINK("http://x","点我")',
      "'+86 138",
      "'-1",
      "'@SUM(A1)",
      "'\tx",
      '正常',
      42,
      -5,
      "'=cmd|' /C calc'!A0",
      "'=evil",
    ]);
    expect(texts.filter((v) => typeof v === 'string' && startsLikeFormula(v))).toEqual([]);
  });

  it('writes CSV as UTF-8 with BOM, every cell neutralised', () => {
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(
      csvBytes([
        ['列', '原因'],
        ['=1+1', '正常'],
      ]),
    );
    expect(text).toBe("\ufeff列,原因\r\n'=1+1,正常\r\n");
  });
});
