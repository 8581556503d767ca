import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkSpending, fundBalances, remainingFen, spentFen, type BalanceFacts } from './budget';
import { formatYuan, parseYuan } from './labels';

const project = (over: Partial<BalanceFacts> = {}): BalanceFacts => ({
  budgetFen: 1_000_000,
  status: 'inProgress',
  spending: [],
  fundSource: 'communityWelfareFund',
  year: 2026,
  ...over,
});

describe('spending within budget', () => {
  it('accepts spending up to exactly the budget', () => {
    const p = project({ spending: [{ amountFen: 600_000 }] });
    expect(checkSpending(p, 400_000)).toEqual({ ok: true });
    expect(remainingFen(p)).toBe(400_000);
  });

  it('refuses spending over the budget and says by how much, in yuan', () => {
    const result = checkSpending(project({ spending: [{ amountFen: 600_000 }] }), 400_001);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toContain('超出预算');
      expect(result.message).toContain('预算 10,000.00 元');
      expect(result.message).toContain('已支出 6,000.00 元');
      expect(result.message).toContain('将超出 0.01 元');
    }
  });

  it('refuses zero, negative and fractional fen', () => {
    for (const amount of [0, -5, 1.5, Number.NaN]) expect(checkSpending(project(), amount).ok).toBe(false);
  });

  it('refuses spending before the works start and after acceptance', () => {
    for (const status of ['proposed', 'assessed', 'approved', 'accepted', 'published', 'rejected'] as const) {
      const result = checkSpending(project({ status }), 100);
      expect(result).toEqual({ ok: false, message: '项目开始实施后、验收之前才能登记支出' });
    }
    expect(checkSpending(project({ status: 'completed' }), 100).ok).toBe(true);
  });

  it('never lets accepted entries add up beyond the budget', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.array(fc.integer({ min: -10, max: 3_000_000 })),
        (budgetFen, amounts) => {
          const spending: { amountFen: number }[] = [];
          for (const amountFen of amounts) {
            if (checkSpending({ budgetFen, status: 'inProgress', spending }, amountFen).ok)
              spending.push({ amountFen });
          }
          expect(spentFen({ spending })).toBeLessThanOrEqual(budgetFen);
        },
      ),
    );
  });
});

describe('balances per fund source and year', () => {
  it('counts committed budgets and spending, keeps proposals apart and ignores rejections', () => {
    const rows = fundBalances([
      project({ budgetFen: 500_000, spending: [{ amountFen: 100_000 }, { amountFen: 50_000 }] }),
      project({ budgetFen: 300_000, status: 'published', spending: [{ amountFen: 300_000 }] }),
      project({ budgetFen: 200_000, status: 'proposed' }),
      project({ budgetFen: 900_000, status: 'rejected' }),
      project({ budgetFen: 400_000, fundSource: 'partyServiceFund', status: 'approved' }),
      project({ budgetFen: 700_000, year: 2025, status: 'accepted', spending: [{ amountFen: 650_000 }] }),
    ]);
    expect(
      rows.map((r) => [r.year, r.label, r.projects, r.budgetFen, r.spentFen, r.balanceFen, r.proposedFen]),
    ).toEqual([
      [2026, '社区公益金', 2, 800_000, 450_000, 350_000, 200_000],
      [2026, '党组织服务群众经费', 1, 400_000, 0, 400_000, 0],
      [2025, '社区公益金', 1, 700_000, 650_000, 50_000, 0],
    ]);
  });

  it('is empty without projects', () => {
    expect(fundBalances([])).toEqual([]);
  });
});

describe('money text', () => {
  it('formats fen as yuan', () => {
    expect(formatYuan(0)).toBe('0.00');
    expect(formatYuan(123_456_789)).toBe('1,234,567.89');
    expect(formatYuan(-5)).toBe('-0.05');
  });

  it('parses what people type', () => {
    expect(parseYuan('1,200')).toBe(120_000);
    expect(parseYuan('¥35.5')).toBe(3_550);
    expect(parseYuan('80.05 元')).toBe(8_005);
    expect(parseYuan('1.234')).toBeNull();
    expect(parseYuan('-3')).toBeNull();
    expect(parseYuan('')).toBeNull();
  });

  it('round-trips every amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), (fen) => {
        expect(parseYuan(formatYuan(fen))).toBe(fen);
      }),
    );
  });
});
