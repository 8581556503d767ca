import { afterAll, describe, expect, it } from 'vitest';
import { addRxPlugin, createRxDatabase, type RxDatabase } from 'rxdb';
import { RxDBDevModePlugin, disableWarnings } from 'rxdb/plugins/dev-mode';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { wrappedKeyEncryptionCryptoJsStorage } from 'rxdb/plugins/encryption-crypto-js';
import { COLLECTION_NAMES } from '#shared/domain/vocab';
import { MIGRATIONS, RXDB_SCHEMAS } from '#shared/schema/index';
import { generateDemoStreet } from '#resources/demo/index';

disableWarnings();
addRxPlugin(RxDBDevModePlugin);
addRxPlugin(RxDBMigrationSchemaPlugin);

// The real thing: all 12 collections opened by RxDB (dev-mode checks, ajv validation before
// encryption) take demo documents of every collection, and ledger queries run through the indexes.
// A slice per collection keeps it quick; demo.test.ts validates every document with ajv.
const SLICE = 200;
describe('demo street in RxDB', () => {
  let db: RxDatabase | undefined;
  afterAll(async () => {
    await db?.remove();
  });

  it('loads documents of every collection and answers ledger queries', async () => {
    db = await createRxDatabase({
      name: 'demo-street-test',
      storage: wrappedValidateAjvStorage({
        storage: wrappedKeyEncryptionCryptoJsStorage({ storage: getRxStorageMemory() }),
      }),
      password: 'demo-street-test-password',
      multiInstance: false,
    });
    const collections = Object.fromEntries(
      COLLECTION_NAMES.map((name) => [
        name,
        { schema: RXDB_SCHEMAS[name], migrationStrategies: MIGRATIONS[name] },
      ]),
    );
    await db.addCollections(collections);
    const data = generateDemoStreet({ seed: 5, now: '2026-11-29T08:00:00.000Z', scale: 1 });
    for (const name of COLLECTION_NAMES) {
      const result = await db.collections[name]!.bulkInsert(data[name].slice(0, SLICE));
      expect(
        result.error.map((e) => JSON.stringify(e).slice(0, 300)),
        name,
      ).toEqual([]);
    }

    const inCommunity = data.demands
      .slice(0, SLICE)
      .filter((d) => d.scope.startsWith('xg.gyj.') && d.status === 'closed');
    const found = await db.collections
      .demands!.find({
        selector: { scope: { $gte: 'xg.gyj.', $lt: 'xg.gyj/' }, status: 'closed' },
        sort: [{ receivedAt: 'desc' }],
      })
      .exec();
    expect(found.map((d) => d.primary).sort()).toEqual(inCommunity.map((d) => d.id).sort());

    const order = data.demands.slice(0, SLICE).find((d) => d.hotlineOrderNo)?.hotlineOrderNo;
    const byOrder = await db.collections.demands!.findOne({ selector: { hotlineOrderNo: order } }).exec();
    expect(byOrder?.get('hotlineOrderNo')).toBe(order);

    const person = data.people[0]!;
    const read = await db.collections.people!.findOne(person.id).exec();
    expect(read?.get('phone')).toBe(person.phone);
  }, 120_000);
});
