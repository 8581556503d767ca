import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPendingCounter } from './pending-counter';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function counter(busy: boolean) {
  const state = { busy, counted: 0, reported: [] as number[], clock: 100_000 };
  const c = createPendingCounter({
    now: () => state.clock,
    count: () => Promise.resolve((state.counted += 1)),
    isBusy: () => state.busy,
    mayReport: () => true,
    onCount: (n) => state.reported.push(n),
  });
  return { c, state };
}

describe('the pending counter', () => {
  it('counts once shortly after a burst of changes', async () => {
    const { c, state } = counter(false);
    for (let i = 0; i < 50; i += 1) c.schedule();
    await vi.advanceTimersByTimeAsync(250);
    expect(state.reported).toEqual([1]);
  });

  it('waits while a replication runs online, unless the last count is stale', async () => {
    const { c, state } = counter(true);
    c.markFresh();
    c.schedule();
    await vi.advanceTimersByTimeAsync(250);
    expect(state.counted).toBe(0);
    state.clock += 31_000;
    c.schedule();
    await vi.advanceTimersByTimeAsync(250);
    expect(state.reported).toEqual([1]);
  });

  it('counts nothing after it stopped', async () => {
    const { c, state } = counter(false);
    c.schedule();
    c.stop();
    c.schedule();
    await vi.advanceTimersByTimeAsync(1000);
    expect(state.counted).toBe(0);
  });
});
