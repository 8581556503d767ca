import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Doc } from '#shared/protocol/v1';
import { openPgliteDriver } from '../db/pglite-driver';
import type { Driver } from '../db/driver';
import { createRowPolicy } from '../sync/policy';
import { pushRows } from '../sync/push';
import { parsePushBody } from '../sync/rules';
import { validDoc } from '../testing/fixtures';
import { HubKeyError, createSealer, generateHubKey } from './pii-seal';
import { storeOverDriver } from './store';
import type { Store } from './store';

const worker = { id: 'dev-w', role: 'community-worker' as const, scope: 'xg.gyj' };
const PHONE = '13812345678';

describe('personal fields sealed at rest with the hub key', () => {
  let driver: Driver;
  let store: Store;
  const key = generateHubKey();
  beforeAll(async () => {
    driver = await openPgliteDriver(undefined);
    // A document stored before sealing existed: sealed in place when the key is adopted.
    const raw = await storeOverDriver(driver);
    const old = {
      ...validDoc('demands', 'before', 'xg.gyj', { reporterPhone: PHONE }),
      _deleted: false,
    } as unknown as Doc;
    await raw.seed([{ collection: 'demands', doc: old }], () => false);
    store = await storeOverDriver(driver, { piiKey: key });
  }, 60_000);
  afterAll(() => store.close());

  const rawData = async (id: string) =>
    (
      await driver.query<{ data: Record<string, unknown> }>(`select data from documents where id = $1`, [id])
    )[0]?.data;

  it('stores phones sealed and hands them out opened, on every read path', async () => {
    const doc = validDoc('demands', 'new', 'xg.gyj', { reporterPhone: PHONE, addressDetail: '3单元' });
    const parsed = parsePushBody([
      { newDocumentState: { ...doc, createdBy: 'dev-w', updatedBy: 'dev-w' }, assumedMasterState: null },
    ]);
    if ('error' in parsed) throw new Error(parsed.error);
    const pushed = await pushRows(store, 'demands', worker, parsed.rows, createRowPolicy(), new Date());
    expect(pushed.refused).toEqual([]);
    for (const id of ['new', 'before']) {
      const data = await rawData(id);
      expect(String(data?.['reporterPhone'])).toMatch(/^yhk1:/);
      expect(JSON.stringify(data)).not.toContain(PHONE);
    }
    expect((await store.document('demands', 'new'))?.['reporterPhone']).toBe(PHONE);
    expect((await store.pull('demands', 'xg.gyj', 0, 10)).documents.map((d) => d['reporterPhone'])).toEqual([
      PHONE,
      PHONE,
    ]);
    expect((await store.changesSince(0, 10)).every((c) => c.doc['reporterPhone'] === PHONE)).toBe(true);
    // Re-seeding the same states is still "unchanged", though every sealing differs.
    const again = await store.seed(
      [{ collection: 'demands', doc: (await store.document('demands', 'before')) as Doc }],
      (a, b) => JSON.stringify(a) === JSON.stringify(b),
    );
    expect(again).toEqual({ written: 0, unchanged: 1 });
    expect(store.piiKeyId).toBe(createSealer(key).keyId);
  });

  it('refuses to open the database with another key', async () => {
    const other = await openPgliteDriver(undefined);
    const first = await storeOverDriver(other, { piiKey: generateHubKey() });
    expect(first.piiKeyId).not.toBeNull();
    await expect(storeOverDriver(other, { piiKey: generateHubKey() })).rejects.toBeInstanceOf(HubKeyError);
  });
});
