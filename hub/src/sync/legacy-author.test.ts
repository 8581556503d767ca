import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPgliteDriver } from '../db/pglite-driver';
import type { Driver } from '../db/driver';
import { migrate } from '../db/migrations';
import { hashEnrollCode, hashToken } from '../secrets';
import { storeOverDriver } from '../store/store';
import type { Store } from '../store/store';
import { authoredBy, validDoc } from '../testing/fixtures';
import { claimedLocalId } from './legacy-author';
import { createRowPolicy } from './policy';
import { pushRows } from './push';
import { parsePushBody } from './rules';
import type { DeviceActor, ParsedRow } from './rules';

const NOW = new Date('2026-03-02T10:00:00.000Z');
const policy = createRowPolicy();
const rows = (docs: Record<string, unknown>[]): ParsedRow[] => {
  const parsed = parsePushBody(docs.map((d) => ({ newDocumentState: d, assumedMasterState: null })));
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed.rows;
};
const demand = (id: string, by: string) => validDoc('demands', id, 'xg.gyj', authoredBy('demands', by));

describe('claimedLocalId', () => {
  const actor: DeviceActor = { id: 'hub-1', role: 'community-worker', scope: 'xg.gyj' };

  it('names the one other id the new documents of a push carry as creator and editor', () => {
    expect(claimedLocalId(actor, rows([demand('a', 'local-1'), demand('b', 'local-1')]))).toBe('local-1');
    expect(claimedLocalId(actor, rows([demand('a', 'hub-1')]))).toBeNull();
    expect(claimedLocalId(actor, rows([demand('a', 'local-1'), demand('b', 'local-2')]))).toBeNull();
    // An edit of another device's document names two ids: no claim.
    const edit = { ...demand('c', 'other'), updatedBy: 'local-1' };
    expect(claimedLocalId(actor, rows([edit]))).toBeNull();
    expect(claimedLocalId({ ...actor, localId: 'local-1' }, rows([demand('a', 'local-1')]))).toBeNull();
  });
});

describe('a device enrolled before the hub asked for its local id', () => {
  let driver: Driver;
  let store: Store;

  const enrol = async (deviceId: string, localId?: string) => {
    await store.createEnrollCode({
      codeHash: hashEnrollCode(deviceId),
      scope: 'xg.gyj',
      role: 'community-worker',
      label: deviceId,
      now: NOW,
      expiresAt: new Date(NOW.getTime() + 60_000),
    });
    const out = await store.redeemEnrollCode({
      codeHash: hashEnrollCode(deviceId),
      deviceId,
      deviceName: deviceId,
      tokenHash: hashToken(deviceId),
      localId: localId ?? null,
      now: NOW,
    });
    expect(out.ok).toBe(true);
  };
  const actorOf = async (deviceId: string): Promise<DeviceActor> => {
    const device = await store.deviceByTokenHash(hashToken(deviceId));
    if (!device) throw new Error(deviceId);
    return { id: device.deviceId, role: device.role, scope: device.scope, localId: device.localId };
  };

  beforeAll(async () => {
    driver = await openPgliteDriver(undefined);
    await migrate(driver);
    store = await storeOverDriver(driver);
    await enrol('dev-held', 'local-held');
    await enrol('dev-old');
    await enrol('dev-old-2');
    // What migration 7 does for devices enrolled before it.
    await driver.query(`update devices set local_id_open = true where id in ('dev-old', 'dev-old-2')`);
    await enrol('dev-new');
  }, 60_000);
  afterAll(async () => {
    await store?.close();
  });

  it('names its local id once by its own new documents, and is held to it afterwards', async () => {
    const old = await actorOf('dev-old');
    const first = await pushRows(store, 'demands', old, rows([demand('d-1', 'local-old')]), policy, NOW);
    expect(first).toMatchObject({ refused: [], written: 1 });
    expect((await actorOf('dev-old')).localId).toBe('local-old');
    const other = await pushRows(
      store,
      'demands',
      await actorOf('dev-old'),
      rows([demand('d-2', 'x')]),
      policy,
      NOW,
    );
    expect(other.refused.map((r) => r.code)).toEqual(['author']);
  });

  it('never takes an id another active device writes under, and a device enrolled since never claims', async () => {
    for (const taken of ['local-held', 'dev-held', 'local-old']) {
      const out = await pushRows(
        store,
        'demands',
        await actorOf('dev-old-2'),
        rows([demand(`t-${taken}`, taken)]),
        policy,
        NOW,
      );
      expect(out.refused.map((r) => r.code)).toEqual(['author']);
    }
    const fresh = await pushRows(
      store,
      'demands',
      await actorOf('dev-new'),
      rows([demand('n-1', 'alias')]),
      policy,
      NOW,
    );
    expect(fresh.refused.map((r) => r.code)).toEqual(['author']);
    expect((await actorOf('dev-new')).localId).toBeNull();
  });
});
