import { computeDashboard, type Dashboard } from './dashboard';
import type { ReportData } from './figures';
import { monthPeriod, yearPeriod } from './period';

// 月度报表 and 年度总结 as structured data; the renderer lays them out, prints and exports them.
// A period still running is judged at `now` (overdue work, pending responses); a finished one at
// its end.

export interface MonthlyReport {
  readonly kind: 'monthly';
  readonly month: string;
  readonly dashboard: Dashboard;
}

export interface AnnualSummary {
  readonly kind: 'annual';
  readonly year: number;
  readonly dashboard: Dashboard;
}

const judgedAt = (to: string, now: string) => (now < to ? now : to);

export function monthlyReport(
  data: ReportData,
  options: { readonly scope: string; readonly month: string; readonly now: string },
): MonthlyReport {
  const period = monthPeriod(options.month);
  return {
    kind: 'monthly',
    month: options.month,
    dashboard: computeDashboard(data, {
      scope: options.scope,
      ...period,
      now: judgedAt(period.to, options.now),
    }),
  };
}

export function annualSummary(
  data: ReportData,
  options: { readonly scope: string; readonly year: number; readonly now: string },
): AnnualSummary {
  const period = yearPeriod(options.year);
  return {
    kind: 'annual',
    year: options.year,
    dashboard: computeDashboard(data, {
      scope: options.scope,
      ...period,
      now: judgedAt(period.to, options.now),
    }),
  };
}
