// The storage rows RxDB 17.6's pull replication writes, built directly so that a device's first
// pull can write a whole page of documents and their assumed-master copies without RxDB's per-id
// reads (see first-pull.ts). Everything here mirrors RxDB internals of exactly one version:
// `replication-protocol/downstream.ts` (fork rows, as `getWrappedStorageInstance` stores inserts),
// `replication-protocol/meta-instance.ts` (meta rows) and `checkpoint.ts` (checkpoint rows).
// `layoutSupported` refuses any other RxDB version or meta schema, and first-pull-layout.test.ts
// compares these rows with what RxDB's own replication stores, so an upgrade fails the test and
// the device falls back to plain replication instead of writing a layout RxDB no longer reads.

import {
  RXDB_VERSION,
  getComposedPrimaryKeyOfDocumentData,
  getHeightOfRevision,
  stripAttachmentsDataFromDocument,
} from 'rxdb';
import type { RxJsonSchema } from 'rxdb';

/** The RxDB version whose layout this file writes (package.json pins it). */
export const LAYOUT_RXDB_VERSION = '17.6.0';

/**
 * Local write times (`_meta.lwt`) of documents written by the first pull count up from here, far
 * below any clock time (RxDB's lwt is epoch milliseconds). The storage orders its changes by lwt,
 * so the upstream checkpoint can be set just past the first pull's last document: every local
 * write (always a clock time) sorts after it, whenever and in whichever window it happened, and
 * the upstream never has to read the pulled documents back to find the ones to push.
 */
export const FIRST_PULL_LWT_BASE = 1;
/** A stored lwt below this was written by the first pull and not changed since. */
export const FIRST_PULL_LWT_LIMIT = 1e9;

/** Our own row in the meta instance: where the first pull stands (RxDB never reads it). */
export const PROGRESS_ITEM_ID = 'first-pull';

type Row = Record<string, unknown>;

export interface LayoutContext {
  /** `database.token`: RxDB's storage wrapper revisions inserts as `1-<token>`. */
  databaseToken: string;
  /** `'rx_storage_replication_' + hash(identifier||database||collection)` (checkpoint.ts). */
  checkpointKey: string;
  hasAttachments: boolean;
  metaSchema: RxJsonSchema<unknown>;
}

const EXPECTED_META_PROPERTIES = [
  'id',
  'isCheckpoint',
  'itemId',
  'checkpointData',
  'docData',
  'isResolvedConflict',
];

/** True when the running RxDB and its meta schema are the ones this file was written for. */
export function layoutSupported(metaSchema: RxJsonSchema<unknown>, version: string = RXDB_VERSION): boolean {
  if (version !== LAYOUT_RXDB_VERSION) return false;
  const key = metaSchema.primaryKey as { key?: string; fields?: string[]; separator?: string };
  if (key.key !== 'id' || key.separator !== '|' || key.fields?.join() !== 'itemId,isCheckpoint') return false;
  const properties = Object.keys(metaSchema.properties as object);
  return EXPECTED_META_PROPERTIES.every((p) => properties.includes(p));
}

export async function checkpointKeyOf(
  hash: (input: string) => Promise<string>,
  identifier: string,
  databaseName: string,
  collectionName: string,
): Promise<string> {
  return 'rx_storage_replication_' + (await hash([identifier, databaseName, collectionName].join('||')));
}

/** A document from the hub as RxDB's storage wrapper stores a downstream insert. */
export function forkInsert(ctx: LayoutContext, master: Row, lwt: number): Row {
  return {
    ...master,
    _attachments: ctx.hasAttachments && master['_attachments'] ? master['_attachments'] : {},
    _meta: { lwt },
    _rev: `1-${ctx.databaseToken}`,
  };
}

export function metaId(ctx: LayoutContext, itemId: string, isCheckpoint: '0' | '1'): string {
  return getComposedPrimaryKeyOfDocumentData(ctx.metaSchema as never, { itemId, isCheckpoint });
}

/** The assumed master state of one document (`getMetaWriteRow`), new or replacing `previous`. */
export function metaRow(
  ctx: LayoutContext,
  master: Row,
  lwt: number,
  previous?: Row,
): { document: Row; previous?: Row } {
  const itemId = String(master['id']);
  const docData = ctx.hasAttachments ? stripAttachmentsDataFromDocument(master as never) : master;
  const document: Row = {
    id: metaId(ctx, itemId, '0'),
    isCheckpoint: '0',
    itemId,
    docData,
    _attachments: {},
    _deleted: false,
    _rev: revisionAfter(ctx.checkpointKey, previous),
    _meta: { lwt },
  };
  return previous ? { document, previous } : { document };
}

/** A checkpoint row (`setCheckpoint`); RxDB's directions are 'down' and 'up'. */
export function checkpointRow(
  ctx: LayoutContext,
  itemId: string,
  checkpointData: Row,
  lwt: number,
  previous?: Row,
): { document: Row; previous?: Row } {
  const document: Row = {
    id: metaId(ctx, itemId, '1'),
    isCheckpoint: '1',
    itemId,
    _deleted: false,
    _attachments: {},
    checkpointData,
    _meta: { lwt },
    _rev: revisionAfter(ctx.checkpointKey, previous),
  };
  return previous ? { document, previous } : { document };
}

function revisionAfter(token: string, previous?: Row): string {
  const height = previous ? getHeightOfRevision(String(previous['_rev'])) : 0;
  return `${height + 1}-${token}`;
}
