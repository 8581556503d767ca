import { useEffect, useState } from 'react';
import { LiveLedgerRows, type DemandState, type LedgerRow } from '#shared/domain/ledger/index';
import { scopeRange } from '#shared/domain/places/index';
import type { DemandDoc } from '#shared/schema/index';
import type { RxChangeEvent, RxDocumentData } from 'rxdb';
import { useDatabase } from '../../db/DatabaseContext';
import type { YishiDatabase } from '../../db/create-database';
import { openDemandStore, readAllRows, readNewestRows } from '../../db/ledger-store';

/** Rows read ahead so the table fills at once: a screenful and then some. */
const FIRST_PAGE = 60;
/** How far the read-ahead looks for rows of a small place before leaving it to the full read. */
const FIRST_PAGE_SCAN = 3000;
const CHUNK = 5000;

export interface LedgerRows {
  /** Newest first. */
  rows: readonly LedgerRow[];
  /** False while only the first rows are known: counts and totals wait for true. */
  complete: boolean;
}

function stateOf(id: string, data: RxDocumentData<DemandDoc>): DemandState {
  return { id, version: data._meta.lwt, demand: data._deleted ? null : data };
}

/**
 * Keeps `live` filled with the demands of its scope: the newest first, then all of them, read
 * from the storage tables without decrypting; false when that storage cannot be read directly.
 */
async function readStorage(
  db: YishiDatabase,
  live: LiveLedgerRows,
  publish: (complete: boolean) => void,
  mayReadAll: Promise<void>,
  stopped: { now: boolean; promise: Promise<void> },
) {
  const idb = await openDemandStore(db);
  if (!idb) return false;
  try {
    live.apply(await readNewestRows(idb, live.scope, FIRST_PAGE, FIRST_PAGE_SCAN));
    if (live.size > 0) publish(false);
    // A ledger closed before its full read starts lets go of the connection at once.
    await Promise.race([mayReadAll, stopped.promise]);
    if (stopped.now) return true;
    await readAllRows(idb, live.scope, CHUNK, (states) => live.apply(states));
    publish(true);
    return true;
  } finally {
    idb.close();
  }
}

/**
 * The ledger rows of a place subtree, newest first, kept live. The first rows show before the
 * whole subtree is read; the change events of the demands collection (local writes, other
 * windows, replication) keep every row current from the moment the hook starts, so nothing
 * written during the read is missed. The other filters run in memory on these compact rows, so
 * changing a filter costs milliseconds instead of a query.
 */
export function useLedgerRows(scope: string, mayReadAll: boolean): LedgerRows | null {
  const db = useDatabase();
  const [gate] = useState(() => {
    let open = () => undefined as void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    return { opened, open };
  });
  useEffect(() => {
    if (mayReadAll) gate.open();
  }, [gate, mayReadAll]);
  const [state, setState] = useState<{ scope: string; value: LedgerRows } | null>(null);
  useEffect(() => {
    let stop = () => undefined as void;
    const stopped = { now: false, promise: new Promise<void>((resolve) => (stop = resolve)) };
    let started = false;
    let complete = false;
    const live = new LiveLedgerRows(scope);
    const publish = (done: boolean) => {
      started = true;
      complete = done;
      if (!stopped.now) setState({ scope, value: { rows: live.list(), complete } });
    };
    // Subscribed before reading: a write that lands during the read arrives here, and the
    // versions keep whichever state is newer.
    const changes = db.demands.eventBulks$.subscribe((bulk) => {
      const events = bulk.events as RxChangeEvent<DemandDoc>[];
      const states = events.map((event) => stateOf(event.documentId, event.documentData));
      if (live.apply(states) && started) publish(complete);
    });
    const readQuery = async () => {
      const docs = await db.demands.find({ selector: { scope: scopeRange(scope) } }).exec();
      live.apply(docs.map((doc) => stateOf(doc.id, doc._data)));
      publish(true);
    };
    void readStorage(db, live, publish, gate.opened, stopped)
      .catch(() => false)
      .then((read) => (read || stopped.now ? undefined : readQuery()))
      .catch((error: unknown) => console.error('ledger read failed', error));
    return () => {
      stopped.now = true;
      stop();
      changes.unsubscribe();
    };
  }, [db, scope, gate]);
  return state?.scope === scope ? state.value : null;
}
