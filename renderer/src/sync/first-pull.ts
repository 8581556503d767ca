// A device's first pull, at the speed of the storage. RxDB's pull replication reads every pulled
// id from the documents and from its assumed-master copies before writing a page (and the storage
// reads them again): on an empty collection that is all waste. While a collection has no local
// documents and no checkpoint (a new or restored device), this pulls its pages itself, one
// collection after the other (reference data first), fetching the next page while writing one,
// and writes each page as RxDB's replication would have left it: the documents in one bulk write,
// then their assumed-master copies together with the down and up checkpoints and its own progress
// in one bulk write of the meta instance (one transaction, so a reload resumes at the last page
// stored). Then it hands the collection to RxDB's replication, which starts at the reached
// checkpoint; from there normal replication, conflict handling and change events go on exactly as
// before. Anything unexpected (a document already stored and not as this pull left it, a write
// error, another RxDB version) ends the fast path at the last complete page, and RxDB's own pull
// takes over from there.

import { getChangedDocumentsSince, now as rxdbNow, overwritable } from 'rxdb';
import type { RxCollection, RxStorageInstance } from 'rxdb';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import { COLLECTION_NAMES } from '#shared/domain/vocab';
import type { CollectionName } from '#shared/domain/vocab';
import type { Checkpoint } from '#shared/protocol/v1';
import {
  FIRST_PULL_LWT_BASE,
  FIRST_PULL_LWT_LIMIT,
  PROGRESS_ITEM_ID,
  checkpointKeyOf,
  checkpointRow,
  forkInsert,
  layoutSupported,
  metaId,
  metaRow,
} from './first-pull-layout';
import type { LayoutContext } from './first-pull-layout';

type Row = Record<string, unknown>;
type Instance = RxStorageInstance<Row, unknown, unknown, unknown>;

/** What the first screens need comes first: places, organisations, people. */
export const FIRST_PULL_ORDER: readonly CollectionName[] = [
  'places',
  'organizations',
  'people',
  ...COLLECTION_NAMES.filter((c) => c !== 'places' && c !== 'organizations' && c !== 'people'),
];

export interface PulledPage {
  documents: unknown[];
  checkpoint?: Checkpoint | undefined;
}

export interface FirstPullTarget {
  name: CollectionName;
  collection: RxCollection<unknown>;
  replication: RxReplicationState<unknown, Checkpoint>;
  /** The collection's pull handler; documents come prepared as RxDB's pull modifier leaves them. */
  pull: (checkpoint: Checkpoint | undefined, batchSize: number) => Promise<PulledPage>;
}

/** Where one collection's first pull stands. */
export interface FirstPullProgress {
  received: number;
  /** Documents of the device's scope on the hub when the first pull began; null if unknown. */
  total: number | null;
  done: boolean;
}

interface ProgressRecord extends FirstPullProgress {
  seq: number | null;
  /** The last `_meta.lwt` given to a pulled document. */
  lwt: number;
}

export interface FirstPullOptions {
  batchSize: number;
  isStopped: () => boolean;
  /** Delay before asking the hub again after a failed page. */
  retryDelay: (attempt: number) => number;
  /** The hub's document counts for the device's scope, asked once when a first pull begins. */
  totals?: () => Promise<Partial<Record<CollectionName, number>>>;
  onProgress: (name: CollectionName, progress: FirstPullProgress) => void;
  onPulled?: (name: CollectionName, seq: number) => void;
}

interface Plan {
  target: FirstPullTarget;
  ctx: LayoutContext;
  meta: Instance;
  fork: Instance;
  record: ProgressRecord;
  /** The stored checkpoint rows, the `previous` of the next write. */
  rows: Partial<Record<'down' | 'up' | 'progress', Row>>;
  turn?: Promise<void>;
}

export interface FirstPull {
  /** Makes the replication's start (by RxDB on leadership, or on becoming visible) wait for its first pull. */
  defer(target: FirstPullTarget): void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createFirstPull(options: FirstPullOptions): FirstPull {
  const targets: FirstPullTarget[] = [];
  let plans: Promise<Map<CollectionName, Plan>> | undefined;

  const planAll = async () => {
    const found = (await Promise.all(targets.map((t) => planFor(t).catch(() => undefined)))).filter(
      (p): p is Plan => p !== undefined,
    );
    const open = found.filter((p) => !p.record.done);
    if (open.length === 0) return new Map<CollectionName, Plan>();
    if (open.some((p) => p.record.total === null) && options.totals) {
      const totals = await options.totals().catch(() => undefined);
      for (const p of open) if (p.record.total === null) p.record.total = totals?.[p.target.name] ?? null;
    }
    open.sort((a, b) => FIRST_PULL_ORDER.indexOf(a.target.name) - FIRST_PULL_ORDER.indexOf(b.target.name));
    // After a reload the collections already done count too, so the progress stays whole.
    for (const p of found) options.onProgress(p.target.name, view(p.record));
    let queue: Promise<void> = Promise.resolve();
    for (const p of open) {
      p.turn = queue.then(() => pullAll(p, options));
      queue = p.turn;
    }
    return new Map(open.map((p) => [p.target.name, p]));
  };

  return {
    defer(target) {
      targets.push(target);
      const { replication } = target;
      const start = replication.start.bind(replication);
      replication.start = async () => {
        plans ??= planAll();
        await (await plans).get(target.name)?.turn;
        return start();
      };
    },
  };
}

function view(record: ProgressRecord): FirstPullProgress {
  return { received: record.received, total: record.total, done: record.done };
}

/** Opens the collection's meta instance and decides whether a first pull runs (or resumes). */
async function planFor(target: FirstPullTarget): Promise<Plan | undefined> {
  const { collection, replication } = target;
  const db = collection.database;
  const fork = (collection.storageInstance as unknown as { originalStorageInstance?: Instance })
    .originalStorageInstance;
  const metaInfo = await replication.metaInfoPromise;
  if (!fork || !layoutSupported(metaInfo.schema as never)) return undefined;
  const ctx: LayoutContext = {
    databaseToken: db.token,
    checkpointKey: await checkpointKeyOf(
      db.hashFunction,
      `rxdbreplication${replication.replicationIdentifier}`,
      fork.databaseName,
      fork.collectionName,
    ),
    hasAttachments: Boolean(collection.schema.jsonSchema.attachments),
    metaSchema: metaInfo.schema as never,
  };
  const meta = (await db.storage.createStorageInstance({
    databaseName: db.name,
    collectionName: metaInfo.collectionName,
    databaseInstanceToken: db.token,
    multiInstance: db.multiInstance,
    options: {},
    schema: metaInfo.schema,
    password: db.password,
    devMode: overwritable.isDevMode(),
  })) as unknown as Instance;
  try {
    const ids = {
      down: metaId(ctx, 'down', '1'),
      up: metaId(ctx, 'up', '1'),
      progress: metaId(ctx, PROGRESS_ITEM_ID, '1'),
    };
    const stored = new Map(
      (await meta.findDocumentsById(Object.values(ids), true)).map((d) => [String(d['id']), d as Row]),
    );
    const rows = {
      down: stored.get(ids.down),
      up: stored.get(ids.up),
      progress: stored.get(ids.progress),
    };
    const downSeq = (rows.down?.['checkpointData'] as Checkpoint | undefined)?.seq ?? null;
    let record: ProgressRecord;
    if (rows.progress) {
      record = { ...(rows.progress['checkpointData'] as ProgressRecord) };
      // The progress and the down checkpoint are written together: if they differ, RxDB has
      // pulled since, and the collection is RxDB's.
      if (record.done) {
        await meta.close();
        return { target, ctx, meta, fork, record, rows };
      }
      if (record.seq !== downSeq) throw new Error('not a first pull');
    } else {
      if (rows.down || rows.up) throw new Error('not a first pull');
      const stored = await getChangedDocumentsSince(collection.storageInstance, 1);
      if (stored.documents.length > 0) throw new Error('not a first pull');
      record = { seq: null, received: 0, total: null, done: false, lwt: FIRST_PULL_LWT_BASE };
    }
    return { target, ctx, meta, fork, record, rows };
  } catch (error) {
    await meta.close().catch(() => undefined);
    throw error;
  }
}

async function pullAll(plan: Plan, options: FirstPullOptions): Promise<void> {
  const { target, record } = plan;
  const fetchPage = async (seq: number | null): Promise<PulledPage | undefined> => {
    for (let attempt = 0; ; attempt += 1) {
      if (options.isStopped()) return undefined;
      try {
        return await target.pull(seq === null ? undefined : { seq }, options.batchSize);
      } catch {
        if (options.isStopped()) return undefined;
        await sleep(options.retryDelay(attempt));
      }
    }
  };
  try {
    let next = fetchPage(record.seq);
    for (;;) {
      const page = await next;
      if (!page || options.isStopped()) return;
      const seq = page.checkpoint?.seq ?? record.seq;
      const more = page.documents.length >= options.batchSize && page.checkpoint !== undefined;
      // The next page is on its way while this one is written.
      next = more ? fetchPage(seq) : Promise.resolve(undefined);
      const complete = await writePage(plan, page.documents as Row[], seq, !more);
      if (page.checkpoint) options.onPulled?.(target.name, page.checkpoint.seq);
      options.onProgress(target.name, view(record));
      if (!complete || !more) return;
    }
  } catch {
    // A failed write leaves the stored state consistent at the last complete page; RxDB's own
    // pull goes on from there and reports the error its own way if it persists.
  } finally {
    await plan.meta.close().catch(() => undefined);
  }
}

/** Writes one page; false when the fast path ends here and RxDB's pull must take over. */
async function writePage(plan: Plan, docs: Row[], seq: number | null, last: boolean): Promise<boolean> {
  const { target, ctx, record } = plan;
  const db = target.collection.database;
  const stored: Row[] = [];
  let complete = true;
  if (docs.length > 0) {
    const firstLwt = record.lwt + 1;
    const rows = docs.map((d, i) => ({ document: forkInsert(ctx, d, firstLwt + i) }));
    const result = await db.lockedRun(() =>
      plan.fork.bulkWrite(rows as never, `replication-downstream-${ctx.checkpointKey}`),
    );
    const failed = new Map(result.error.map((e) => [String(e.documentId), e]));
    const isEqual = target.collection.conflictHandler.isEqual;
    for (const doc of docs) {
      const error = failed.get(String(doc['id']));
      if (!error) {
        stored.push(doc);
        continue;
      }
      const inDb = error.status === 409 ? (error.documentInDb as Row | undefined) : undefined;
      const lwt = (inDb?.['_meta'] as { lwt?: number } | undefined)?.lwt ?? Infinity;
      // Written by this pull before a reload stopped it, and unchanged since: only the master copy
      // may be missing (it is written in the meta transaction right after).
      if (
        inDb &&
        lwt < FIRST_PULL_LWT_LIMIT &&
        isEqual(docState(inDb, ctx.hasAttachments) as never, doc as never, 'yishi-first-pull')
      )
        stored.push(doc);
      else complete = false;
    }
    record.lwt = firstLwt + docs.length - 1;
  }
  const time = rxdbNow();
  const metaRows = stored.map((d) => metaRow(ctx, d, time));
  record.received += stored.length;
  // On a conflict the down checkpoint stays before this page, so RxDB pulls it again and
  // settles the conflicting documents its own way; the stored ones it finds already in step.
  if (complete) record.seq = seq;
  record.done = last || !complete;
  if (record.seq !== null)
    metaRows.push(checkpointRow(ctx, 'down', { seq: record.seq }, time, plan.rows.down));
  // Every stored document with a first-pull lwt up to here has its master copy: the upstream
  // starts after them. Local writes carry clock times and always come later.
  if (docs.length > 0)
    metaRows.push(
      checkpointRow(
        ctx,
        'up',
        { id: String(docs[docs.length - 1]!['id']), lwt: record.lwt },
        time,
        plan.rows.up,
      ),
    );
  metaRows.push(checkpointRow(ctx, PROGRESS_ITEM_ID, { ...record }, time, plan.rows.progress));
  await writeMeta(plan, metaRows);
  for (const row of metaRows.slice(stored.length)) {
    const itemId = String(row.document['itemId']);
    plan.rows[itemId === PROGRESS_ITEM_ID ? 'progress' : (itemId as 'down' | 'up')] = row.document;
  }
  return complete;
}

async function writeMeta(plan: Plan, rows: Array<{ document: Row; previous?: Row }>): Promise<void> {
  const result = await plan.meta.bulkWrite(rows as never, 'replication-down-write-meta');
  if (result.error.length === 0) return;
  // A master copy already there (the hub sent the same state again): replace it, as RxDB does.
  const retry: Array<{ document: Row; previous?: Row }> = [];
  for (const error of result.error) {
    const row = rows.find((r) => r.document['id'] === error.documentId);
    const inDb = error.status === 409 ? (error.documentInDb as Row | undefined) : undefined;
    if (!row || !inDb || row.document['isCheckpoint'] !== '0')
      throw new Error(`meta write failed: ${error.status}`);
    retry.push(metaRow(plan.ctx, row.document['docData'] as Row, rxdbNow(), inDb));
  }
  const again = await plan.meta.bulkWrite(retry as never, 'replication-down-write-meta');
  if (again.error.length > 0) throw new Error('meta write failed');
}

function docState(doc: Row, keepAttachments: boolean): Row {
  const { _meta: _m, _rev: _r, _attachments, ...state } = doc;
  return keepAttachments ? { ...state, _attachments } : state;
}
