// A device's first pull, at the speed of the storage. RxDB's pull replication reads every pulled
// id from the documents and from its assumed-master copies before writing a page (and the storage
// reads them again): on an empty collection that is all waste. While a collection has no local
// documents and no checkpoint (a new or restored device), this pulls its pages itself, one
// collection after the other (reference data first: places, organisations, people), each newest
// first where the hub offers it (what a worker looks at first arrives first), fetching the next
// page while writing one, and writes each page as RxDB's replication would have left it
// (first-pull-write.ts): the documents in one bulk write, then their assumed-master copies
// together with the checkpoints and its own progress in one bulk write of the meta instance (one
// transaction, so a reload resumes at the last page stored). Then it hands the collection to RxDB's replication, which starts at the reached
// checkpoint; from there normal replication, conflict handling and change events go on exactly as
// before. Anything unexpected (a document already stored and not as this pull left it, a write
// error, another RxDB version) ends the fast path at the last complete page, and RxDB's own pull
// takes over from there.

import { getChangedDocumentsSince, overwritable } from 'rxdb';
import type { RxCollection, RxStorageInstance } from 'rxdb';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import { COLLECTION_NAMES } from '#shared/domain/vocab';
import type { CollectionName } from '#shared/domain/vocab';
import type { Checkpoint } from '#shared/protocol/v1';
import {
  FIRST_PULL_LWT_BASE,
  PROGRESS_ITEM_ID,
  checkpointKeyOf,
  layoutSupported,
  metaId,
} from './first-pull-layout';
import type { LayoutContext } from './first-pull-layout';
import { writePage } from './first-pull-write';
import { isAppendOnly } from './conflict-handler';
import type { Plan, ProgressRecord } from './first-pull-write';
import type { NewestPage } from './handlers';

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
  /** Pages newest first (documents prepared as for `pull`); without it the first pull goes oldest first. */
  pullNewest?: (before: number | null, batchSize: number) => Promise<NewestPage>;
}

/** Where one collection's first pull stands. */
export interface FirstPullProgress {
  received: number;
  /** Documents of the device's scope on the hub when the first pull began; null if unknown. */
  total: number | null;
  done: boolean;
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

export interface FirstPull {
  /** Makes the replication's start (by RxDB on leadership, or on becoming visible) wait for its first pull. */
  defer(target: FirstPullTarget): void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createFirstPull(options: FirstPullOptions): FirstPull {
  const targets: FirstPullTarget[] = [];
  let turns: Map<CollectionName, Promise<void>> | undefined;

  // Every collection is planned at once, and each pulls as soon as its own plan is ready and the
  // collections before it in FIRST_PULL_ORDER are done: the places' first page does not wait for
  // the other eleven meta instances to open, nor for the hub's counts.
  const planAll = () => {
    const sorted = [...targets].sort(
      (a, b) => FIRST_PULL_ORDER.indexOf(a.name) - FIRST_PULL_ORDER.indexOf(b.name),
    );
    const progress = createProgressReporting(options);
    const result = new Map<CollectionName, Promise<void>>();
    let queue: Promise<void> = Promise.resolve();
    for (const target of sorted) {
      const plan = planFor(target).catch(() => undefined);
      void plan.then((p) => p && progress.planned(p));
      const turn = queue.then(async () => {
        const p = await plan;
        if (p && !p.record.done) await pullAll(p, options);
      });
      result.set(target.name, turn);
      queue = turn;
    }
    return result;
  };

  return {
    defer(target) {
      targets.push(target);
      const { replication } = target;
      const start = replication.start.bind(replication);
      replication.start = async () => {
        turns ??= planAll();
        await turns.get(target.name);
        return start();
      };
    },
  };
}

/**
 * Reports each planned collection's progress. Collections already done are reported only once
 * another one has a first pull to do (after a reload they count, so the progress stays whole; on
 * a device whose first sync is long over nothing is reported). The hub's counts are asked once,
 * the first time an open collection has none stored, while its first page is fetched.
 */
function createProgressReporting(options: FirstPullOptions): { planned(plan: Plan): void } {
  let anyOpen = false;
  const held: Plan[] = [];
  let totals: Promise<Partial<Record<CollectionName, number>> | undefined> | undefined;
  const report = (p: Plan) => options.onProgress(p.target.name, view(p.record));
  return {
    planned(plan) {
      if (plan.record.done) {
        if (anyOpen) report(plan);
        else held.push(plan);
        return;
      }
      if (!anyOpen) {
        anyOpen = true;
        for (const done of held.splice(0)) report(done);
      }
      report(plan);
      if (plan.record.total !== null || !options.totals) return;
      totals ??= options.totals().catch(() => undefined);
      // Awaited before the first page is stored, so the stored progress carries the total.
      plan.totalKnown = totals.then((counts) => {
        if (plan.record.total !== null) return;
        plan.record.total = counts?.[plan.target.name] ?? null;
        report(plan);
      });
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
      // Local documents that were never pushed (no up checkpoint) stop the first pull, lest a
      // pulled page overwrite them; append-only ones cannot meet a pulled id (new ids, never
      // updated: the device's own setup and enrolment entries), and RxDB pushes them afterwards.
      if (!isAppendOnly(target.name)) {
        const stored = await getChangedDocumentsSince(collection.storageInstance, 1);
        if (stored.documents.length > 0) throw new Error('not a first pull');
      }
      record = {
        seq: null,
        received: 0,
        total: null,
        done: false,
        lwt: FIRST_PULL_LWT_BASE,
        order: target.pullNewest ? 'newest' : 'oldest',
        high: null,
        before: null,
      };
    }
    return { target, ctx, meta, fork, record, rows };
  } catch (error) {
    await meta.close().catch(() => undefined);
    throw error;
  }
}

const retrying =
  <A, T>(fetch: (arg: A) => Promise<T>, options: FirstPullOptions) =>
  async (arg: A): Promise<T | undefined> => {
    for (let attempt = 0; ; attempt += 1) {
      if (options.isStopped()) return undefined;
      try {
        return await fetch(arg);
      } catch {
        if (options.isStopped()) return undefined;
        await sleep(options.retryDelay(attempt));
      }
    }
  };

async function pullAll(plan: Plan, options: FirstPullOptions): Promise<void> {
  try {
    if (plan.record.order === 'newest' && (await pullNewestFirst(plan, options)) === 'done') return;
    await pullOldestFirst(plan, options);
  } catch {
    // A failed write leaves the stored state consistent at the last complete page; RxDB's own
    // pull goes on from there and reports the error its own way if it persists.
  } finally {
    await plan.meta.close().catch(() => undefined);
  }
}

/**
 * The working collections' newest documents are what a worker looks at first, so the first pull
 * pages down from the newest, then hands RxDB the first page's highest sequence: a document
 * changed meanwhile has left the range below for a higher number, where RxDB's pull finds it.
 * The cursor is stored with every page, so a reload neither fetches a stored page again nor
 * skips one. 'oldest' when the hub cannot page newest first and nothing is stored yet.
 */
async function pullNewestFirst(plan: Plan, options: FirstPullOptions): Promise<'done' | 'oldest'> {
  const { target, record } = plan;
  const pullNewest = target.pullNewest ?? (async (): Promise<NewestPage> => 'oldest-only');
  const fetchPage = retrying((before: number | null) => pullNewest(before, options.batchSize), options);
  let next = fetchPage(record.before ?? null);
  for (;;) {
    const page = await next;
    if (!page || options.isStopped()) return 'done';
    if (page === 'oldest-only') {
      if ((record.high ?? null) === null) {
        record.order = 'oldest';
        return 'oldest';
      }
      // Halfway down: RxDB's pull starts over and finds the stored documents already in step.
      await writePage(plan, [], null, true);
      return 'done';
    }
    const more = page.documents.length >= options.batchSize && page.low !== null;
    next = more ? fetchPage(page.low) : Promise.resolve(undefined);
    const firstPage = (record.high ?? null) === null;
    if (firstPage) record.high = page.high;
    if (page.low !== null) record.before = page.low;
    // The down checkpoint is set with the last page only: until then RxDB would start over.
    const complete = await writePage(
      plan,
      page.documents as Row[],
      more ? null : (record.high ?? null),
      !more,
    );
    if (firstPage && page.high !== null) options.onPulled?.(target.name, page.high);
    options.onProgress(target.name, view(record));
    if (!complete || !more) return 'done';
  }
}

async function pullOldestFirst(plan: Plan, options: FirstPullOptions): Promise<void> {
  const { target, record } = plan;
  const fetchPage = retrying(
    (seq: number | null) => target.pull(seq === null ? undefined : { seq }, options.batchSize),
    options,
  );
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
}
