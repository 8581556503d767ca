import { describe, it, expect, afterEach } from 'vitest';
import { Connectivity } from './connectivity';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Connectivity', () => {
  let subject: Connectivity | undefined;
  afterEach(() => subject?.stop());

  function make(probeOk: () => boolean, clock: { t: number }, events: string[]) {
    subject = new Connectivity({
      probe: async () => {
        events.push('probe');
        if (!probeOk()) throw new Error('down');
      },
      now: () => clock.t,
      random: () => 0,
      backoff: { baseMs: 20, capMs: 40 },
      tickMs: 10,
      gapMs: 1_000,
      onOnline: () => events.push('online'),
      onOffline: () => events.push('offline'),
      onWake: () => events.push('wake'),
    });
    return subject;
  }

  it('holds requests while offline and releases them when a health probe succeeds', async () => {
    let up = false;
    const events: string[] = [];
    const c = make(() => up, { t: 0 }, events);
    c.markOffline();
    let released = false;
    const waiting = c.whenOnline().then(() => (released = true));
    await sleep(60);
    expect(released).toBe(false);
    expect(events.filter((e) => e === 'probe').length).toBeGreaterThan(0);
    up = true;
    await waiting;
    expect(c.isOnline()).toBe(true);
    expect(events).toContain('online');
  });

  it('treats a timer that fires far too late as a wake-up', async () => {
    const clock = { t: 0 };
    const events: string[] = [];
    make(() => true, clock, events);
    await sleep(25);
    expect(events).not.toContain('wake');
    clock.t += 60_000;
    await sleep(25);
    expect(events).toContain('wake');
  });

  it('rejects waiters when stopped', async () => {
    const events: string[] = [];
    const c = make(() => false, { t: 0 }, events);
    c.markOffline();
    const waiting = c.whenOnline();
    c.stop();
    await expect(waiting).rejects.toThrow('同步已停止');
    await expect(c.whenOnline()).rejects.toThrow('同步已停止');
  });

  it('probeNow reports and records the answer', async () => {
    let up = false;
    const events: string[] = [];
    const c = make(() => up, { t: 0 }, events);
    expect(await c.probeNow()).toBe(false);
    expect(c.isOnline()).toBe(false);
    up = true;
    expect(await c.probeNow()).toBe(true);
    expect(events.slice(0, 2)).toEqual(['probe', 'offline']);
    expect(events.at(-1)).toBe('online');
  });
});
