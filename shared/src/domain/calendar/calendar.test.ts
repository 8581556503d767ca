import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CHINA_CALENDAR,
  CHINA_HOLIDAYS,
  addWorkingDays,
  beijingDate,
  createCalendar,
  dateOfDayNumber,
  dayNumber,
  isWorkingDay,
  weekdayOfDayNumber,
  workingDaysBetween,
} from '#shared/domain/calendar/index';

const weekday = (date: string) => weekdayOfDayNumber(dayNumber(date));

describe('date arithmetic', () => {
  it('knows weekdays and Beijing dates', () => {
    expect(weekday('2026-11-29')).toBe(0);
    expect(weekday('2024-02-29')).toBe(4);
    expect(beijingDate('2026-11-27T17:00:00.000Z')).toBe('2026-11-28');
    expect(beijingDate('2026-11-27T15:59:59.999Z')).toBe('2026-11-27');
    expect(dateOfDayNumber(dayNumber('2027-12-31'))).toBe('2027-12-31');
  });

  it('refuses malformed or impossible dates', () => {
    expect(() => dayNumber('2026-02-30')).toThrow(RangeError);
    expect(() => dayNumber('26-2-3')).toThrow(RangeError);
    expect(() => isWorkingDay('not a date')).toThrow(RangeError);
  });
});

describe('China holiday data', () => {
  it.each(CHINA_HOLIDAYS.map((y) => [y.year, y] as const))(
    '%i: adjusted working days are weekend days',
    (_, year) => {
      for (const date of year.workdays) {
        expect([0, 6]).toContain(weekday(date));
        expect(isWorkingDay(date)).toBe(true);
      }
    },
  );

  it.each(CHINA_HOLIDAYS.map((y) => [y.year, y] as const))(
    '%i: every holiday day is off and named',
    (_, year) => {
      for (const range of year.holidays) {
        for (let d = dayNumber(range.from); d <= dayNumber(range.to); d += 1) {
          expect(isWorkingDay(dateOfDayNumber(d))).toBe(false);
          expect(CHINA_CALENDAR.holidayName(dateOfDayNumber(d))).toBe(range.name);
        }
      }
    },
  );

  it('counts the working days of the official years', () => {
    // Counted by hand: weekdays − holiday days falling on weekdays + adjusted working days.
    // 2024: 262 − 19 + 8; 2025: 261 − 18 + 5; 2026: 261 − 19 + 6.
    const count = (year: number) => workingDaysBetween(`${year - 1}-12-31`, `${year}-12-31`);
    expect(count(2024)).toBe(251);
    expect(count(2025)).toBe(248);
    expect(count(2026)).toBe(248);
  });

  it('marks 2027 as not yet official and falls back to weekends outside the data', () => {
    expect(CHINA_HOLIDAYS.find((y) => y.year === 2027)?.official).toBe(false);
    expect(isWorkingDay('2027-02-08')).toBe(false);
    expect(CHINA_CALENDAR.covers('2027-06-01')).toBe(true);
    expect(CHINA_CALENDAR.covers('2028-01-03')).toBe(false);
    expect(isWorkingDay('2028-01-03')).toBe(true);
    expect(isWorkingDay('2028-01-01')).toBe(false);
  });

  it('uses the Beijing date of an instant', () => {
    // Friday 2026-11-27 17:00 UTC is Saturday 01:00 in Beijing.
    expect(isWorkingDay('2026-11-27T17:00:00.000Z')).toBe(false);
    expect(isWorkingDay('2026-11-27T08:00:00.000Z')).toBe(true);
  });
});

describe('addWorkingDays and workingDaysBetween', () => {
  it('skips weekends and holidays and uses adjusted working days', () => {
    // Friday 2026-09-18 10:00 Beijing → Sunday 2026-09-20 is an adjusted working day.
    expect(addWorkingDays('2026-09-18T02:00:00.000Z', 1)).toBe('2026-09-20T02:00:00.000Z');
    // 2026-09-30 → the National Day holiday runs to 10-07.
    expect(addWorkingDays('2026-09-30T02:00:00.000Z', 1)).toBe('2026-10-08T02:00:00.000Z');
    expect(addWorkingDays('2026-09-30T02:00:00.000Z', 3)).toBe('2026-10-10T02:00:00.000Z');
    // Created on a Saturday: five working days are Monday … Friday.
    expect(addWorkingDays('2026-11-28T01:00:00.000Z', 5)).toBe('2026-12-04T01:00:00.000Z');
    expect(addWorkingDays('2026-12-04T01:00:00.000Z', -5)).toBe('2026-11-27T01:00:00.000Z');
    expect(addWorkingDays('2026-12-04T01:00:00.000Z', 0)).toBe('2026-12-04T01:00:00.000Z');
    expect(() => addWorkingDays('2026-12-04T01:00:00.000Z', 1.5)).toThrow(RangeError);
  });

  it('counts working days in (a, b]', () => {
    expect(workingDaysBetween('2026-02-13', '2026-02-24')).toBe(2); // 02-14 (Sat, worked), 02-24
    expect(workingDaysBetween('2026-02-24', '2026-02-13')).toBe(-2);
    expect(workingDaysBetween('2026-02-13', '2026-02-13')).toBe(0);
  });

  const instant = fc
    .integer({ min: dayNumber('2024-01-01') * 24, max: dayNumber('2027-12-01') * 24 })
    .map((hour) => new Date(hour * 3_600_000 + 123).toISOString());

  it('round-trips: n working days later is n working days between', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: -40, max: 40 }), (start, n) => {
        const end = addWorkingDays(start, n);
        // Going back from a rest day, the first step lands on the working day before it, which
        // (a, b] does not count: the round trip holds backwards only from a working day.
        if (n >= 0 || isWorkingDay(start)) expect(workingDaysBetween(start, end)).toBe(n);
        if (n !== 0) expect(isWorkingDay(end)).toBe(true);
        expect(end.slice(11)).toBe(start.slice(11));
      }),
    );
  });

  it('is monotone in n', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 30 }), (start, n) => {
        expect(addWorkingDays(start, n + 1) > addWorkingDays(start, n)).toBe(true);
      }),
    );
  });

  it('builds calendars from other data', () => {
    const calendar = createCalendar([
      {
        year: 2030,
        official: true,
        holidays: [{ name: '测试', from: '2030-01-02', to: '2030-01-02' }],
        workdays: ['2030-01-05'],
      },
    ]);
    expect(calendar.isWorkingDay('2030-01-02')).toBe(false);
    expect(calendar.isWorkingDay('2030-01-05')).toBe(true);
    expect(calendar.workingDaysBetween('2030-01-01', '2030-01-06')).toBe(3);
  });
});
