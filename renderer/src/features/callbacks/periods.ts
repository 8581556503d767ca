import { beijingMonth, dayNumber, instantOfBeijingDay } from '#shared/domain/calendar/index';

// Report periods in Beijing calendar months: a rate "for November" counts what happened from
// 1 November 00:00 to 1 December 00:00 Beijing time.

export const PERIODS = ['month', 'lastMonth', 'quarter', 'year', 'last12'] as const;
export type PeriodKey = (typeof PERIODS)[number];

export interface Period {
  readonly from: string;
  readonly to: string;
}

/** The instant a Beijing month starts; month may run past 12 or below 1. */
function monthStart(year: number, month: number): string {
  const y = year + Math.floor((month - 1) / 12);
  const m = ((((month - 1) % 12) + 12) % 12) + 1;
  return instantOfBeijingDay(dayNumber(`${y}-${String(m).padStart(2, '0')}-01`), 0);
}

export function periodOf(key: PeriodKey, now: string): Period {
  const [y, m] = beijingMonth(now).split('-').map(Number) as [number, number];
  switch (key) {
    case 'month':
      return { from: monthStart(y, m), to: monthStart(y, m + 1) };
    case 'lastMonth':
      return { from: monthStart(y, m - 1), to: monthStart(y, m) };
    case 'quarter': {
      const first = m - ((m - 1) % 3);
      return { from: monthStart(y, first), to: monthStart(y, first + 3) };
    }
    case 'year':
      return { from: monthStart(y, 1), to: monthStart(y + 1, 1) };
    case 'last12':
      return { from: monthStart(y, m - 11), to: monthStart(y, m + 1) };
  }
}
