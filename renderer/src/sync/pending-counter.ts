// The waiting count of the status bar (local changes the hub has not acknowledged). Counting walks
// every document changed since the upstream checkpoint, and while a pull runs that checkpoint
// stays put: counting on each pulled change would make an initial sync quadratic. So while the
// hub is reachable and a replication runs, the status says 同步中 and the count follows when it
// settles (or every `maxStaleMs` of a long run); offline it counts, shortly after each change.

export interface PendingCounterOptions {
  now: () => number;
  /** Sums the replications' waiting rows. */
  count: () => Promise<number>;
  /** A replication runs and the hub is reachable: the count may wait. */
  isBusy: () => boolean;
  /** False once the client stopped (a revoked client still reports its last count). */
  mayReport: () => boolean;
  onCount: (pending: number) => void;
  maxStaleMs?: number;
  delayMs?: number;
}

export interface PendingCounter {
  /** Something changed: count soon, unless a running replication makes it pointless. */
  schedule(): void;
  /** A replication started: the count taken now is fresh for `maxStaleMs`. */
  markFresh(): void;
  stop(): void;
}

export function createPendingCounter(options: PendingCounterOptions): PendingCounter {
  const maxStaleMs = options.maxStaleMs ?? 30_000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastCounted = 0;
  let stopped = false;
  return {
    schedule() {
      if (timer || stopped) return;
      if (options.isBusy() && options.now() - lastCounted < maxStaleMs) return;
      timer = setTimeout(() => {
        timer = undefined;
        lastCounted = options.now();
        void options.count().then((pending) => {
          if (options.mayReport()) options.onCount(pending);
        });
      }, options.delayMs ?? 200);
    },
    markFresh() {
      lastCounted = options.now();
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
