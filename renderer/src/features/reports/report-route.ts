// The reports area's place in the hash route: #/reports/<scope>?view=…&period=…&month=…&year=…
import { beijingMonth } from '#shared/domain/calendar/index';
import {
  lastTwelveMonths,
  monthPeriod,
  monthsOf,
  yearPeriod,
  type Period,
} from '#shared/domain/reports/index';

export const VIEWS = ['dashboard', 'monthly', 'annual'] as const;
export type View = (typeof VIEWS)[number];
export const PERIODS = ['last12', 'year', 'month'] as const;
export type PeriodChoice = (typeof PERIODS)[number];

export interface ReportRoute {
  scope: string | undefined;
  view: View;
  period: PeriodChoice;
  month: string | undefined;
  year: number | undefined;
}

const pick = <T extends string>(values: readonly T[], value: string | null, fallback: T): T =>
  values.includes(value as T) ? (value as T) : fallback;

export function readReportRoute(segments: readonly string[], query: URLSearchParams): ReportRoute {
  const month = query.get('month');
  const year = Number(query.get('year'));
  return {
    scope: segments[1],
    view: pick(VIEWS, query.get('view'), 'dashboard'),
    period: pick(PERIODS, query.get('period'), 'last12'),
    month: month && /^\d{4}-\d{2}$/.test(month) ? month : undefined,
    year: Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : undefined,
  };
}

export function reportPath(scope: string, route: Omit<ReportRoute, 'scope'>): string {
  const query = new URLSearchParams({ view: route.view, period: route.period });
  if (route.month) query.set('month', route.month);
  if (route.year) query.set('year', String(route.year));
  return `/reports/${scope}?${query.toString()}`;
}

/** The dashboard's period for a choice at `now`: up to now, never into the future. */
export function dashboardPeriod(choice: PeriodChoice, now: string): Period {
  const month = beijingMonth(now);
  const period =
    choice === 'month'
      ? monthPeriod(month)
      : choice === 'year'
        ? yearPeriod(Number(month.slice(0, 4)))
        : lastTwelveMonths(now);
  return { from: period.from, to: period.to < now ? period.to : now };
}

/**
 * The months a monthly report can be made for, latest first: the last twelve and every earlier
 * month a demand was received in (a year of imported 12345 orders reaches far back), never a
 * month after now.
 */
export function reportMonths(now: string, receivedAts: readonly string[] = []): string[] {
  const current = beijingMonth(now);
  const months = new Set(monthsOf(lastTwelveMonths(now)));
  for (const at of receivedAts) {
    const month = beijingMonth(at);
    if (month <= current) months.add(month);
  }
  return [...months].sort().reverse();
}

/** The years an annual summary can be made for: the last three and every year with data. */
export function reportYears(now: string, receivedAts: readonly string[] = []): number[] {
  const year = Number(beijingMonth(now).slice(0, 4));
  const years = new Set([year, year - 1, year - 2]);
  for (const at of receivedAts) {
    const y = Number(beijingMonth(at).slice(0, 4));
    if (y <= year) years.add(y);
  }
  return [...years].sort((a, b) => b - a);
}
