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

/** The months a monthly report can be made for: the last twelve, latest first. */
export const reportMonths = (now: string): string[] => monthsOf(lastTwelveMonths(now)).reverse();

export const reportYears = (now: string): number[] => {
  const year = Number(beijingMonth(now).slice(0, 4));
  return [year, year - 1, year - 2];
};
