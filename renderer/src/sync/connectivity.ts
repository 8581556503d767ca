// Whether the hub is reachable, decided by talking to it — never by `navigator.onLine`, which
// says "online" on a LAN without the street office and lies after a laptop wakes up. A failed
// request marks the hub offline; a `/v1/health` probe with growing, jittered delays brings it back.
// A timer that fires much later than scheduled means the machine slept: probe at once.

import { backoffDelay } from '#shared/sync/backoff';
import type { BackoffOptions } from '#shared/sync/backoff';
import { CLIENT_ERROR_MESSAGES, HubError } from './http';

export interface ConnectivityOptions {
  /** Resolves when the hub answered its health check; throws otherwise. */
  probe: () => Promise<void>;
  now: () => number;
  random: () => number;
  backoff?: BackoffOptions;
  /** Period of the sleep/wake detector. */
  tickMs: number;
  /** A tick later than `tickMs + gapMs` counts as a sleep/wake (or a frozen tab). */
  gapMs: number;
  onOnline: () => void;
  onOffline: () => void;
  onWake: () => void;
}

export class Connectivity {
  private online = true;
  private stopped = false;
  private attempt = 0;
  private looping = false;
  private waiters: Array<{ resolve: () => void; reject: (e: Error) => void }> = [];
  private interruptSleep: (() => void) | null = null;
  private readonly ticker: ReturnType<typeof setInterval>;
  private lastTick: number;

  constructor(private readonly options: ConnectivityOptions) {
    this.lastTick = options.now();
    this.ticker = setInterval(() => this.tick(), options.tickMs);
  }

  isOnline(): boolean {
    return this.online;
  }

  /** Resolves at once when the hub is reachable, else when it is reachable again; rejects on stop. */
  whenOnline(): Promise<void> {
    if (this.stopped) return Promise.reject(new HubError('stopped', CLIENT_ERROR_MESSAGES.stopped));
    if (this.online) return Promise.resolve();
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  markOffline(): void {
    if (this.stopped) return;
    if (this.online) {
      this.online = false;
      this.attempt = 0;
      this.options.onOffline();
    }
    void this.loop();
  }

  markOnline(): void {
    if (this.stopped || this.online) return;
    this.online = true;
    this.attempt = 0;
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w.resolve();
    this.options.onOnline();
  }

  /** Probes the hub right now (立即同步, wake-up); returns whether it answered. */
  async probeNow(): Promise<boolean> {
    if (this.stopped) return false;
    try {
      await this.options.probe();
      this.markOnline();
      return true;
    } catch {
      this.markOffline();
      return false;
    }
  }

  /** Cuts the current back-off wait short, so the next probe runs now. */
  hurry(): void {
    this.attempt = 0;
    this.interruptSleep?.();
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.ticker);
    this.interruptSleep?.();
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w.reject(new HubError('stopped', CLIENT_ERROR_MESSAGES.stopped));
  }

  private tick(): void {
    const t = this.options.now();
    const elapsed = t - this.lastTick;
    this.lastTick = t;
    if (elapsed > this.options.tickMs + this.options.gapMs || elapsed < 0) {
      this.hurry();
      this.options.onWake();
    }
  }

  private async loop(): Promise<void> {
    if (this.looping) return;
    this.looping = true;
    try {
      while (!this.online && !this.stopped) {
        const delay = backoffDelay(this.attempt, this.options.random(), this.options.backoff);
        this.attempt += 1;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(done, delay);
          function done() {
            clearTimeout(timer);
            resolve();
          }
          this.interruptSleep = done;
        });
        this.interruptSleep = null;
        if (this.online || this.stopped) break;
        try {
          await this.options.probe();
          this.markOnline();
        } catch {
          // Still unreachable: the next round waits longer.
        }
      }
    } finally {
      this.looping = false;
    }
  }
}
