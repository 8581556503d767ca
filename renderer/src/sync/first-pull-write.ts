// How the first pull (first-pull.ts) stores one page: the documents in one bulk write, then their
// assumed-master copies together with the down and up checkpoints and its own progress in one
// bulk write of the meta instance (one transaction, so a reload resumes at the last page stored).

import { now as rxdbNow } from 'rxdb';
import type { RxStorageInstance } from 'rxdb';
import type { FirstPullProgress, FirstPullTarget } from './first-pull';
import {
  FIRST_PULL_LWT_LIMIT,
  PROGRESS_ITEM_ID,
  checkpointRow,
  forkInsert,
  metaRow,
} from './first-pull-layout';
import type { LayoutContext } from './first-pull-layout';

type Row = Record<string, unknown>;
type Instance = RxStorageInstance<Row, unknown, unknown, unknown>;

export interface ProgressRecord extends FirstPullProgress {
  /** The down checkpoint as stored (null while a newest-first pass runs: RxDB would start over). */
  seq: number | null;
  /** The last `_meta.lwt` given to a pulled document. */
  lwt: number;
  /** Newest first (below) or in the hub's order; records from before newest first have none. */
  order?: 'newest' | 'oldest';
  /** Newest first: the first page's highest sequence, where RxDB's pull goes on afterwards. */
  high?: number | null;
  /** Newest first: the lowest sequence stored so far, where the next page ends. */
  before?: number | null;
}

export interface Plan {
  target: FirstPullTarget;
  ctx: LayoutContext;
  meta: Instance;
  fork: Instance;
  record: ProgressRecord;
  /** The stored checkpoint rows, the `previous` of the next write. */
  rows: Partial<Record<'down' | 'up' | 'progress', Row>>;
  /** The hub's count for this collection has been asked for (first-pull.ts) and is in. */
  totalKnown?: Promise<void>;
}

/** Writes one page; false when the fast path ends here and RxDB's pull must take over. */
export async function writePage(
  plan: Plan,
  docs: Row[],
  seq: number | null,
  last: boolean,
): Promise<boolean> {
  await plan.totalKnown;
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
