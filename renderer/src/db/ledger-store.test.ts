// The ledger's fast path reads RxDB's Dexie tables behind RxDB's back, so it depends on a storage
// layout that RxDB does not promise to keep. This test opens a real RxDB database on the Dexie
// storage (over an in-memory IndexedDB) and proves the fast path is taken and reads what RxDB
// wrote. It is pinned to the installed RxDB version: upgrading RxDB fails here on purpose, so
// whoever upgrades checks the layout again before moving the pin.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { RXDB_VERSION } from 'rxdb';
import { demand } from '#shared/domain/handling/fixtures';
import { createYishiDatabase, type YishiDatabase } from './create-database';
import { openDemandStore, readAllRows, readNewestRows } from './ledger-store';
import type { DemandState } from '#shared/domain/ledger/index';

/** The RxDB version whose Dexie layout `ledger-store.ts` was checked against. */
const CHECKED_RXDB = '17.6.0';

let open: YishiDatabase[] = [];
afterEach(async () => {
  await Promise.all(open.map((db) => db.remove()));
  open = [];
});

async function database(name: string): Promise<YishiDatabase> {
  const db = await createYishiDatabase({
    name,
    storage: getRxStorageDexie(),
    password: 'device-key-0123456789',
    multiInstance: false,
  });
  open.push(db);
  return db;
}

const at = (day: number) => `2026-11-${String(day).padStart(2, '0')}T02:00:00.000Z`;

describe('ledger store (fast path over the Dexie tables)', () => {
  it('is checked against the installed RxDB version', () => {
    expect(RXDB_VERSION).toBe(CHECKED_RXDB);
  });

  it('opens the demands table and reads the newest rows and the whole subtree, without decrypting', async () => {
    const db = await database('ledger-store-fast');
    await db.demands.bulkInsert([
      demand('d1', 'received', { scope: 'xg.hxy.hxy6', receivedAt: at(1), reporterPhone: '13800000001' }),
      demand('d2', 'received', { scope: 'xg.hxy.hxy6.b2', receivedAt: at(3) }),
      demand('d3', 'received', { scope: 'xg.gyj', receivedAt: at(2) }),
      demand('d4', 'received', { scope: 'xg.hxy.hxy60', receivedAt: at(4) }),
    ]);
    await db.demands.findOne('d2').update({ $set: { status: 'accepted' } });
    await (await db.demands.findOne('d4').exec())?.remove();

    const idb = await openDemandStore(db);
    expect(idb, 'the fast path must be taken').not.toBeNull();
    if (!idb) return;
    try {
      const newest = await readNewestRows(idb, 'xg.hxy.hxy6', 10, 100);
      expect(newest.map((s) => s.id)).toEqual(['d2', 'd1']);
      expect(newest[0]?.demand?.status).toBe('accepted');
      // The write version grows with each write, which LiveLedgerRows relies on.
      expect(newest[0]?.version).toBeGreaterThan(0);

      const chunks: DemandState[][] = [];
      await readAllRows(idb, 'xg.hxy.hxy6', 1, (states) => chunks.push(states));
      expect(
        chunks
          .flat()
          .map((s) => s.id)
          .sort(),
      ).toEqual(['d1', 'd2']);
      // Encrypted fields stay encrypted: the ledger never needs them.
      const d1 = chunks.flat().find((s) => s.id === 'd1')?.demand as { reporterPhone?: string };
      expect(d1.reporterPhone).toBeDefined();
      expect(d1.reporterPhone).not.toBe('13800000001');

      const street = await readNewestRows(idb, 'xg', 10, 100);
      expect(street.map((s) => s.id)).toEqual(['d2', 'd3', 'd1']);
    } finally {
      idb.close();
    }
  });

  it('declines any other storage, so the ledger falls back to an RxDB query', async () => {
    const db = await createYishiDatabase({
      name: 'ledger-store-memory',
      storage: getRxStorageMemory(),
      password: 'device-key-0123456789',
      multiInstance: false,
    });
    open.push(db);
    expect(await openDemandStore(db)).toBeNull();
  });
});
