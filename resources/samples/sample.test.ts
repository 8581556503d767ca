import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { autoMap, createPlaceMatcher, planImport, readRows } from '#shared/domain/hotline/index';
import { generateDemoStreet } from '#resources/demo/index';
import { csvTable, xlsxTable } from '../../renderer/src/features/hotline-import/read-table';

// The committed sample must stay what the import tests expect: 500 good rows that all find a
// place of the demo street, 18 rows refused each for a reason a person can read, and two
// re-exported orders whose later row updates the earlier one.
const DIR = join(process.cwd(), 'resources', 'samples');
const places = generateDemoStreet({ seed: 1, now: '2026-11-01T00:00:00.000Z' }).places;
const ctx = { matcher: createPlaceMatcher(places), now: '2026-11-29T00:00:00.000Z' };

describe('the 12345 sample workbook', () => {
  it('has 520 rows: 500 orders, 2 re-exported, 18 refused with Chinese reasons', async () => {
    const table = await xlsxTable(new Uint8Array(await readFile(join(DIR, '12345-sample.xlsx'))), ExcelJS);
    expect(table.rows).toHaveLength(520);
    const plan = planImport(readRows(table, autoMap(table.headers), ctx), new Map());
    expect(plan.create).toHaveLength(500);
    expect(plan.update).toHaveLength(2);
    expect(plan.refused).toHaveLength(18);
    const messages = plan.refused.flatMap((r) => r.errors.map((e) => `${e.column}: ${e.message}`));
    expect(messages).toContain('工单编号: 缺少工单编号');
    expect(messages).toContain('受理时间: 无法识别的受理时间“2026-13-45 10:00”（例如 2026-03-01 09:30）');
    expect(messages.some((m) => m.startsWith('所属社区: 未知社区“和平里社区”'))).toBe(true);
    expect(messages).toContain('联系电话: 联系电话“1370000”不是有效的电话号码');
    // Every class of the sample is in the built-in table: nothing waits for a person to assign it.
    const closed = [...plan.latest.values()].filter((l) => l.demand.hotlineFinishedAt !== undefined);
    expect(closed.length).toBeGreaterThan(250);
    expect([...plan.latest.values()].every((l) => !l.demand.categoryGuessed)).toBe(true);
    // Places go down to the entrance where the address names one.
    const kinds = new Map(places.map((p) => [p.id, p.kind]));
    const placeKinds = new Set(plan.create.map((c) => kinds.get(c.demand.placeId)));
    expect(placeKinds).toEqual(new Set(['entrance', 'courtyard', 'community']));
  });

  it('reads the same demands from the CSV copy', async () => {
    const xlsx = await xlsxTable(new Uint8Array(await readFile(join(DIR, '12345-sample.xlsx'))), ExcelJS);
    const csv = csvTable(new Uint8Array(await readFile(join(DIR, '12345-sample.csv'))));
    const demands = (t: typeof csv) =>
      readRows(t, autoMap(t.headers), ctx).flatMap((r) => (r.ok ? [r.demand] : []));
    expect(demands(csv)).toEqual(demands(xlsx));
  });
});
