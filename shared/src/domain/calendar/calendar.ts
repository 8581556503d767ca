import { beijingDay, dateOfDayNumber, dayNumber, instantOfBeijingDay, weekdayOfDayNumber } from './days';
import { CHINA_HOLIDAYS, type HolidayYear } from './holidays';

/** Working days for deadlines (e.g. 深入议: a meeting within 5 working days). */
export interface WorkingCalendar {
  /** `date` is a `YYYY-MM-DD` Beijing date or an ISO instant (its Beijing date is used). */
  isWorkingDay(date: string): boolean;
  /** The holiday's name when the date is a public holiday (法定节假日及调休). */
  holidayName(date: string): string | undefined;
  /** The instant n working days later (earlier for negative n), at the same Beijing time of day. */
  addWorkingDays(isoDateTime: string, n: number): string;
  /** Working days d with date(a) < d ≤ date(b); negative when b is before a. */
  workingDaysBetween(a: string, b: string): number;
  /** Whether the holiday data covers the date's year (outside it only weekends are known). */
  covers(date: string): boolean;
}

function dayOf(dateOrInstant: string): number {
  return /^\d{4}-\d{2}-\d{2}$/.test(dateOrInstant) ? dayNumber(dateOrInstant) : beijingDay(dateOrInstant).day;
}

export function createCalendar(years: readonly HolidayYear[]): WorkingCalendar {
  const holidays = new Map<number, string>();
  const workdays = new Set<number>();
  const covered = new Set<number>();
  for (const year of years) {
    covered.add(year.year);
    for (const range of year.holidays) {
      for (let day = dayNumber(range.from); day <= dayNumber(range.to); day += 1)
        holidays.set(day, range.name);
    }
    for (const date of year.workdays) workdays.add(dayNumber(date));
  }

  const isWorkingDayNumber = (day: number): boolean => {
    if (workdays.has(day)) return true;
    if (holidays.has(day)) return false;
    const weekday = weekdayOfDayNumber(day);
    return weekday !== 0 && weekday !== 6;
  };

  return {
    isWorkingDay: (date) => isWorkingDayNumber(dayOf(date)),
    holidayName: (date) => holidays.get(dayOf(date)),
    covers: (date) => covered.has(Number(dateOfDayNumber(dayOf(date)).slice(0, 4))),
    addWorkingDays(isoDateTime, n) {
      if (!Number.isInteger(n)) throw new RangeError(`工作日数应为整数: ${n}`);
      const { day: start, msOfDay } = beijingDay(isoDateTime);
      const step = n < 0 ? -1 : 1;
      let day = start;
      for (let remaining = Math.abs(n); remaining > 0;) {
        day += step;
        if (isWorkingDayNumber(day)) remaining -= 1;
      }
      return instantOfBeijingDay(day, msOfDay);
    },
    workingDaysBetween(a, b) {
      const from = dayOf(a);
      const to = dayOf(b);
      const [low, high, sign] = from <= to ? [from, to, 1] : [to, from, -1];
      let count = 0;
      for (let day = low + 1; day <= high; day += 1) if (isWorkingDayNumber(day)) count += 1;
      return sign * count;
    },
  };
}

/** Mainland China, 2024–2027 (see holidays.ts for the sources and the 2027 caveat). */
export const CHINA_CALENDAR: WorkingCalendar = createCalendar(CHINA_HOLIDAYS);

export const isWorkingDay = (date: string): boolean => CHINA_CALENDAR.isWorkingDay(date);
export const addWorkingDays = (isoDateTime: string, n: number): string =>
  CHINA_CALENDAR.addWorkingDays(isoDateTime, n);
export const workingDaysBetween = (a: string, b: string): number => CHINA_CALENDAR.workingDaysBetween(a, b);
