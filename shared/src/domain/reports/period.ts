import { beijingMonth, dayNumber, instantOfBeijingDay, addHours } from '#shared/domain/calendar/index';

// Report periods are half-open [from, to) of ISO instants; months and years follow the Beijing
// calendar, as the street office counts them.

export interface Period {
  readonly from: string;
  readonly to: string;
}

const MONTH = /^(\d{4})-(\d{2})$/;

/** The first instant of a Beijing month `YYYY-MM`. */
export function monthStart(month: string): string {
  if (!MONTH.test(month)) throw new RangeError(`月份格式应为 YYYY-MM: ${month}`);
  return instantOfBeijingDay(dayNumber(`${month}-01`), 0);
}

export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

export const monthPeriod = (month: string): Period => ({
  from: monthStart(month),
  to: monthStart(nextMonth(month)),
});

export const yearPeriod = (year: number): Period => ({
  from: monthStart(`${year}-01`),
  to: monthStart(`${year + 1}-01`),
});

/** The Beijing months overlapping [from, to), in order. */
export function monthsOf({ from, to }: Period): string[] {
  if (to <= from) return [];
  const last = beijingMonth(addHours(to, -1 / 3_600_000));
  const out: string[] = [];
  for (let month = beijingMonth(from); month <= last; month = nextMonth(month)) out.push(month);
  return out;
}

/** The Beijing years overlapping [from, to). */
export function yearsOf(period: Period): number[] {
  return [...new Set(monthsOf(period).map((m) => Number(m.slice(0, 4))))];
}

/** The twelve months up to and including the month of `now`. */
export function lastTwelveMonths(now: string): Period {
  let month = beijingMonth(now);
  for (let i = 0; i < 11; i += 1) {
    const [y, m] = month.split('-').map(Number) as [number, number];
    month = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  }
  return { from: monthStart(month), to: monthStart(nextMonth(beijingMonth(now))) };
}

export const inPeriod = (at: string, { from, to }: Period): boolean => at >= from && at < to;
