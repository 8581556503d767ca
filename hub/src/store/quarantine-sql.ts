// SQL of the quarantine: the rows the hub refused, kept with the device's payload for a person to
// look at. Bounded: each device keeps its newest QUARANTINE_CAP rows (each at most
// MAX_STORED_ROW_CHARS of JSON); older ones are given up and counted, and a device that keeps
// overflowing is throttled (see sync-routes) and shown to the admin.

import type { SqlClient } from '../db/driver';
import type { QuarantinedRow } from './documents-sql';

/** Refused rows kept per device. */
export const QUARANTINE_CAP = 500;
/** A device that overflowed its quarantine this recently has its pushes refused for a while. */
export const QUARANTINE_THROTTLE_MS = 60_000;
/** Beyond this a refused row is kept as its beginning only (5 MiB pushes are allowed). */
const MAX_STORED_ROW_CHARS = 64 * 1024;

const iso = (v: Date | string | null): string | null => (v === null ? null : new Date(v).toISOString());

export interface QuarantineSummary {
  deviceId: string;
  kept: number;
  dropped: number;
  lastDroppedAt: string | null;
}

export interface QuarantineRecord {
  id: number;
  at: string;
  deviceId: string;
  collection: string;
  docId: string | null;
  code: string;
  reason: string;
}

function storedJson(raw: unknown): string {
  const text = JSON.stringify(raw) ?? 'null';
  if (text.length <= MAX_STORED_ROW_CHARS) return text;
  return JSON.stringify({ truncated: true, chars: text.length, head: text.slice(0, 4096) });
}

/**
 * Adds refused rows of one push and trims the device's quarantine to the cap, inside the push's
 * transaction. Returns how many older rows were given up.
 */
export async function addQuarantine(
  tx: SqlClient,
  deviceId: string,
  collection: string,
  now: Date,
  rows: readonly QuarantinedRow[],
  cap: number = QUARANTINE_CAP,
): Promise<number> {
  if (rows.length === 0) return 0;
  const payload = rows.map((r) => ({ id: r.id, code: r.code, reason: r.reason, row: storedJson(r.raw) }));
  await tx.query(
    `insert into quarantine (at, device_id, collection, doc_id, code, reason, row_json)
     select $1, $2, $3, e->>'id', e->>'code', e->>'reason', e->>'row'
     from jsonb_array_elements($4::text::jsonb) with ordinality as t(e, n) order by n`,
    [now.toISOString(), deviceId, collection, JSON.stringify(payload)],
  );
  const edge = await tx.query<{ id: number | string }>(
    `select id from quarantine where device_id = $1 order by id desc offset $2 limit 1`,
    [deviceId, cap],
  );
  const below = edge[0]?.id;
  if (below === undefined) return 0;
  const gone = await tx.query<{ n: number | string }>(
    `with d as (delete from quarantine where device_id = $1 and id <= $2 returning 1) select count(*) as n from d`,
    [deviceId, below],
  );
  const dropped = Number(gone[0]?.n ?? 0);
  await tx.query(
    `insert into quarantine_dropped (device_id, dropped, last_dropped_at) values ($1, $2, $3)
     on conflict (device_id) do update set dropped = quarantine_dropped.dropped + excluded.dropped,
       last_dropped_at = excluded.last_dropped_at`,
    [deviceId, dropped, now.toISOString()],
  );
  return dropped;
}

/** Per device: rows kept, rows given up, and when it last overflowed. */
export async function quarantineSummary(db: SqlClient): Promise<QuarantineSummary[]> {
  const rows = await db.query<{
    device_id: string;
    kept: number | string;
    dropped: number | string | null;
    last_dropped_at: Date | string | null;
  }>(
    `select coalesce(q.device_id, d.device_id) as device_id, coalesce(q.kept, 0) as kept,
       coalesce(d.dropped, 0) as dropped, d.last_dropped_at
     from (select device_id, count(*) as kept from quarantine group by device_id) q
     full outer join quarantine_dropped d on d.device_id = q.device_id
     order by device_id`,
  );
  return rows.map((r) => ({
    deviceId: r.device_id,
    kept: Number(r.kept),
    dropped: Number(r.dropped ?? 0),
    lastDroppedAt: iso(r.last_dropped_at),
  }));
}

interface RecordRow {
  id: number | string;
  at: Date | string;
  device_id: string;
  collection: string;
  doc_id: string | null;
  code: string;
  reason: string;
}

const toRecord = (r: RecordRow): QuarantineRecord => ({
  id: Number(r.id),
  at: iso(r.at) ?? '',
  deviceId: r.device_id,
  collection: r.collection,
  docId: r.doc_id,
  code: r.code,
  reason: r.reason,
});

/** Newest first; one device's only when `deviceId` is given. */
export async function quarantineRecords(
  db: SqlClient,
  filter: { deviceId?: string; limit: number },
): Promise<QuarantineRecord[]> {
  const rows = await db.query<RecordRow>(
    `select id, at, device_id, collection, doc_id, code, reason from quarantine
     where ($1::text is null or device_id = $1) order by id desc limit $2`,
    [filter.deviceId ?? null, filter.limit],
  );
  return rows.map(toRecord);
}

/** One record with the row the device sent, or null. */
export async function quarantineRecord(
  db: SqlClient,
  id: number,
): Promise<(QuarantineRecord & { row: unknown }) | null> {
  const rows = await db.query<RecordRow & { row_json: string }>(
    `select id, at, device_id, collection, doc_id, code, reason, row_json from quarantine where id = $1`,
    [id],
  );
  const found = rows[0];
  return found ? { ...toRecord(found), row: JSON.parse(found.row_json) as unknown } : null;
}

/** Deletes records (one device's, older than `before`, or both); returns how many. */
export async function purgeQuarantine(
  db: SqlClient,
  filter: { deviceId?: string; before?: Date },
): Promise<number> {
  const rows = await db.query<{ n: number | string }>(
    `with d as (delete from quarantine where ($1::text is null or device_id = $1)
       and ($2::timestamptz is null or at < $2) returning 1) select count(*) as n from d`,
    [filter.deviceId ?? null, filter.before?.toISOString() ?? null],
  );
  if (filter.before === undefined) {
    await db.query(`delete from quarantine_dropped where ($1::text is null or device_id = $1)`, [
      filter.deviceId ?? null,
    ]);
  }
  return Number(rows[0]?.n ?? 0);
}

/** When the device's throttle ends, or null when it is not throttled at `now`. */
export async function quarantineThrottledUntil(
  db: SqlClient,
  deviceId: string,
  now: Date,
  throttleMs: number = QUARANTINE_THROTTLE_MS,
): Promise<Date | null> {
  const rows = await db.query<{ last_dropped_at: Date | string }>(
    `select last_dropped_at from quarantine_dropped where device_id = $1`,
    [deviceId],
  );
  const last = rows[0]?.last_dropped_at;
  if (last === undefined) return null;
  const until = new Date(new Date(last).getTime() + throttleMs);
  return until > now ? until : null;
}
