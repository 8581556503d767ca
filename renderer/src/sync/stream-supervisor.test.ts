import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStreamSupervisor } from './stream-supervisor';
import type { EventSourceLike } from './sse';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

type Listener = (event: { data: string }) => void;

function fakeSources() {
  const opened: Array<{ emit: (type: string, data?: string) => void; closed: boolean }> = [];
  const factory = (): EventSourceLike => {
    const listeners = new Map<string, Listener[]>();
    const source = {
      closed: false,
      emit: (type: string, data = '') => (listeners.get(type) ?? []).forEach((l) => l({ data })),
    };
    opened.push(source);
    return {
      addEventListener: (type: string, listener: Listener) =>
        listeners.set(type, [...(listeners.get(type) ?? []), listener]),
      close: () => {
        source.closed = true;
      },
    } as unknown as EventSourceLike;
  };
  return { opened, factory };
}

function supervisor(online: boolean) {
  const { opened, factory } = fakeSources();
  const calls = { resync: 0, changes: [] as number[] };
  const s = createStreamSupervisor({
    factory,
    url: 'http://hub.test/v1/sync/stream',
    token: 't',
    random: () => 0,
    backoff: { baseMs: 1000, capMs: 8000 },
    isStopped: () => false,
    isOnline: () => online,
    probeNow: () => Promise.resolve(online),
    onOpen: () => undefined,
    onChange: (change) => calls.changes.push(change.checkpoint.seq),
    resyncAll: () => {
      calls.resync += 1;
    },
  });
  return { s, opened, calls };
}

describe('the stream supervisor', () => {
  it('re-pulls and reconnects after an error once the hub answers, one timer at a time', async () => {
    const { s, opened, calls } = supervisor(true);
    s.connect();
    opened[0]!.emit('error');
    opened[0]!.emit('error');
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.resync).toBe(1);
    expect(s.isOpen).toBe(false);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(opened).toHaveLength(2);
    expect(s.isOpen).toBe(true);
  });

  it('stays closed while the hub does not answer', async () => {
    const { s, opened, calls } = supervisor(false);
    s.connect();
    opened[0]!.emit('error');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls.resync).toBe(0);
    expect(opened).toHaveLength(1);
  });

  it('hands on changes and asks for a re-pull on resync or a garbled event', () => {
    const { s, opened, calls } = supervisor(true);
    s.connect();
    opened[0]!.emit(
      'change',
      JSON.stringify({ collection: 'demands', documents: [], checkpoint: { seq: 7 } }),
    );
    opened[0]!.emit('change', '{not json');
    opened[0]!.emit('resync');
    expect(calls.changes).toEqual([7]);
    expect(calls.resync).toBe(2);
    s.stop();
    expect(opened[0]!.closed).toBe(true);
  });
});
