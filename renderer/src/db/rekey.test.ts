import { describe, expect, it } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { replicateRxCollection } from 'rxdb/plugins/replication';
import type { RxStorage } from 'rxdb';
import type { PersonDoc } from '#shared/schema/index';
import { WrongPassphraseError } from '../platform/key-ring';
import { createYishiDatabase } from './create-database';
import { rekeyDatabase } from './rekey';

const AT = '2026-11-29T08:00:00.000Z';
const PASSPHRASE = 'old-passphrase-123';

const person = (id: string, phone: string): PersonDoc => ({
  id,
  scope: 'xg.gyj.hxnl5',
  createdAt: AT,
  createdBy: 'device-1',
  updatedAt: AT,
  updatedBy: 'device-1',
  name: '王秀兰',
  initials: 'wxl',
  placeId: 'place-hxnl5',
  phone,
  idNumber: '110105195001011234',
  addressDetail: '5号楼2单元301',
  roles: [],
  vulnerabilities: [],
  active: true,
});

type Row = Record<string, unknown>;

/** One memory storage (its data outlives a closed database), recording every row written. */
function recording(written: Row[]): RxStorage<unknown, unknown> {
  const memory = getRxStorageMemory();
  return {
    ...memory,
    async createStorageInstance(params) {
      const instance = await memory.createStorageInstance(params as never);
      const bulkWrite = instance.bulkWrite.bind(instance);
      instance.bulkWrite = (rows, context) => {
        written.push(...rows.map((row) => row.document as Row));
        return bulkWrite(rows, context);
      };
      return instance;
    },
  } as RxStorage<unknown, unknown>;
}

/** A database as versions before the key ring left it: sealed under the passphrase, replicated. */
async function legacyDatabase(name: string, storage: RxStorage<unknown, unknown>) {
  const db = await createYishiDatabase({ name, storage, password: PASSPHRASE, multiInstance: false });
  await db.people.insert(person('person-1', '13900001111'));
  const replication = replicateRxCollection<PersonDoc, { seq: number }>({
    replicationIdentifier: 'test-hub',
    collection: db.people,
    live: false,
    push: { handler: () => Promise.resolve([]) },
    pull: {
      handler: (checkpoint) =>
        Promise.resolve(
          checkpoint
            ? { documents: [], checkpoint }
            : {
                documents: [{ ...person('person-2', '13900002222'), _deleted: false }],
                checkpoint: { seq: 1 },
              },
        ),
    },
  });
  await replication.awaitInitialReplication();
  await replication.cancel();
  await db.close();
}

const ringKey = () =>
  crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
const sealedValues = (rows: Row[]) =>
  rows.flatMap((row) => {
    const data = (row['docData'] as Row | undefined) ?? row;
    return ['phone', 'idNumber', 'addressDetail'].flatMap((f) =>
      data[f] === undefined ? [] : [String(data[f])],
    );
  });

describe('re-keying a database sealed before the key ring', () => {
  it('refuses a wrong passphrase before writing anything', async () => {
    const written: Row[] = [];
    const storage = recording(written);
    const name = `rk-${Date.now()}-wrong`;
    await legacyDatabase(name, storage);
    written.length = 0;
    let verified = false;
    const attempt = rekeyDatabase({
      storage,
      databaseName: name,
      passphrase: 'not-the-passphrase',
      ring: await ringKey(),
      verified: async () => void (verified = true),
    });
    await expect(attempt).rejects.toBeInstanceOf(WrongPassphraseError);
    expect(verified).toBe(false);
    expect(written).toEqual([]);
  });

  it('seals every value again under the ring key, documents and replication copies, and opens without the passphrase', async () => {
    const written: Row[] = [];
    const storage = recording(written);
    const name = `rk-${Date.now()}-ok`;
    await legacyDatabase(name, storage);
    const before = new Map(written.filter((r) => r['id'] === 'person-1').map((r) => [r['_rev'], r]));
    written.length = 0;
    const ring = await ringKey();
    let verified = 0;
    const run = () =>
      rekeyDatabase({
        storage,
        databaseName: name,
        passphrase: PASSPHRASE,
        ring,
        verified: async () => void verified++,
      });
    await run();
    expect(verified).toBe(1);
    const values = sealedValues(written.filter((r) => r['id'] !== 'storageToken|storage-token'));
    // Both people, and the replication's copies of both (one pulled, one pushed): 4 rows × 3 fields.
    expect(values.length).toBe(12);
    for (const value of values) expect(value).toMatch(/^y3:/);
    // Sealed again in place: the same revision and write time, so neither RxDB nor the hub sees a change.
    const rewritten = written.find((r) => r['id'] === 'person-1')!;
    const original = before.get(rewritten['_rev'])!;
    expect(original).toBeDefined();
    expect(rewritten['_meta']).toEqual(original['_meta']);
    // The passphrase's hash leaves the storage token.
    const token = written.find((r) => r['key'] === 'storageToken')!;
    expect((token['data'] as Row)['passwordHash']).toBeUndefined();

    // A second run (an interrupted one taken up) has nothing left to seal.
    written.length = 0;
    await run();
    expect(sealedValues(written)).toEqual([]);

    const db = await createYishiDatabase({ name, storage, ring: { ring }, multiInstance: false });
    try {
      const people = await db.people.find({ sort: [{ id: 'asc' }] }).exec();
      expect(people.map((p) => p.phone)).toEqual(['13900001111', '13900002222']);
      await db.people.insert(person('person-3', '13900003333'));
      expect(String(written.find((r) => r['id'] === 'person-3')?.['phone'])).toMatch(/^y3:/);
    } finally {
      await db.close();
    }
  });
});
