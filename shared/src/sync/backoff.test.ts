import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { BACKOFF_CAP_MS, backoffDelay } from './backoff';

describe('backoffDelay', () => {
  it('starts near one second and doubles', () => {
    expect(backoffDelay(0, 0)).toBe(500);
    expect(backoffDelay(0, 1)).toBe(1000);
    expect(backoffDelay(1, 1)).toBe(2000);
    expect(backoffDelay(3, 1)).toBe(8000);
  });

  it('is capped at 60 seconds however many attempts failed', () => {
    expect(backoffDelay(6, 1)).toBe(BACKOFF_CAP_MS);
    expect(backoffDelay(1000, 1)).toBe(BACKOFF_CAP_MS);
    expect(backoffDelay(1000, 0)).toBe(BACKOFF_CAP_MS / 2);
  });

  it('stays within [ceiling/2, ceiling] and never decreases with the attempt for a fixed jitter', () => {
    fc.assert(
      fc.property(fc.nat(100), fc.double({ min: 0, max: 1, noNaN: true }), (attempt, jitter) => {
        const d = backoffDelay(attempt, jitter);
        const ceiling = Math.min(BACKOFF_CAP_MS, 1000 * 2 ** attempt);
        expect(d).toBeGreaterThanOrEqual(ceiling / 2);
        expect(d).toBeLessThanOrEqual(ceiling);
        expect(backoffDelay(attempt + 1, jitter)).toBeGreaterThanOrEqual(d);
      }),
    );
  });

  it('treats nonsense input as the first attempt without jitter', () => {
    expect(backoffDelay(-3, Number.NaN)).toBe(500);
    expect(backoffDelay(Number.POSITIVE_INFINITY, 2)).toBe(1000);
    expect(backoffDelay(2, 0.5, { baseMs: 100, capMs: 300 })).toBe(225);
  });
});
