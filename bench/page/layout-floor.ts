// The floor of the storage layout the app must end with: what raw Dexie writes cost when they write
// what RxDB's Dexie storage keeps for a replicated document. Per collection that is a documents
// table with the schema's indexes (RxDB adds `_deleted` in front of each, and its own `_meta.lwt`
// indexes) and, for every document, the replication's assumed-master copy in a meta table. This
// writes both for each page in one transaction of one database, which is already more than the
// app can have (RxDB keeps them in two databases): no RxDB, no sealing, no change events, no
// conflict read. What the app's sync stays under this is the sync's own cost; what this stays
// under the limit is the layout's.

import Dexie from 'dexie';
import {
  fillWithDefaultSettings,
  getComposedPrimaryKeyOfDocumentData,
  getRxReplicationMetaInstanceSchema,
} from 'rxdb';
import type { RxJsonSchema } from 'rxdb';
import { fromStorageToDexie, getBooleanIndexes, getDexieStoreSchema } from 'rxdb/plugins/storage-dexie';
import { COLLECTION_NAMES } from '#shared/domain/vocab';
import type { CollectionName } from '#shared/domain/vocab';
import type { PullResponse } from '#shared/protocol/v1';
import { RXDB_SCHEMAS } from '#shared/schema/index';

type Row = Record<string, unknown>;

interface Layout {
  docStore: string;
  metaStore: string;
  docBooleans: string[];
  metaBooleans: string[];
  metaSchema: RxJsonSchema<unknown>;
}

function layoutOf(name: CollectionName): Layout {
  const filled = fillWithDefaultSettings(RXDB_SCHEMAS[name] as never) as RxJsonSchema<unknown>;
  const metaSchema = getRxReplicationMetaInstanceSchema(filled as never, true) as RxJsonSchema<unknown>;
  return {
    docStore: getDexieStoreSchema(filled as never),
    metaStore: getDexieStoreSchema(metaSchema as never),
    docBooleans: getBooleanIndexes(filled as never),
    metaBooleans: getBooleanIndexes(metaSchema as never),
    metaSchema,
  };
}

function pageRows(layout: Layout, docs: Row[], firstLwt: number): { docs: Row[]; meta: Row[] } {
  return {
    docs: docs.map((d, i) =>
      fromStorageToDexie(layout.docBooleans, {
        ...d,
        _attachments: {},
        _meta: { lwt: firstLwt + i },
        _rev: '1-floor',
      } as never),
    ),
    meta: docs.map((d, i) =>
      fromStorageToDexie(layout.metaBooleans, {
        id: getComposedPrimaryKeyOfDocumentData(layout.metaSchema as never, {
          itemId: String(d['id']),
          isCheckpoint: '0',
        }),
        isCheckpoint: '0',
        itemId: String(d['id']),
        docData: d,
        _attachments: {},
        _deleted: false,
        _rev: '1-floor',
        _meta: { lwt: firstLwt + i },
      } as never),
    ),
  };
}

export interface FloorRun {
  docs: number;
  ms: number;
  firstThousandMs: number | null;
  openMs: number;
}

/** Pulls every collection page by page (the next page fetched while one is written), like the limit. */
export async function writeLayoutFloor(
  name: string,
  pullPage: (collection: string, seq: number | null) => Promise<PullResponse>,
  pageSize: number,
): Promise<FloorRun> {
  const opening = performance.now();
  const layouts = new Map(COLLECTION_NAMES.map((c) => [c, layoutOf(c)]));
  const db = new Dexie(name);
  const stores: Record<string, string> = {};
  for (const [c, l] of layouts) {
    stores[c] = l.docStore;
    stores[`${c}__meta`] = l.metaStore;
  }
  db.version(1).stores(stores);
  await db.open();
  const openMs = performance.now() - opening;
  let written = 0;
  let lwt = 1;
  let firstThousandMs: number | null = null;
  const start = performance.now();
  try {
    for (const [collection, layout] of layouts) {
      let next: Promise<PullResponse> | null = pullPage(collection, null);
      while (next) {
        const page: PullResponse = await next;
        const more = page.documents.length === pageSize && page.checkpoint !== null;
        next = more ? pullPage(collection, page.checkpoint?.seq ?? null) : null;
        if (page.documents.length > 0) {
          const rows = pageRows(layout, page.documents as Row[], lwt);
          lwt += rows.docs.length;
          const docs = db.table(collection);
          const meta = db.table(`${collection}__meta`);
          await db.transaction('rw', docs, meta, async () => {
            await docs.bulkPut(rows.docs);
            await meta.bulkPut(rows.meta);
          });
        }
        written += page.documents.length;
        if (firstThousandMs === null && written >= 1000) firstThousandMs = performance.now() - start;
      }
    }
    const ms = performance.now() - start;
    let docs = 0;
    for (const c of COLLECTION_NAMES) docs += await db.table(c).count();
    return { docs, ms, firstThousandMs, openMs };
  } finally {
    db.close();
    await Dexie.delete(name);
  }
}
