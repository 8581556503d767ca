import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { demandIdForOrderNo, planImport, refusedTable, type ExistingHotlineDemand } from './plan';
import type { HotlineDemand, RowResult } from './rows';

const demand = (orderNo: string, over: Partial<HotlineDemand> = {}): HotlineDemand => ({
  hotlineOrderNo: orderNo,
  placeId: 'y1',
  scope: 'xg.hxl.hxl2',
  title: '楼道灯不亮',
  description: '楼道灯不亮',
  type: 'complaint',
  category: 'electricHeating',
  urgency: 'normal',
  receivedAt: '2026-03-01T01:30:00.000Z',
  vulnerable: false,
  ...over,
});
const ok = (rowNumber: number, d: HotlineDemand): RowResult => ({
  ok: true,
  rowNumber,
  demand: d,
  placeName: '院',
});

/** What an import writes: new demands with the stable id, updated ones keeping theirs. */
function apply(store: Map<string, ExistingHotlineDemand>, rows: RowResult[]) {
  const plan = planImport(rows, store);
  for (const c of plan.create)
    store.set(c.demand.hotlineOrderNo, { id: demandIdForOrderNo(c.demand.hotlineOrderNo), ...c.demand });
  for (const u of plan.update) store.set(u.demand.hotlineOrderNo, { id: u.id, ...u.demand });
  return plan;
}

describe('planImport', () => {
  it('creates new work orders, updates changed ones in place and leaves equal ones alone', () => {
    const existing = new Map<string, ExistingHotlineDemand>([
      ['A1', { id: 'demand-7', ...demand('A1') }],
      ['A2', { id: 'demand-8', ...demand('A2') }],
    ]);
    const plan = planImport(
      [
        ok(2, demand('A1')),
        ok(3, demand('A2', { urgency: 'urgent', dueAt: '2026-03-04T01:30:00.000Z' })),
        ok(4, demand('A3')),
      ],
      existing,
    );
    expect(plan.create.map((c) => c.demand.hotlineOrderNo)).toEqual(['A3']);
    expect(plan.update).toEqual([
      {
        rowNumber: 3,
        id: 'demand-8',
        demand: expect.objectContaining({ urgency: 'urgent' }),
        changed: ['urgency', 'dueAt'],
      },
    ]);
    expect(plan.unchanged).toEqual([{ rowNumber: 2, id: 'demand-7' }]);
    expect(plan.refused).toEqual([]);
    expect(plan.conflicts).toEqual([]);
  });

  it('lets the later row of a number repeated in the file win, counted as an update', () => {
    const plan = planImport([ok(2, demand('A1')), ok(9, demand('A1', { title: '另一个' }))], new Map());
    expect(plan.create.map((c) => c.rowNumber)).toEqual([2]);
    expect(plan.update).toEqual([
      {
        rowNumber: 9,
        id: 'hotline-A1',
        demand: expect.objectContaining({ title: '另一个' }),
        changed: ['title'],
        replacesRow: 2,
      },
    ]);
    expect(plan.refused).toEqual([]);
    expect(plan.latest.get('A1')?.rowNumber).toBe(9);
  });

  it('passes refused rows through and exports them as a table', () => {
    const bad: RowResult = {
      ok: false,
      rowNumber: 5,
      errors: [{ rowNumber: 5, column: '受理时间', message: '缺少受理时间' }],
    };
    const plan = planImport([bad], new Map());
    expect(refusedTable(plan.refused)).toEqual([
      ['行号', '工单编号', '列', '原因'],
      ['5', '', '受理时间', '缺少受理时间'],
    ]);
  });

  it('is idempotent: importing the same rows again changes nothing, whatever the rows', () => {
    const row = fc.record({
      orderNo: fc.constantFrom('A1', 'A2', 'A3', 'B1', 'B2'),
      urgency: fc.constantFrom('normal', 'urgent', 'critical') as fc.Arbitrary<HotlineDemand['urgency']>,
      title: fc.constantFrom('暖气不热', '楼道灯不亮'),
      phone: fc.option(fc.constant('139-0000-0001'), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), fc.array(row, { maxLength: 12 }), (before, rows) => {
        const toResults = (list: typeof rows) =>
          list.map((r, i) =>
            ok(
              i + 2,
              demand(r.orderNo, {
                urgency: r.urgency,
                title: r.title,
                ...(r.phone ? { reporterPhone: r.phone } : {}),
              }),
            ),
          );
        const store = new Map<string, ExistingHotlineDemand>();
        apply(store, toResults(before));
        const first = apply(store, toResults(rows));
        const ids = new Map([...store].map(([k, v]) => [k, v.id]));
        const second = apply(store, toResults(rows));
        expect(second.create).toEqual([]);
        expect(second.update).toEqual([]);
        expect(second.unchanged.length).toBe(
          first.create.length + first.update.length + first.unchanged.length,
        );
        // Never a duplicate and never a new id for a known work order.
        expect(new Map([...store].map(([k, v]) => [k, v.id]))).toEqual(ids);
      }),
    );
  });
});
