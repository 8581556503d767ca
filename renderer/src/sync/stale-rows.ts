// RxDB's upstream reads a document from the local store and, in a separate read, the state it
// believes the hub holds. The downstream can write both in between (a stream event applied while
// the push was prepared), and the push then pairs an outdated local state with the newer master
// state: the hub accepts it, because the assumed state matches, and a newer write from another
// device is silently rolled back (found by the seeded random sync test on PostgreSQL).
// The push handler therefore compares every row with the document as it is stored right now; a
// row whose document changed since is not sent. It is answered as a conflict with the stored
// state, which RxDB cannot write over the newer revision (it fails as a write conflict and is
// dropped), and the newer local state, if it holds a local edit, is pushed by its own change event.
// One per sync session (sync-session.ts): the push handler marks, the conflict handler takes.

import { canonicalJson } from '#shared/sync/json';
import { toWireDoc } from '#shared/protocol/v1';
import type { DocState } from '#shared/sync/merge';

export interface StaleRows {
  /** Remembers a row the push handler held back, until the conflict handler has seen it. */
  mark(collection: string, doc: DocState): void;
  /** Whether this row was held back as outdated (and forgets it: each answer is handled once). */
  take(collection: string, doc: DocState): boolean;
}

export function createStaleRows(): StaleRows {
  const stale = new Set<string>();
  const keyOf = (collection: string, doc: DocState) =>
    `${collection}\u0000${String(doc['id'])}\u0000${canonicalJson(toWireDoc(doc))}`;
  return {
    mark: (collection, doc) => void stale.add(keyOf(collection, doc)),
    take: (collection, doc) => stale.delete(keyOf(collection, doc)),
  };
}

/** The stored document as a master-like state: without RxDB's revision and local metadata. */
export function storedState(doc: DocState): DocState {
  const { _meta: _m, _rev: _r, ...state } = doc;
  return state;
}
