// The in-browser half of the initial-sync benchmark. Four ways to bring the same documents into
// this page's IndexedDB: the app's own sync client into the app's RxDB database (Dexie storage,
// encryption, schemas), the limit (the hub's pull pages written with raw Dexie bulkPut), the
// layout floor (the same, written as RxDB's records and indexes: layout-floor.ts), and the peer
// (PouchDB replicating from pouchdb-server). Driven from Node through window.yishiBench.

import Dexie from 'dexie';
import PouchDB from 'pouchdb-browser';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { COLLECTION_NAMES } from '#shared/domain/vocab';
import type { PullResponse } from '#shared/protocol/v1';
import { createYishiDatabase } from '../../renderer/src/db/create-database';
import { keyRingStore } from '../../renderer/src/platform/key-ring';
import { createFetchEventSourceFactory, createSyncClient } from '../../renderer/src/sync/index';
import { writeLayoutFloor } from './layout-floor';

export interface HubTarget {
  hubUrl: string;
  token: string;
  scope: string;
  hubId: string;
  /** Documents the device should end with. */
  expected: number;
  pageSize: number;
}

export interface PeerTarget {
  couchUrl: string;
  expected: number;
  pageSize: number;
}

export interface SyncRun {
  docs: number;
  ms: number;
  /** From the start of the sync until 1,000 documents were written and queryable. */
  firstThousandMs: number | null;
  /** Opening the empty local database (not part of `ms`). */
  openMs: number;
}

const now = () => performance.now();
let runCounter = 0;
const uniqueName = (prefix: string) => `${prefix}${Date.now().toString(36)}${(runCounter += 1)}`;

async function rxdbSync(target: HubTarget): Promise<SyncRun> {
  const opening = now();
  const db = await createYishiDatabase({
    name: uniqueName('benchrx'),
    storage: getRxStorageDexie(),
    password: 'bench-passphrase',
    multiInstance: true,
  });
  const openMs = now() - opening;
  let written = 0;
  let firstThousandMs: number | null = null;
  const start = now();
  // Change events fire after the storage write committed: from then on a query finds the document.
  const sub = db.$.subscribe((event) => {
    if (event.isLocal) return;
    written += 1;
    if (firstThousandMs === null && written >= 1000) firstThousandMs = now() - start;
  });
  const client = createSyncClient({
    db,
    hubUrl: target.hubUrl,
    token: target.token,
    deviceScope: target.scope,
    hubId: target.hubId,
    eventSourceFactory: createFetchEventSourceFactory(),
    pullBatchSize: target.pageSize,
    onRevoked: () => undefined,
  });
  try {
    await Promise.all([...client.replications.values()].map((r) => r.awaitInitialReplication()));
    const ms = now() - start;
    let docs = 0;
    for (const name of COLLECTION_NAMES) docs += await db.collections[name].count().exec();
    return { docs, ms, firstThousandMs, openMs };
  } finally {
    sub.unsubscribe();
    await client.stop();
    await db.remove();
  }
}

async function pullPage(target: HubTarget, collection: string, seq: number | null): Promise<PullResponse> {
  const query = `limit=${target.pageSize}${seq === null ? '' : `&checkpoint=${seq}`}`;
  const res = await fetch(`${target.hubUrl}/v1/sync/${collection}/pull?${query}`, {
    headers: { authorization: `Bearer ${target.token}` },
  });
  if (!res.ok) throw new Error(`pull ${collection}: ${res.status}`);
  return (await res.json()) as PullResponse;
}

/** The limit: the same pages, no replication protocol, no schema, plain bulkPut; next page fetched while writing. */
async function dexieLimit(target: HubTarget): Promise<SyncRun> {
  const opening = now();
  const db = new Dexie(uniqueName('benchlimit'));
  db.version(1).stores(Object.fromEntries(COLLECTION_NAMES.map((c) => [c, 'id'])));
  await db.open();
  const openMs = now() - opening;
  let written = 0;
  let firstThousandMs: number | null = null;
  const start = now();
  try {
    for (const collection of COLLECTION_NAMES) {
      let next: Promise<PullResponse> | null = pullPage(target, collection, null);
      while (next) {
        const page: PullResponse = await next;
        const more = page.documents.length === target.pageSize && page.checkpoint !== null;
        next = more ? pullPage(target, collection, page.checkpoint?.seq ?? null) : null;
        if (page.documents.length > 0) await db.table(collection).bulkPut(page.documents);
        written += page.documents.length;
        if (firstThousandMs === null && written >= 1000) firstThousandMs = now() - start;
      }
    }
    const ms = now() - start;
    let docs = 0;
    for (const name of COLLECTION_NAMES) docs += await db.table(name).count();
    return { docs, ms, firstThousandMs, openMs };
  } finally {
    db.close();
    await Dexie.delete(db.name);
  }
}

/** What IndexedDB costs for RxDB's records and indexes, written raw (layout-floor.ts). */
async function layoutFloor(target: HubTarget): Promise<SyncRun> {
  return writeLayoutFloor(uniqueName('benchfloor'), (c, seq) => pullPage(target, c, seq), target.pageSize);
}

/** The peer: PouchDB's IndexedDB adapter replicating from a CouchDB-protocol server. */
async function pouchReplicate(target: PeerTarget): Promise<SyncRun> {
  const opening = now();
  const local = new PouchDB(uniqueName('benchpouch'));
  await local.info();
  const openMs = now() - opening;
  let firstThousandMs: number | null = null;
  const start = now();
  try {
    await PouchDB.replicate(target.couchUrl, local, { batch_size: target.pageSize }).on('change', (info) => {
      if (firstThousandMs === null && info.docs_written >= 1000) firstThousandMs = now() - start;
    });
    const ms = now() - start;
    const { doc_count: docs } = await local.info();
    return { docs, ms, firstThousandMs, openMs };
  } finally {
    await local.destroy();
  }
}

/**
 * Fills the app's own database (same origin, same name and key as the app) with `collections` from
 * the hub, through the app's database code (schemas, encryption, indexes), without the sync client.
 * The key is the one the app unlocked in this tab (its key ring in IndexedDB).
 */
async function loadIntoApp(
  target: HubTarget & { databaseName: string; collections: string[] },
): Promise<{ docs: number; ms: number }> {
  const start = now();
  const ring = await keyRingStore(indexedDB).read(target.databaseName);
  if (!ring?.keys) throw new Error(`the app's database ${target.databaseName} is locked: unlock it first`);
  const db = await createYishiDatabase({
    name: target.databaseName,
    storage: getRxStorageDexie(),
    ring: { ring: ring.keys.field },
    multiInstance: true,
  });
  let docs = 0;
  try {
    for (const name of target.collections) {
      const collection = db.collections[name as (typeof COLLECTION_NAMES)[number]];
      let seq: number | null = null;
      for (;;) {
        const page = await pullPage(target, name, seq);
        const states = page.documents.map(({ _deleted: _d, ...doc }) => doc);
        if (states.length > 0) {
          const result = await collection.bulkUpsert(states as never[]);
          if (result.error.length > 0)
            throw new Error(`${name}: ${result.error.length} rows refused by the local schema`);
        }
        docs += states.length;
        if (page.documents.length < target.pageSize || page.checkpoint === null) break;
        seq = page.checkpoint.seq;
      }
    }
    return { docs, ms: now() - start };
  } finally {
    await db.close();
  }
}

const api = { rxdbSync, dexieLimit, layoutFloor, pouchReplicate, loadIntoApp };
export type BenchApi = typeof api;
(window as unknown as { yishiBench: BenchApi }).yishiBench = api;
document.getElementById('status')!.textContent = 'ready';
