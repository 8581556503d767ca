// SQL of the documents table: pull by server sequence with the scope filter, the write
// transaction of a push (commit order = sequence order), fan-out reads and the demo seed. What a
// push writes is decided in hub/src/sync/push.ts; this file only stores it.

import { SCOPE_SEPARATOR, visibilityOf, visibilitySqlParams } from '#shared/domain/places/index';
import { REFERENCE_COLLECTIONS } from '#shared/domain/vocab';
import type { CollectionName } from '#shared/domain/vocab';
import type { Checkpoint, Doc, RefusalCode } from '#shared/protocol/v1';
import { withoutPii } from '#shared/schema/pii';
import type { Driver, SqlClient } from '../db/driver';
import { addQuarantine } from './quarantine-sql';

export const CHANGES_CHANNEL = 'yishi_changes';
/** Every writer of `documents` takes this lock first, so commit order equals sequence order. */
const SEQ_LOCK = '8751243097735160321';

interface DocRow {
  collection: string;
  id: string;
  scope: string;
  seq: number | string | bigint;
  deleted: boolean;
  data: Record<string, unknown>;
}

export interface ChangedDoc {
  collection: string;
  seq: number;
  doc: Doc;
}

export type ChangeNotice = { t: 'docs'; maxSeq: number } | { t: 'revoke'; deviceId: string };

/**
 * A page's documents stop once they pass this many bytes of JSON, however many the device asked
 * for: 2,000 large documents would otherwise be read, held and serialised in one piece. The
 * answer then says `more`, and the device asks again from where the page ended.
 */
export const PULL_PAGE_BYTES = 8 * 1024 * 1024;

type BudgetedRow = Omit<DocRow, 'data'> & { json: string | null };

/**
 * The rows of `page` (a query selecting DocRow columns, ordered and limited) up to the byte
 * budget: always the first, then each while the ones before it stay under `maxBytes`. The size is
 * measured in the database, so the JSON of rows past the budget never reaches the hub process;
 * they come back without it and only tell that more follow. Each document is turned into JSON
 * text once, for both its size and its delivery.
 */
async function budgetedRows(
  db: SqlClient,
  page: string,
  params: unknown[],
  order: 'asc' | 'desc',
  maxBytes: number,
): Promise<{ rows: DocRow[]; more: boolean }> {
  params.push(maxBytes);
  const found = await db.query<BudgetedRow>(
    `select b.collection, b.id, b.scope, b.seq, b.deleted,
       case when b.upto - b.bytes < $${params.length} then b.json end as json
     from (
       select p.*, sum(p.bytes) over (order by p.seq ${order} rows between unbounded preceding and current row) as upto
       from (select j.*, octet_length(j.json) as bytes
             from (select s.collection, s.id, s.scope, s.seq, s.deleted, s.data::text as json
                   from (${page}) s offset 0) j) p
     ) b order by b.seq ${order}`,
    params,
  );
  const rows: DocRow[] = [];
  for (const { json, ...row } of found) {
    if (json === null) return { rows, more: true };
    rows.push({ ...row, data: JSON.parse(json) as Record<string, unknown> });
  }
  return { rows, more: false };
}

function toDoc(row: DocRow): Doc {
  return { ...row.data, _deleted: row.deleted } as Doc;
}

function scopeFilter(collection: CollectionName, deviceScope: string, params: unknown[]): string {
  const visible = visibilitySqlParams(visibilityOf(deviceScope, collection));
  const n = params.length;
  // Everything a device sees lies in its own street, so a pull may walk documents_collection_street
  // (migration 9) in sequence order and stop at the page. For a street's own device the street is
  // the whole filter: a scope test beside it would tempt the planner to gather and sort the
  // street's remaining rows for every page instead.
  params.push(visible.street);
  const street = `split_part(scope, '${SCOPE_SEPARATOR}', 1) = $${n + 1}`;
  if (visible.exact === visible.street && visible.alsoExactly.length === 0) return street;
  params.push(visible.exact, visible.below);
  if (visible.alsoExactly.length === 0) return `${street} and (scope = $${n + 2} or scope like $${n + 3})`;
  params.push(visible.alsoExactly);
  return `${street} and (scope = $${n + 2} or scope like $${n + 3} or scope = any($${n + 4}::text[]))`;
}

export async function pullDocuments(
  db: SqlClient,
  collection: CollectionName,
  deviceScope: string,
  since: number,
  limit: number,
  maxBytes: number = PULL_PAGE_BYTES,
): Promise<{ documents: Doc[]; checkpoint: Checkpoint; more?: true }> {
  const params: unknown[] = [collection, since, limit];
  const filter = scopeFilter(collection, deviceScope, params);
  const { rows, more } = await budgetedRows(
    db,
    `select collection, id, scope, seq, deleted, data from documents
     where collection = $1 and seq > $2 and ${filter} order by seq limit $3`,
    params,
    'asc',
    maxBytes,
  );
  const last = rows[rows.length - 1];
  return {
    documents: rows.map(toDoc),
    checkpoint: { seq: last ? Number(last.seq) : since },
    ...(more ? { more: true as const } : {}),
  };
}

/**
 * A device's first pull, newest first: the documents below `before` (all when null), highest
 * sequence first. One row per document, so a document changed meanwhile has left the range below
 * `before` for a number above the first page's, where the ascending pull that follows finds it.
 */
export async function pullNewestDocuments(
  db: SqlClient,
  collection: CollectionName,
  deviceScope: string,
  before: number | null,
  limit: number,
  maxBytes: number = PULL_PAGE_BYTES,
): Promise<{ documents: Doc[]; high: number | null; low: number | null; more?: true }> {
  const params: unknown[] = [collection, before ?? Number.MAX_SAFE_INTEGER, limit];
  const filter = scopeFilter(collection, deviceScope, params);
  const { rows, more } = await budgetedRows(
    db,
    `select collection, id, scope, seq, deleted, data from documents
     where collection = $1 and seq < $2 and ${filter} order by seq desc limit $3`,
    params,
    'desc',
    maxBytes,
  );
  const first = rows[0];
  const last = rows[rows.length - 1];
  return {
    documents: rows.map(toDoc),
    high: first ? Number(first.seq) : null,
    low: last ? Number(last.seq) : null,
    ...(more ? { more: true as const } : {}),
  };
}

/** Per collection, the documents a pull from the beginning delivers to a device of this scope. */
export async function scopeCounts(db: SqlClient, deviceScope: string): Promise<Record<string, number>> {
  const subtree = visibilitySqlParams(visibilityOf(deviceScope, undefined));
  const reference = visibilitySqlParams(visibilityOf(deviceScope, 'places'));
  const rows = await db.query<{ collection: string; n: number | string }>(
    `select collection, count(*) as n from documents
     where scope = $1 or scope like $2 or (collection = any($3::text[]) and scope = any($4::text[]))
     group by collection`,
    [subtree.exact, subtree.below, [...REFERENCE_COLLECTIONS], reference.alsoExactly],
  );
  return Object.fromEntries(rows.map((r) => [r.collection, Number(r.n)]));
}

export async function changesSince(db: SqlClient, since: number, limit: number): Promise<ChangedDoc[]> {
  const rows = await db.query<DocRow>(
    `select collection, id, scope, seq, deleted, data from documents where seq > $1 order by seq limit $2`,
    [since, limit],
  );
  return rows.map((r) => ({ collection: r.collection, seq: Number(r.seq), doc: toDoc(r) }));
}

export async function maxSeq(db: SqlClient): Promise<number> {
  const rows = await db.query<{ s: number | string | null }>(`select max(seq) as s from documents`);
  return Number(rows[0]?.s ?? 0);
}

/**
 * Above this much JSON a write is split into several statements with a turn of the event loop
 * between them: PGlite runs inside the hub's process, and one 5 MB insert would stall every other
 * request for the better part of a second.
 */
const WRITE_CHUNK_BYTES = 64 * 1024;

/** Splits serialised rows into groups of at most WRITE_CHUNK_BYTES (a larger row goes alone). */
function chunkBySize(items: string[]): string[][] {
  const chunks: string[][] = [];
  let current: string[] = [];
  let size = 0;
  for (const item of items) {
    if (current.length > 0 && size + item.length > WRITE_CHUNK_BYTES) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += item.length;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Writes final document states (one per id) with fresh sequence numbers; returns the highest. */
async function writeDocs(tx: SqlClient, docs: Array<{ collection: string; doc: Doc }>): Promise<number> {
  if (docs.length === 0) return 0;
  const payload = docs.map(({ collection, doc }) => {
    // A deleted document keeps no personal information on the hub (issue 17, retention).
    const { _deleted, ...data } = doc._deleted === true ? withoutPii(collection as CollectionName, doc) : doc;
    return JSON.stringify({ c: collection, id: doc.id, s: doc.scope, d: _deleted === true, data });
  });
  let max = 0;
  for (const [i, chunk] of chunkBySize(payload).entries()) {
    if (i > 0) await nextTurn();
    // Chunks run in order under the sequence lock, so sequence order still equals commit order.
    const rows = await tx.query<{ seq: number | string }>(
      `insert into documents (collection, id, scope, seq, deleted, data, updated_at)
       select e->>'c', e->>'id', e->>'s', nextval('documents_seq_global'), (e->>'d')::boolean, e->'data', now()
       from jsonb_array_elements($1::text::jsonb) with ordinality as t(e, n) order by n
       on conflict (collection, id) do update set scope = excluded.scope, seq = excluded.seq,
         deleted = excluded.deleted, data = excluded.data, updated_at = excluded.updated_at
       returning seq`,
      [`[${chunk.join(',')}]`],
    );
    for (const r of rows) max = Math.max(max, Number(r.seq));
  }
  const notice: ChangeNotice = { t: 'docs', maxSeq: max };
  // NOTIFY is transactional: other hub processes hear it only once the rows are visible.
  await tx.query(`select pg_notify($1, $2)`, [CHANGES_CHANNEL, JSON.stringify(notice)]);
  return max;
}

async function currentDocs(tx: SqlClient, collection: string, ids: string[]): Promise<Map<string, Doc>> {
  const rows = await tx.query<DocRow>(
    `select collection, id, scope, seq, deleted, data from documents where collection = $1 and id = any($2::text[])`,
    [collection, ids],
  );
  return new Map(rows.map((r) => [r.id, toDoc(r)]));
}

/** A row the hub refused, kept with the device's original payload for a person to look at. */
export interface QuarantinedRow {
  id: string;
  code: RefusalCode;
  reason: string;
  raw: unknown;
}

/** What a push decided against the current states: the final states to write and the refused rows. */
export interface PushPlan {
  writes: Doc[];
  quarantine: QuarantinedRow[];
}

/**
 * The write transaction of a push: takes the sequence lock, reads the current states of `ids`,
 * lets `decide` plan the push against them (synchronously, inside the lock, so no other writer
 * moves them meanwhile), quarantines the refused rows and writes the rest. Returns the highest
 * sequence number written (0 when nothing was).
 */
export async function writePush(
  db: Driver,
  collection: CollectionName,
  ids: string[],
  deviceId: string,
  now: Date,
  decide: (current: Map<string, Doc>) => PushPlan,
): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.query(`select pg_advisory_xact_lock($1::bigint)`, [SEQ_LOCK]);
    const current = await currentDocs(tx, collection, [...new Set(ids)]);
    // A turn for other requests between the read and the (synchronous) decision of a large push.
    await nextTurn();
    const plan = decide(current);
    await nextTurn();
    // Bounded per device: the newest rows are kept, older ones counted as dropped.
    await addQuarantine(tx, deviceId, collection, now, plan.quarantine);
    return writeDocs(
      tx,
      plan.writes.map((doc) => ({ collection, doc })),
    );
  });
}

export interface SeedOutcome {
  written: number;
  unchanged: number;
}

/** Loads documents as the hub's own writes: unchanged documents keep their sequence number. */
export async function seedDocuments(
  db: Driver,
  docs: Array<{ collection: CollectionName; doc: Doc }>,
  same: (a: Doc, b: Doc) => boolean,
): Promise<SeedOutcome> {
  return db.transaction(async (tx) => {
    await tx.query(`select pg_advisory_xact_lock($1::bigint)`, [SEQ_LOCK]);
    const changed: Array<{ collection: string; doc: Doc }> = [];
    // The last state of an id wins, as in a push; the upsert may touch each row only once.
    const byCollection = new Map<string, Map<string, { collection: CollectionName; doc: Doc }>>();
    for (const item of docs) {
      const items = byCollection.get(item.collection) ?? new Map();
      items.set(item.doc.id, item);
      byCollection.set(item.collection, items);
    }
    for (const [collection, byId] of byCollection) {
      const items = [...byId.values()];
      const current = await currentDocs(
        tx,
        collection,
        items.map((i) => i.doc.id),
      );
      for (const item of items) {
        const existing = current.get(item.doc.id);
        if (!existing || !same(existing, item.doc)) changed.push(item);
      }
    }
    await writeDocs(tx, changed);
    return { written: changed.length, unchanged: docs.length - changed.length };
  });
}
