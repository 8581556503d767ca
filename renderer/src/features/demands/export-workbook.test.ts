import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { DemandDoc } from '#shared/schema/index';
import { buildLedgerWorkbook, EXPORT_COLUMNS, type ExportLabels } from './export-workbook';

const AT = '2026-03-02T02:00:00.000Z';
const demand: DemandDoc = {
  id: 'demand-1',
  scope: 'xg.gyj.y2',
  createdAt: AT,
  createdBy: 'd',
  updatedAt: AT,
  updatedBy: 'd',
  placeId: 'p',
  title: '楼道灯坏了',
  description: '请回电 13900001234',
  type: 'help',
  category: 'publicFacilities',
  source: 'visit',
  urgency: 'normal',
  status: 'received',
  receivedAt: AT,
  vulnerable: true,
  reasonable: true,
  reopenedCount: 0,
  reporterName: '王秀英',
  reporterPhone: '13900001234',
  addressDetail: '1号楼2单元301',
};

const labels: ExportLabels = {
  sheetName: '需求台账',
  header: (c) => `H:${c}`,
  value: (field, value) => `${field}:${value}`,
  yesNo: (v) => (v ? '是' : '否'),
  dateTime: (iso) => iso.slice(0, 10),
  place: (scope) => `P:${scope}`,
};

async function roundTrip(pii: boolean): Promise<string[][]> {
  const workbook = buildLedgerWorkbook(ExcelJS, [demand], { pii }, labels);
  const buffer = await workbook.xlsx.writeBuffer();
  const read = new ExcelJS.Workbook();
  await read.xlsx.load(buffer);
  const sheet = read.getWorksheet('需求台账');
  if (!sheet) throw new Error('sheet missing');
  const rows: string[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return rows;
}

describe('ledger export workbook', () => {
  it('writes a header and one row per demand, masked when personal data may not leave', async () => {
    const [header, row] = await roundTrip(false);
    expect(header).toEqual(EXPORT_COLUMNS.map(([key]) => `H:${key}`));
    const cell = (key: string) => row?.[EXPORT_COLUMNS.findIndex(([k]) => k === key)];
    expect(cell('title')).toBe('楼道灯坏了');
    expect(cell('place')).toBe('P:xg.gyj.y2');
    expect(cell('category')).toBe('category:publicFacilities');
    expect(cell('vulnerable')).toBe('是');
    expect(cell('reporterName')).toBe('王**');
    expect(cell('reporterPhone')).toBe('139****1234');
    expect(cell('addressDetail')).toBe('1号楼****');
    expect(cell('description')).toBe('请回电 139****1234');
  });

  it('keeps personal data when the role may export it', async () => {
    const [, row] = await roundTrip(true);
    expect(row).toContain('13900001234');
    expect(row).toContain('王秀英');
  });
});
