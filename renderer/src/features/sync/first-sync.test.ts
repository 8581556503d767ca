import { describe, expect, it } from 'vitest';
import { firstSyncPercent, remainingParts } from './first-sync';
import { firstSyncTracker } from '../../sync';

describe('the first-sync progress', () => {
  it('reaches 100 % only when every document is stored', () => {
    expect(firstSyncPercent({ received: 19_999, total: 20_000 }, false)).toBe(99);
    expect(firstSyncPercent({ received: 20_000, total: 20_000 }, false)).toBe(99);
    expect(firstSyncPercent({ received: 20_000, total: 20_000 }, true)).toBe(100);
    expect(firstSyncPercent({ received: 5_000, total: 20_000 }, false)).toBe(25);
    expect(firstSyncPercent({ received: 5_000, total: null }, false)).toBeNull();
  });

  it('says the time left in seconds, then whole minutes', () => {
    expect(remainingParts(400)).toEqual({ unit: 'seconds', count: 1 });
    expect(remainingParts(41_200)).toEqual({ unit: 'seconds', count: 42 });
    expect(remainingParts(61_000)).toEqual({ unit: 'minutes', count: 2 });
  });

  it('adds the collections up and estimates from this session’s rate, a resumed part excluded', () => {
    let t = 0;
    const tracker = firstSyncTracker(() => t);
    tracker.update('places', { received: 3_000, total: 3_000, done: true });
    tracker.update('people', { received: 1_000, total: 4_000, done: false });
    t = 1_000;
    tracker.update('people', { received: 2_000, total: 4_000, done: false });
    expect(tracker.summary(false)).toMatchObject({
      received: 5_000,
      total: 7_000,
      remainingMs: 2_000,
      done: false,
    });
    tracker.update('people', { received: 4_000, total: 4_000, done: true });
    expect(tracker.summary(false)?.done).toBe(false);
    expect(tracker.summary(true)).toMatchObject({ received: 7_000, remainingMs: 0, done: true });
  });
});
