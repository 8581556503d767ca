import { useEffect, useMemo, useState } from 'react';
import { combineLatest, map } from 'rxjs';
import { COLLECTION_NAMES } from '#shared/domain/vocab';
import type { CollectionName } from '#shared/domain/vocab';
import type { YishiDatabase } from '../../db/create-database';
import { useObservable } from '../../kit/use-observable';

export interface StorageState {
  usage: number | null;
  quota: number | null;
  persisted: boolean | null;
}

/** Live document counts of every collection. */
export function useCollectionCounts(db: YishiDatabase): Record<CollectionName, number> | null {
  const source = useMemo(
    () =>
      combineLatest(COLLECTION_NAMES.map((name) => db.collections[name].count().$)).pipe(
        map(
          (counts) =>
            Object.fromEntries(COLLECTION_NAMES.map((name, i) => [name, counts[i] ?? 0])) as Record<
              CollectionName,
              number
            >,
        ),
      ),
    [db],
  );
  return useObservable(source, null);
}

/** What the browser reports about this origin's storage; refreshed when `revision` changes. */
export function useStorageState(revision: unknown): [StorageState, () => Promise<void>] {
  const [state, setState] = useState<StorageState>({ usage: null, quota: null, persisted: null });
  const [asked, setAsked] = useState(0);
  useEffect(() => {
    let alive = true;
    const storage = navigator.storage;
    void Promise.all([
      storage?.estimate?.() ?? Promise.resolve(undefined),
      storage?.persisted?.() ?? Promise.resolve(null),
    ]).then(([estimate, persisted]) => {
      if (!alive) return;
      setState({
        usage: estimate?.usage ?? null,
        quota: estimate?.quota ?? null,
        persisted: persisted ?? null,
      });
    });
    return () => {
      alive = false;
    };
  }, [revision, asked]);
  async function requestPersist() {
    await navigator.storage?.persist?.();
    setAsked((n) => n + 1);
  }
  return [state, requestPersist];
}

export function formatBytes(bytes: number | null): string {
  if (bytes === null) return '—';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}
