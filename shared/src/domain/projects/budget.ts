import type { FundSource, ProjectState } from '#shared/domain/vocab';
import { FUND_SOURCE_LABELS, formatYuan } from './labels';

// Money is integer fen everywhere. A project may never spend beyond its approved budget: the
// check runs before a spending entry is written, and the hub can run the same function.

export interface BudgetFacts {
  readonly budgetFen: number;
  readonly status: ProjectState;
  readonly spending: readonly { readonly amountFen: number }[];
}

/** States in which money may be spent: the works are underway or done but not yet accepted. */
export const SPENDING_STATES: readonly ProjectState[] = ['inProgress', 'completed'];

/** States whose budget is committed (approved by a vote and not rejected). */
export const COMMITTED_STATES: readonly ProjectState[] = [
  'approved',
  'inProgress',
  'completed',
  'accepted',
  'published',
];

export const spentFen = (project: Pick<BudgetFacts, 'spending'>): number =>
  project.spending.reduce((sum, s) => sum + s.amountFen, 0);

export const remainingFen = (project: Pick<BudgetFacts, 'spending' | 'budgetFen'>): number =>
  project.budgetFen - spentFen(project);

export type SpendingCheck = { readonly ok: true } | { readonly ok: false; readonly message: string };

/** Whether one more spending entry of `amountFen` may be recorded; the refusal says why in Chinese. */
export function checkSpending(project: BudgetFacts, amountFen: number): SpendingCheck {
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0) {
    return { ok: false, message: '支出金额应为大于 0 的金额（精确到分）' };
  }
  if (!SPENDING_STATES.includes(project.status)) {
    return { ok: false, message: '项目开始实施后、验收之前才能登记支出' };
  }
  const spent = spentFen(project);
  if (spent + amountFen > project.budgetFen) {
    const over = spent + amountFen - project.budgetFen;
    return {
      ok: false,
      message: `超出预算，不能登记：预算 ${formatYuan(project.budgetFen)} 元，已支出 ${formatYuan(spent)} 元，本次 ${formatYuan(amountFen)} 元，将超出 ${formatYuan(over)} 元`,
    };
  }
  return { ok: true };
}

export interface BalanceFacts extends BudgetFacts {
  readonly fundSource: FundSource;
  readonly year: number;
}

export interface FundBalance {
  readonly fundSource: FundSource;
  readonly label: string;
  readonly year: number;
  /** Projects counted (committed ones; proposals only in `proposedFen`). */
  readonly projects: number;
  /** Budgets approved by a vote. */
  readonly budgetFen: number;
  readonly spentFen: number;
  /** Approved but not yet spent. */
  readonly balanceFen: number;
  /** Budgets still awaiting a decision (proposed or assessed). */
  readonly proposedFen: number;
}

/** Balances per fund source and year, newest year first, fund sources in vocabulary order. */
export function fundBalances(projects: readonly BalanceFacts[]): FundBalance[] {
  const rows = new Map<
    string,
    {
      fundSource: FundSource;
      year: number;
      projects: number;
      budgetFen: number;
      spentFen: number;
      proposedFen: number;
    }
  >();
  for (const p of projects) {
    const key = `${p.year}/${p.fundSource}`;
    const row = rows.get(key) ?? {
      fundSource: p.fundSource,
      year: p.year,
      projects: 0,
      budgetFen: 0,
      spentFen: 0,
      proposedFen: 0,
    };
    if (COMMITTED_STATES.includes(p.status)) {
      row.projects += 1;
      row.budgetFen += p.budgetFen;
      row.spentFen += spentFen(p);
    } else if (p.status === 'proposed' || p.status === 'assessed') {
      row.proposedFen += p.budgetFen;
    }
    rows.set(key, row);
  }
  const order = Object.keys(FUND_SOURCE_LABELS);
  return [...rows.values()]
    .sort((a, b) => b.year - a.year || order.indexOf(a.fundSource) - order.indexOf(b.fundSource))
    .map((row) => ({
      ...row,
      label: FUND_SOURCE_LABELS[row.fundSource],
      balanceFen: row.budgetFen - row.spentFen,
    }));
}
