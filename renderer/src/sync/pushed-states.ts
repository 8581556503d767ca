// States this device has pushed and not yet seen acknowledged. When a push answer is lost (the
// connection drops after the hub applied the batch), RxDB still believes the hub has the older
// state; the next conflict must then know which master values are this device's own writes, or
// it would turn the device's later edits into false conflicts (mergeDocuments' `ours`).
// One per sync session (sync-session.ts): the push handlers write it, the conflict handler reads it.

import type { DocState } from '#shared/sync/merge';

const KEEP = 8;

export interface PushedStates {
  /** Before a push is sent: its outcome is unknown until the answer arrives. */
  remember(collection: string, doc: DocState): void;
  /** The answer arrived: applied (the hub now holds it as RxDB's assumed master) or refused. */
  settle(collection: string, id: string, doc: DocState, applied: boolean): void;
  states(collection: string, id: string): readonly DocState[];
  /**
   * While a device gives a hub restored from a backup back what it lacks, a master state older
   * than the device's own (by updatedAt) is a state the backup brought back, not another device's
   * edit: the device's state wins. Set when the hub's new epoch is seen, cleared once the fresh
   * replication's first round is done.
   */
  setHubRestoring(on: boolean): void;
  hubRestoring(): boolean;
}

export function createPushedStates(): PushedStates {
  const pending = new Map<string, DocState[]>();
  let restoring = false;
  const keyOf = (collection: string, id: string) => `${collection}\u0000${id}`;
  return {
    remember(collection, doc) {
      const key = keyOf(collection, String(doc['id']));
      const list = pending.get(key) ?? [];
      list.push(doc);
      pending.set(key, list.slice(-KEEP));
    },
    settle(collection, id, doc, applied) {
      const key = keyOf(collection, id);
      if (applied) {
        pending.delete(key);
        return;
      }
      const list = (pending.get(key) ?? []).filter((d) => d !== doc);
      if (list.length > 0) pending.set(key, list);
      else pending.delete(key);
    },
    states: (collection, id) => pending.get(keyOf(collection, id)) ?? [],
    setHubRestoring(on) {
      restoring = on;
    },
    hubRestoring: () => restoring,
  };
}
