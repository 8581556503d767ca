import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { quorum } from '#shared/domain/votes/index';

describe('quorum', () => {
  it('needs two thirds of the entitled roster', () => {
    expect(quorum({ entitled: 30, present: 20, numerator: 2, denominator: 3 })).toEqual({
      reached: true,
      required: 20,
      present: 20,
      entitled: 30,
    });
    expect(quorum({ entitled: 31, present: 20, numerator: 2, denominator: 3 })).toMatchObject({
      reached: false,
      required: 21,
    });
    expect(quorum({ entitled: 10, present: 6, numerator: 1, denominator: 2 })).toMatchObject({
      reached: true,
      required: 5,
    });
  });

  it('is never reached by an empty roster', () => {
    expect(quorum({ entitled: 0, present: 0, numerator: 1, denominator: 2 }).reached).toBe(false);
  });

  it('refuses bad shares and counts', () => {
    expect(() => quorum({ entitled: 5, present: 1, numerator: 0, denominator: 3 })).toThrow(RangeError);
    expect(() => quorum({ entitled: 5, present: 1, numerator: 4, denominator: 3 })).toThrow(RangeError);
    expect(() => quorum({ entitled: -1, present: 1, numerator: 1, denominator: 2 })).toThrow(RangeError);
    expect(() => quorum({ entitled: 5, present: 1.5, numerator: 1, denominator: 2 })).toThrow(RangeError);
  });

  it('required is the exact ceiling of the share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 12 }),
        (entitled, d, extra) => {
          const n = Math.max(1, d - extra);
          const { required } = quorum({ entitled, present: 0, numerator: n, denominator: d });
          expect(required * d).toBeGreaterThanOrEqual(entitled * n);
          expect((required - 1) * d).toBeLessThan(entitled * n);
        },
      ),
    );
  });
});
