// States this device has pushed and not yet seen acknowledged. When a push answer is lost (the
// connection drops after the hub applied the batch), RxDB still believes the hub has the older
// state; the next conflict must then know which master values are this device's own writes, or
// it would turn the device's later edits into false conflicts (mergeDocuments' `ours`).
// One registry per JavaScript realm: the push handlers write it, the conflict handler reads it.

import type { DocState } from '#shared/sync/merge';

const KEEP = 8;
const pending = new Map<string, DocState[]>();

const keyOf = (collection: string, id: string) => `${collection}\u0000${id}`;

/** Before a push is sent: its outcome is unknown until the answer arrives. */
export function rememberPushed(collection: string, doc: DocState): void {
  const key = keyOf(collection, String(doc['id']));
  const list = pending.get(key) ?? [];
  list.push(doc);
  pending.set(key, list.slice(-KEEP));
}

/** The answer arrived: applied (the hub now holds it as RxDB's assumed master) or refused. */
export function settlePushed(collection: string, id: string, doc: DocState, applied: boolean): void {
  const key = keyOf(collection, id);
  if (applied) {
    pending.delete(key);
    return;
  }
  const list = (pending.get(key) ?? []).filter((d) => d !== doc);
  if (list.length > 0) pending.set(key, list);
  else pending.delete(key);
}

export function pushedStates(collection: string, id: string): readonly DocState[] {
  return pending.get(keyOf(collection, id)) ?? [];
}

/** Tests only: a fresh registry. */
export function clearPushed(): void {
  pending.clear();
  restoring = false;
}

// While a device gives a hub restored from a backup back what it lacks, a master state older than
// the device's own (by updatedAt) is a state the backup brought back, not another device's edit:
// the device's state wins. Set when the hub's new epoch is seen, cleared once the fresh
// replication's first round is done.
let restoring = false;

export function setHubRestoring(on: boolean): void {
  restoring = on;
}

export function hubRestoring(): boolean {
  return restoring;
}
