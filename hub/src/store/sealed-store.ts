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

export function sealedStore(store: Store, sealer: PiiSealer): Store {
  const open = (collection: string, doc: Doc) => sealer.open(collection, doc);
  const seal = (collection: string, doc: Doc) => sealer.seal(collection, doc);
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
        return { ...plan, writes: plan.writes.map((d) => seal(collection, d)) };
      }),
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
}
