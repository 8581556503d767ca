// The first sync as a person sees it: documents stored of the total the hub reported for the
// device's scope, per collection and overall, and the time remaining at the rate so far.

import type { CollectionName } from '#shared/domain/vocab';
import type { FirstPullProgress } from './first-pull';

export interface FirstSyncStatus {
  received: number;
  /** Null while the hub's counts are unknown (an older hub, or the counts did not arrive). */
  total: number | null;
  collections: Partial<Record<CollectionName, FirstPullProgress>>;
  /** At the rate of this session so far; null until it can be estimated. */
  remainingMs: number | null;
  /** Every document is stored and every collection is with RxDB's replication. */
  done: boolean;
}

export function firstSyncTracker(now: () => number) {
  const progress = new Map<CollectionName, FirstPullProgress>();
  let startedAt: number | undefined;
  let receivedAtStart = 0;
  const sum = () => [...progress.values()].reduce((a, p) => a + p.received, 0);
  return {
    update(name: CollectionName, p: FirstPullProgress) {
      if (startedAt === undefined) startedAt = now();
      if (!progress.has(name)) receivedAtStart += p.received;
      progress.set(name, p);
    },
    /** Undefined when no collection had a first pull in this session. */
    summary(replicationsInitialDone: boolean): FirstSyncStatus | undefined {
      if (progress.size === 0 || startedAt === undefined) return undefined;
      const received = sum();
      const totals = [...progress.values()].map((p) => p.total);
      const total = totals.every((t): t is number => t !== null) ? totals.reduce((a, t) => a + t, 0) : null;
      const done = replicationsInitialDone && [...progress.values()].every((p) => p.done);
      const elapsed = now() - startedAt;
      const rate = elapsed > 0 ? (received - receivedAtStart) / elapsed : 0;
      const remainingMs = done
        ? 0
        : total !== null && rate > 0
          ? Math.max(0, (total - received) / rate)
          : null;
      return { received, total, collections: Object.fromEntries(progress), remainingMs, done };
    },
  };
}
