import { describe, expect, it } from 'vitest';
import { periodOf } from './periods';

describe('report periods in Beijing months', () => {
  // 2026-11-30T17:00Z is already 1 December in Beijing.
  it('takes the month from the Beijing date', () => {
    expect(periodOf('month', '2026-11-30T17:00:00.000Z')).toEqual({
      from: '2026-11-30T16:00:00.000Z',
      to: '2026-12-31T16:00:00.000Z',
    });
    expect(periodOf('month', '2026-11-20T02:00:00.000Z')).toEqual({
      from: '2026-10-31T16:00:00.000Z',
      to: '2026-11-30T16:00:00.000Z',
    });
  });

  it('crosses year ends for the last month, the quarter and the last twelve months', () => {
    expect(periodOf('lastMonth', '2026-01-10T02:00:00.000Z')).toEqual({
      from: '2025-11-30T16:00:00.000Z',
      to: '2025-12-31T16:00:00.000Z',
    });
    expect(periodOf('quarter', '2026-11-20T02:00:00.000Z')).toEqual({
      from: '2026-09-30T16:00:00.000Z',
      to: '2026-12-31T16:00:00.000Z',
    });
    expect(periodOf('year', '2026-11-20T02:00:00.000Z')).toEqual({
      from: '2025-12-31T16:00:00.000Z',
      to: '2026-12-31T16:00:00.000Z',
    });
    expect(periodOf('last12', '2026-11-20T02:00:00.000Z')).toEqual({
      from: '2025-11-30T16:00:00.000Z',
      to: '2026-11-30T16:00:00.000Z',
    });
  });
});
