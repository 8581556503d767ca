import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addHours, beijingMonth } from '#shared/domain/calendar/days';
import { monthOfInstant, plusHours } from './instants';

const outcome = (f: (s: string) => string, s: string) => {
  try {
    return f(s);
  } catch (error) {
    return `throws ${(error as Error).name}`;
  }
};

describe('monthOfInstant', () => {
  it('is beijingMonth at the edges of Beijing months', () => {
    for (const iso of [
      '2026-01-27T23:59:59.999Z',
      '2026-01-31T15:59:59.999Z',
      '2026-01-31T16:00:00.000Z',
      '2026-12-31T16:00:00Z',
      '2024-02-28T16:00:00.000Z',
      '2026-02-28T16:00:00.000Z',
      '2026-13-01T00:00:00.000Z',
      '2026-02-30T00:00:00.000Z',
      '2026-01-05T24:00:00.000Z',
      '2026-01-05T08:00:00+08:00',
      '2026-01-05',
      'not a time',
    ])
      expect(outcome(monthOfInstant, iso), iso).toBe(outcome(beijingMonth, iso));
  });

  it('is beijingMonth for any instant', () => {
    const instant = fc.date({
      min: new Date(Date.UTC(0, 0, 1)),
      max: new Date(Date.UTC(9999, 11, 31)),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(instant, (d) => {
        const iso = d.toISOString();
        expect(monthOfInstant(iso)).toBe(beijingMonth(iso));
        const short = iso.replace(/\.\d{3}Z$/, 'Z');
        expect(monthOfInstant(short)).toBe(beijingMonth(short));
      }),
      { numRuns: 2000 },
    );
  });

  it('is beijingMonth for strings shaped almost like instants', () => {
    const digit = fc.constantFrom(...'0123456789');
    const shaped = fc
      .tuple(fc.array(digit, { minLength: 14, maxLength: 14 }), fc.constantFrom('Z', '.000Z', '.5Z', 'z', ''))
      .map(
        ([d, end]) =>
          `${d.slice(0, 4).join('')}-${d[4]}${d[5]}-${d[6]}${d[7]}T${d[8]}${d[9]}:${d[10]}${d[11]}:${d[12]}${d[13]}${end}`,
      );
    fc.assert(
      fc.property(shaped, (s) => {
        expect(outcome(monthOfInstant, s)).toBe(outcome(beijingMonth, s));
      }),
      { numRuns: 3000 },
    );
  });
});

const anyInstant = fc.date({
  min: new Date(Date.UTC(0, 0, 1)),
  max: new Date(Date.UTC(9999, 11, 30)),
  noInvalidDate: true,
});
const hours = fc.oneof(
  fc.constantFrom(0, 1, 2, 12, 23, 24, 25, 48, -1, 1.5),
  fc.integer({ min: -30, max: 30 }),
);

describe('plusHours', () => {
  it('is addHours around day and month ends', () => {
    for (const iso of [
      '2026-01-27T23:59:59.999Z',
      '2026-01-27T00:00:00.000Z',
      '2026-01-28T00:00:00.000Z',
      '2026-02-27T22:00:00.000Z',
      '2026-12-31T23:00:00.000Z',
      '2026-01-05T08:00:00Z',
      '2026-01-05T08:00:00+08:00',
      '2026-02-30T00:00:00.000Z',
      'not a time',
    ])
      for (const h of [0, 2, 12, 24, 25])
        expect(
          outcome((s) => plusHours(s, h), iso),
          `${iso} + ${h}`,
        ).toBe(outcome((s) => addHours(s, h), iso));
  });

  it('is addHours for any instant and any response time', () => {
    fc.assert(
      fc.property(anyInstant, hours, (d, h) => {
        const iso = d.toISOString();
        expect(plusHours(iso, h)).toBe(addHours(iso, h));
      }),
      { numRuns: 3000 },
    );
  });
});
