// The push bases of a device restored from a backup (备份本机数据 → 从备份恢复). A restored device has
// no replication history, so in its first sync RxDB pushes every document once with no assumed
// master state, and the hub answers each one it holds in another state with a conflict. The merge
// then needs what the old device would have known: a document that was synced at backup time has
// no change of this device's (the hub's state wins), and an unsynced change started from the base
// the backup carried (null: a document the hub never had). A document edited on this device after
// the restore (its updatedAt is later) has an unknown base: merged field by field, so that a value
// both sides changed is kept for a person rather than lost. The record lives in a local document of
// the database (never replicated) and is dropped once the first sync's first round is done, after
// which RxDB keeps its own assumed master states again.

import type { CollectionName } from '#shared/domain/vocab';
import type { DocState } from '#shared/sync/merge';

export const RESTORED_BASES_ID = 'restored-bases';

export interface RestoredBaseMap {
  /** When the backup was written into this database (ISO). */
  restoredAt: string;
  /** Per collection, the unsynced documents of the backup and the master state each started from. */
  unsynced: Partial<Record<CollectionName, Record<string, DocState | null>>>;
}

/** No restore pending; a document synced at backup time; a change of this device and its base. */
export type RestoredLookup = undefined | 'synced' | { base: DocState | null };

export interface RestoredBaseStore {
  read(): Promise<RestoredBaseMap | null>;
  remove(): Promise<void>;
}

export interface RestoredBases {
  /** Where the record is kept (the database factory sets it). */
  use(store: RestoredBaseStore): void;
  lookup(collection: CollectionName, local: DocState): Promise<RestoredLookup>;
  /** The first round after the restore is done: RxDB's own bookkeeping takes over. */
  finish(): Promise<void>;
}

export function createRestoredBases(): RestoredBases {
  let store: RestoredBaseStore = { read: () => Promise.resolve(null), remove: () => Promise.resolve() };
  let loaded: Promise<RestoredBaseMap | null> | null = null;
  return {
    use(next) {
      store = next;
      loaded = null;
    },
    async lookup(collection, local) {
      loaded ??= store.read();
      const map = await loaded;
      if (!map) return undefined;
      const id = String(local['id']);
      const unsynced = map.unsynced[collection];
      if (unsynced && id in unsynced) return { base: unsynced[id] ?? null };
      const updatedAt = local['updatedAt'];
      return typeof updatedAt === 'string' && updatedAt > map.restoredAt ? { base: null } : 'synced';
    },
    async finish() {
      loaded ??= store.read();
      if (!(await loaded)) return;
      loaded = Promise.resolve(null);
      await store.remove();
    },
  };
}
