import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPgliteDriver } from '../db/pglite-driver';
import type { Driver } from '../db/driver';
import { createRowPolicy } from '../sync/policy';
import { pushRows } from '../sync/push';
import { parsePushBody } from '../sync/rules';
import { validDoc } from '../testing/fixtures';
import { generateHubKey } from './pii-seal';
import { storeOverDriver } from './store';
import type { Store } from './store';

const worker = { id: 'dev-w', role: 'community-worker' as const, scope: 'xg.gyj' };
const PHONE = '13812345678';
const OLD_PHONE = '13900001111';

describe('refused rows keep residents’ personal fields sealed', () => {
  let driver: Driver;
  let store: Store;
  beforeAll(async () => {
    driver = await openPgliteDriver(undefined);
    await storeOverDriver(driver);
    // The database as a hub without a key left it, with a refused row kept before quarantine was sealed: sealed in place when the hub opens with a key.
    await driver.query(
      `insert into quarantine (at, device_id, collection, doc_id, code, reason, row_json)
       values (now(), 'dev-w', 'demands', 'old', 'author', '旧的', $1)`,
      [
        JSON.stringify({
          newDocumentState: validDoc('demands', 'old', 'xg.gyj', { reporterPhone: OLD_PHONE }),
          assumedMasterState: null,
        }),
      ],
    );
    store = await storeOverDriver(driver, { piiKey: generateHubKey() });
  }, 60_000);
  afterAll(() => store.close());

  const stored = async () =>
    (await driver.query<{ doc_id: string; row_json: string }>(`select doc_id, row_json from quarantine`)).map(
      (r) => r.row_json,
    );

  it('seals a refused push on the way in and opens it for the admin', async () => {
    // A forged author: refused into quarantine with the resident's phone in the row.
    const doc = {
      ...validDoc('demands', 'forged', 'xg.gyj', { reporterPhone: PHONE }),
      createdBy: 'someone',
    };
    const parsed = parsePushBody([
      { newDocumentState: { ...doc, updatedBy: 'someone' }, assumedMasterState: null },
    ]);
    if ('error' in parsed) throw new Error(parsed.error);
    const pushed = await pushRows(store, 'demands', worker, parsed.rows, createRowPolicy(), new Date());
    expect(pushed.refused.map((r) => r.code)).toEqual(['author']);

    const rows = await stored();
    expect(rows).toHaveLength(2);
    for (const text of rows) {
      expect(text).not.toContain(PHONE);
      expect(text).not.toContain(OLD_PHONE);
      expect(text).toMatch(/"reporterPhone":"yhk1:/);
    }

    const listed = await store.listQuarantine(10);
    const phones = listed.map(
      (e) => (e.row as { newDocumentState: Record<string, unknown> }).newDocumentState['reporterPhone'],
    );
    expect(phones.sort()).toEqual([PHONE, OLD_PHONE].sort());
    const newest = await store.quarantineRecords({ limit: 1 });
    const record = await store.quarantineRecord(newest[0]!.id);
    expect(
      (record?.row as { newDocumentState: Record<string, unknown> }).newDocumentState['reporterPhone'],
    ).toBe(PHONE);
  });
});
