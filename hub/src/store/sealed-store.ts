// The store as the rest of the hub sees it when the hub key is in use: documents go into the
// database with their personal fields sealed and come out opened (see pii-seal.ts). Only the
// document paths change; everything else passes through.

import type { Doc } from '#shared/protocol/v1';
import type { Driver } from '../db/driver';
import { PII_FIELDS } from '#shared/schema/pii';
import { HubKeyError } from './pii-seal';
import type { PiiSealer } from './pii-seal';
import type { Store } from './store';

/** Any 64-bit key every hub process agrees on; this one spells "yishkey". */
const KEY_LOCK = 0x796973686b6579n.toString();

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A refused row as the device sent it ({ newDocumentState, assumedMasterState }) with the personal
 * fields of both states passed through `fn`: quarantine keeps residents' data as sealed as the
 * documents do. Anything else (a row too malformed to have states) passes unchanged.
 */
export function mapRefusedRow(
  raw: unknown,
  fn: (doc: Record<string, unknown>) => Record<string, unknown>,
): unknown {
  if (!isObject(raw)) return raw;
  const out: Record<string, unknown> = { ...raw };
  for (const key of ['newDocumentState', 'assumedMasterState'])
    if (isObject(raw[key])) out[key] = fn(raw[key]);
  return out;
}

export function sealedStore(store: Store, sealer: PiiSealer): Store {
  const open = (collection: string, doc: Doc) => sealer.open(collection, doc);
  const seal = (collection: string, doc: Doc) => sealer.seal(collection, doc);
  const openRow = (row: unknown) => mapRefusedRow(row, (d) => sealer.openAll(d));
  return {
    ...store,
    piiKeyId: sealer.keyId,
    async pull(collection, scope, since, limit) {
      const page = await store.pull(collection, scope, since, limit);
      return { ...page, documents: page.documents.map((d) => open(collection, d)) };
    },
    async pullNewest(collection, scope, before, limit) {
      const page = await store.pullNewest(collection, scope, before, limit);
      return { ...page, documents: page.documents.map((d) => open(collection, d)) };
    },
    writePush: (collection, ids, deviceId, now, decide) =>
      store.writePush(collection, ids, deviceId, now, (current) => {
        const opened = new Map([...current].map(([id, d]) => [id, open(collection, d)]));
        const plan = decide(opened);
        return {
          writes: plan.writes.map((d) => seal(collection, d)),
          quarantine: plan.quarantine.map((q) => ({
            ...q,
            raw: mapRefusedRow(q.raw, (d) => sealer.seal(collection, d)),
          })),
        };
      }),
    async listQuarantine(limit) {
      return (await store.listQuarantine(limit)).map((e) => ({ ...e, row: openRow(e.row) }));
    },
    async quarantineRecord(id) {
      const record = await store.quarantineRecord(id);
      return record ? { ...record, row: openRow(record.row) } : null;
    },
    async changesSince(seq, limit) {
      return (await store.changesSince(seq, limit)).map((c) => ({ ...c, doc: open(c.collection, c.doc) }));
    },
    seed: (docs, same) =>
      store.seed(
        docs.map(({ collection, doc }) => ({ collection, doc: seal(collection, doc) })),
        // Sealing is randomised: compare what the values are, not their ciphertexts.
        (a, b) => same(sealer.openAll(a), sealer.openAll(b)),
      ),
    async document(collection, id) {
      const doc = await store.document(collection, id);
      return doc ? open(collection, doc) : null;
    },
  };
}

/**
 * Checks the key against the database's key id (set on first use) and seals personal fields
 * stored before sealing existed, in place (their sequence numbers do not change: devices already
 * have the values).
 */
export async function adoptHubKey(db: Driver, sealer: PiiSealer): Promise<void> {
  const collections = Object.entries(PII_FIELDS)
    .filter(([, fields]) => fields.length > 0)
    .map(([c]) => c);
  // Under a lock: hub processes starting together on one database agree on the first key.
  await db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1::bigint)', [KEY_LOCK]);
    const rows = await tx.query<{ value: string }>(`select value from hub_meta where key = 'pii_key_id'`);
    const known = rows[0]?.value;
    if (known !== undefined && known !== sealer.keyId)
      throw new HubKeyError(
        `服务器密钥与数据库不符（数据库要求密钥 ${known}，现有密钥 ${sealer.keyId}）：请放回原来的 hub-key 文件`,
      );
    if (known !== undefined) return;
    const docs = await tx.query<{ collection: string; id: string; data: Record<string, unknown> }>(
      `select collection, id, data from documents where collection = any($1::text[])`,
      [collections],
    );
    for (const row of docs) {
      const sealed = sealer.seal(row.collection, row.data);
      if (sealed === row.data) continue;
      await tx.query(`update documents set data = $3::text::jsonb where collection = $1 and id = $2`, [
        row.collection,
        row.id,
        JSON.stringify(sealed),
      ]);
    }
    await tx.query(`insert into hub_meta (key, value) values ('pii_key_id', $1)`, [sealer.keyId]);
  });
  await sealQuarantine(db, sealer);
}

/**
 * Once per database: seals the personal fields of refused rows kept from before quarantine was
 * sealed (a hub that adopted its key earlier kept them plain). New rows are sealed on the way in.
 */
async function sealQuarantine(db: Driver, sealer: PiiSealer): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1::bigint)', [KEY_LOCK]);
    const done = await tx.query(`select 1 from hub_meta where key = 'quarantine_sealed'`);
    if (done.length > 0) return;
    const rows = await tx.query<{ id: number | string; collection: string; row_json: string }>(
      `select id, collection, row_json from quarantine`,
    );
    for (const row of rows) {
      const raw = JSON.parse(row.row_json) as unknown;
      const sealed = mapRefusedRow(raw, (d) => sealer.seal(row.collection, d));
      const text = JSON.stringify(sealed);
      if (text === row.row_json) continue;
      await tx.query(`update quarantine set row_json = $2 where id = $1`, [row.id, text]);
    }
    await tx.query(`insert into hub_meta (key, value) values ('quarantine_sealed', '1')`);
  });
}
