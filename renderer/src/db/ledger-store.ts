// Reads the ledger's plain columns straight from the IndexedDB tables of RxDB's Dexie storage,
// read-only. A query through RxDB decrypts every document's encrypted fields (reporter phone,
// address detail) on read: with 50,000 demands that was more than half of a 16-second load, for
// fields the ledger never shows. The layout read here is RxDB 17's (storage-dexie/dexie-helper):
// one database `rxdb-dexie-<db>--<schema version>--<collection>`, documents in the `docs` table,
// each schema index prefixed with `_deleted` (stored as '0'/'1') and suffixed with the primary
// key. Anything else (another storage, another layout) makes `openDemandStore` return null and
// the caller falls back to an RxDB query.
import type { DemandState } from '#shared/domain/ledger/index';
import type { DemandDoc } from '#shared/schema/index';
import type { YishiDatabase } from './create-database';

const DOCS = 'docs';
const BY_SCOPE = '[_deleted+scope+id]';
const BY_RECEIVED = '[_deleted+receivedAt+id]';
const NOT_DELETED = '0';

/** A demand as the Dexie storage keeps it (encrypted fields still encrypted). */
type StoredDemand = DemandDoc & { _deleted: string; _meta: { lwt: number } };

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function stateOf(doc: StoredDemand): DemandState {
  return { id: doc.id, version: doc._meta.lwt, demand: doc._deleted === NOT_DELETED ? doc : null };
}

/** The demands table of `db`, opened read-only beside RxDB's own connection; null when unavailable. */
export async function openDemandStore(db: YishiDatabase): Promise<IDBDatabase | null> {
  if (typeof indexedDB === 'undefined' || db.storage.name !== 'dexie') return null;
  const name = `rxdb-dexie-${db.name}--${db.demands.schema.version}--demands`;
  const idb = await new Promise<IDBDatabase | null>((resolve) => {
    const req = indexedDB.open(name);
    // No such database: never create one under RxDB's name.
    req.onupgradeneeded = () => req.transaction?.abort();
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => resolve(null);
    req.onblocked = () => resolve(null);
  });
  if (!idb) return null;
  // Never stand in the way of RxDB upgrading or deleting its database.
  idb.onversionchange = () => idb.close();
  try {
    const indexes = idb.transaction(DOCS, 'readonly').objectStore(DOCS).indexNames;
    if (indexes.contains(BY_SCOPE) && indexes.contains(BY_RECEIVED)) return idb;
  } catch {
    // No docs table: not the layout this module knows.
  }
  idb.close();
  return null;
}

/**
 * The newest demands of the subtree of `scope`, at most `limit`, walking the `receivedAt` index
 * backwards; it stops after `maxScan` documents (a small place deep in a big street), leaving
 * the rest to `readAllRows`.
 */
export function readNewestRows(
  idb: IDBDatabase,
  scope: string,
  limit: number,
  maxScan: number,
): Promise<DemandState[]> {
  return new Promise((resolve, reject) => {
    const found: DemandState[] = [];
    let scanned = 0;
    const prefix = `${scope}.`;
    const index = idb.transaction(DOCS, 'readonly').objectStore(DOCS).index(BY_RECEIVED);
    // Arrays sort after strings in IndexedDB, so ['0', []] is above every ['0', receivedAt, id].
    const req = index.openCursor(IDBKeyRange.bound([NOT_DELETED], [NOT_DELETED, []]), 'prev');
    req.onerror = () => reject(req.error ?? new Error('IndexedDB cursor failed'));
    req.onsuccess = () => {
      const cursor = req.result;
      if (!cursor) return resolve(found);
      const doc = cursor.value as StoredDemand;
      if (doc.scope === scope || doc.scope.startsWith(prefix)) found.push(stateOf(doc));
      scanned += 1;
      if (found.length >= limit || scanned >= maxScan) resolve(found);
      else cursor.continue();
    };
  });
}

/**
 * Every demand of the subtree of `scope`, in chunks along the `scope` index (each chunk its own
 * short transaction, so the page stays responsive and writes are not held up).
 */
export async function readAllRows(
  idb: IDBDatabase,
  scope: string,
  chunk: number,
  onChunk: (states: DemandState[]) => void,
): Promise<void> {
  // [s, s + '/') holds s and the paths under it (see scopeRange).
  const end = [NOT_DELETED, `${scope}/`];
  let range = IDBKeyRange.bound([NOT_DELETED, scope], end, false, true);
  for (;;) {
    const index = idb.transaction(DOCS, 'readonly').objectStore(DOCS).index(BY_SCOPE);
    const docs = (await request(index.getAll(range, chunk))) as StoredDemand[];
    onChunk(docs.map(stateOf));
    const last = docs.at(-1);
    if (!last || docs.length < chunk) return;
    range = IDBKeyRange.bound([NOT_DELETED, last.scope, last.id], end, true, true);
  }
}
