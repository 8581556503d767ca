import { afterEach, describe, expect, it } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import type { RxStorage } from 'rxdb';
import { replicateRxCollection } from 'rxdb/plugins/replication';
import { COLLECTION_NAMES } from '#shared/domain/vocab';
import type { PersonDoc } from '#shared/schema/index';
import { createYishiDatabase } from './create-database';
import type { YishiDatabase } from './create-database';
import { devTools } from './dev-mode';

const AT = '2026-11-29T08:00:00.000Z';
let open: YishiDatabase[] = [];

afterEach(async () => {
  await Promise.all(open.map((db) => db.remove()));
  open = [];
});

/** Memory storage that records what reaches it, i.e. what would be written to disk. */
function recordingStorage(written: Record<string, unknown>[]): RxStorage<unknown, unknown> {
  const memory = getRxStorageMemory();
  return {
    ...memory,
    async createStorageInstance(params) {
      const instance = await memory.createStorageInstance(
        params as Parameters<typeof memory.createStorageInstance>[0],
      );
      const bulkWrite = instance.bulkWrite.bind(instance);
      instance.bulkWrite = (rows, context) => {
        written.push(...rows.map((row) => row.document as Record<string, unknown>));
        return bulkWrite(rows, context);
      };
      return instance;
    },
  } as RxStorage<unknown, unknown>;
}

async function database(name: string, written: Record<string, unknown>[] = []): Promise<YishiDatabase> {
  const db = await createYishiDatabase({
    name,
    storage: recordingStorage(written),
    password: 'device-key-0123456789',
    multiInstance: false,
    devTools: devTools(),
  });
  open.push(db);
  return db;
}

const person: PersonDoc = {
  id: 'person-1',
  scope: 'xg.gyj.hxnl5',
  createdAt: AT,
  createdBy: 'device-1',
  updatedAt: AT,
  updatedBy: 'device-1',
  name: '王秀兰',
  initials: 'wxl',
  placeId: 'place-hxnl5',
  phone: '13900001234',
  idNumber: '110105195001011234',
  addressDetail: '5号楼2单元301',
  roles: [{ role: 'buildingLeader', placeScope: 'xg.gyj.hxnl5.b5', appointedAt: AT }],
  vulnerabilities: [],
  active: true,
};

describe('the local database', () => {
  it('opens all twelve collections', async () => {
    const db = await database(`t-${Date.now()}-a`);
    expect(Object.keys(db.collections).sort()).toEqual([...COLLECTION_NAMES].sort());
    expect(COLLECTION_NAMES.length).toBeLessThanOrEqual(12);
  });

  it('stores personal data encrypted and returns it decrypted', async () => {
    const written: Record<string, unknown>[] = [];
    const db = await database(`t-${Date.now()}-b`, written);
    await db.people.insert(person);
    const raw = written.find((doc) => doc.id === 'person-1');
    if (!raw) throw new Error('the person never reached the storage');
    expect(raw.name).toBe('王秀兰');
    for (const field of ['phone', 'idNumber', 'addressDetail'] as const) {
      expect(typeof raw[field]).toBe('string');
      expect(raw[field]).not.toContain(person[field]);
    }
    const read = await db.people.findOne('person-1').exec();
    expect(read?.phone).toBe('13900001234');
    expect(read?.addressDetail).toBe('5号楼2单元301');
  });

  it("seals the replication's copy of a pulled person field by field, and reads it back", async () => {
    const written: Record<string, unknown>[] = [];
    const db = await database(`t-${Date.now()}-r`, written);
    const replication = replicateRxCollection<PersonDoc, { seq: number }>({
      replicationIdentifier: 'test-hub',
      collection: db.people,
      live: false,
      // With a push side RxDB keeps its copy of each pulled document (pull-only replications do not).
      push: { handler: () => Promise.resolve([]) },
      pull: {
        handler: (checkpoint) =>
          Promise.resolve(
            checkpoint
              ? { documents: [], checkpoint }
              : { documents: [{ ...person, _deleted: false }], checkpoint: { seq: 1 } },
          ),
      },
    });
    await replication.awaitInitialReplication();
    const copy = written.find((doc) => doc['itemId'] === 'person-1' && doc['isCheckpoint'] === '0');
    const data = copy?.['docData'] as Record<string, unknown> | undefined;
    expect(data?.['name']).toBe('王秀兰');
    for (const field of ['phone', 'idNumber', 'addressDetail'] as const) {
      expect(String(data?.[field])).toMatch(/^y2:/);
      expect(String(data?.[field])).not.toContain(person[field]);
    }
    const stored = await db.people.findOne('person-1').exec();
    expect(stored?.idNumber).toBe('110105195001011234');
    await replication.cancel();
  });

  it('refuses a document that breaks its schema in development', async () => {
    const db = await database(`t-${Date.now()}-c`);
    await expect(db.places.insert({ id: 'p', scope: 'NOT A SCOPE' } as never)).rejects.toThrow();
  });
});
