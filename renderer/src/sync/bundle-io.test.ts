// A device with no line exports what it has not pushed, and takes a return bundle in through its
// own replication: new documents land, accepted rows stop waiting, a conflict is kept for a
// person exactly as an online push would keep it, and the same return bundle taken in twice
// changes nothing. The hub here is a memory stand-in; tests/e2e/bundles.test.ts uses the real one.

import { afterEach, describe, expect, it } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import {
  SYNC_BUNDLE_FORMAT,
  SYNC_BUNDLE_VERSION,
  bundleKeyFromToken,
  signBundle,
  verifyBundle,
} from '#shared/protocol/bundle';
import type { ReturnBundle } from '#shared/protocol/bundle';
import type { Doc } from '#shared/protocol/v1';
import type { CarriedDigests } from '#shared/sync/bundle-exchange';
import { createYishiDatabase } from '../db/create-database';
import type { YishiDatabase } from '../db/create-database';
import { devTools } from '../db/dev-mode';
import { createSyncClient } from './client';
import type { SyncClient } from './client';
import { BundleInbox } from './bundle-inbox';
import { awaitReturnTaken, collectDeviceBundle, deviceBundleFrom, planReturn } from './bundle-io';
import { countPending } from './pending';
import type { EventSourceFactory } from './sse';

type Row = Record<string, unknown>;
const T = '2026-12-01T08:00:00.000Z';
const SCOPE = 'xg.gyj';
const TOKEN = 'yst_hall-a';

const demand = (id: string, title: string, at = T): Row => ({
  id,
  scope: SCOPE,
  createdAt: T,
  createdBy: 'w1',
  updatedAt: at,
  updatedBy: 'w1',
  placeId: 'place-1',
  title,
  description: '楼道照明损坏',
  type: 'complaint',
  category: 'publicFacilities',
  source: 'visit',
  urgency: 'normal',
  status: 'received',
  receivedAt: T,
  vulnerable: false,
  reasonable: true,
  reopenedCount: 0,
  _deleted: false,
});

/** A memory hub for the online part; `offline` makes every request fail like a pulled cable. */
function memoryHub() {
  let seq = 0;
  const rows: Array<{ doc: Row; seq: number }> = [];
  const put = (doc: Row) => {
    const i = rows.findIndex((r) => r.doc['id'] === doc['id']);
    if (i >= 0) rows.splice(i, 1);
    rows.push({ doc, seq: (seq += 1) });
  };
  const state = { offline: false, revoked: false };
  const json = (body: unknown) =>
    new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  const fetchImpl = async (url: string, init?: RequestInit): Promise<Response> => {
    if (state.offline) throw new TypeError('Failed to fetch');
    const u = new URL(url);
    if (u.pathname === '/v1/health')
      return json({ ok: true, version: 't', protocol: 1, database: 'pglite', hubId: 'hub-1' });
    if (u.pathname.endsWith('/pull')) {
      const after = Number(u.searchParams.get('checkpoint') ?? 0);
      const page = rows.filter((r) => r.seq > after);
      const last = page[page.length - 1];
      return json({ documents: page.map((r) => r.doc), checkpoint: { seq: last ? last.seq : after } });
    }
    if (state.revoked && u.pathname.startsWith('/v1/sync/'))
      return new Response(JSON.stringify({ error: { code: 'revoked', message: '设备已停用' } }), {
        status: 401,
        headers: { 'content-type': 'application/json' },
      });
    if (u.pathname.endsWith('/push')) {
      for (const r of JSON.parse(String(init?.body)) as Array<{ newDocumentState: Row }>)
        put(r.newDocumentState);
      return json({ conflicts: [], refused: [] });
    }
    return new Response('{}', { status: 404 });
  };
  return {
    fetchImpl,
    put,
    state,
    since: (after: number) => rows.filter((r) => r.seq > after),
    seq: () => seq,
  };
}

const silentStream: EventSourceFactory = () => ({
  close: () => undefined,
  addEventListener: () => undefined,
});

const opened: YishiDatabase[] = [];
const clients: SyncClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) await c.stop();
  for (const db of opened.splice(0)) await db.remove();
});

const waitFor = async (check: () => Promise<boolean>, ms = 10_000) => {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('sync bundles on the device', () => {
  it('exports what waits, and takes the hub’s answer in through the replication', async () => {
    const hub = memoryHub();
    hub.put(demand('d1', '三单元楼道灯'));
    const db = await createYishiDatabase({
      name: `bundle${Math.random().toString(36).slice(2)}`,
      storage: getRxStorageMemory(),
      password: 'bundle-test',
      multiInstance: false,
      devTools: devTools(),
    });
    opened.push(db);
    const inbox = new BundleInbox();
    const start = (pushBatchSize?: number) => {
      const client = createSyncClient({
        ...(pushBatchSize ? { pushBatchSize } : {}),
        db,
        hubUrl: 'http://hub.test',
        token: TOKEN,
        deviceScope: SCOPE,
        hubId: 'hub-1',
        eventSourceFactory: silentStream,
        fetchImpl: hub.fetchImpl,
        collections: ['demands'],
        onRevoked: () => undefined,
        inbox,
        timing: { tickMs: 100, backoff: { baseMs: 50, capMs: 200 } },
      });
      clients.push(client);
      return client;
    };
    let client = start();
    await client.syncNow();
    const since = hub.seq();

    // The line goes; the hall records a new demand and edits the one it had.
    hub.state.offline = true;
    await db.demands.insert(demand('d2', '二号院积水', '2026-12-02T08:00:00.000Z') as never);
    await (await db.demands.findOne('d1').exec())!.incrementalPatch({
      title: '三单元楼道灯（已报修）',
      updatedAt: '2026-12-02T09:00:00.000Z',
    } as never);
    const replication = client.replications.get('demands')!;
    await waitFor(
      async () => (await countPending(replication)) === 2 && client.status$.getValue().state === 'offline',
    );

    const { bundle, carried } = await collectDeviceBundle(
      client.replications,
      { hubId: 'hub-1', deviceId: 'dev-a', scope: SCOPE, token: TOKEN },
      'bundle-1',
      '2026-12-02T10:00:00.000Z',
    );
    expect(bundle.checkpoints).toEqual({ demands: since });
    expect(
      bundle.changes.demands?.map((r) => [r.newDocumentState.id, r.assumedMasterState?.['title'] ?? null]),
    ).toEqual([
      ['d2', null],
      ['d1', '三单元楼道灯'],
    ]);

    // At the street office: d2 applied; d1 conflicts with an edit another device made meanwhile;
    // and another device's demand d3 is new to this hall.
    const hubD1 = demand('d1', '三单元楼道灯（街道已派单）', '2026-12-02T09:30:00.000Z');
    const hubD2 = bundle.changes.demands![0]!.newDocumentState;
    hub.state.offline = false;
    hub.put(hubD1);
    hub.put(hubD2);
    hub.put(demand('d3', '街道录入的新诉求', '2026-12-02T11:00:00.000Z'));
    hub.state.offline = true;
    const answer = signBundle<ReturnBundle>(
      {
        format: SYNC_BUNDLE_FORMAT,
        version: SYNC_BUNDLE_VERSION,
        kind: 'return',
        hubId: 'hub-1',
        deviceId: 'dev-a',
        bundleId: 'return-1',
        createdAt: '2026-12-03T08:00:00.000Z',
        answers: 'bundle-1',
        replay: false,
        outcomes: { demands: { accepted: ['d2'], conflicts: ['d1'], refused: [] } },
        hubStates: { demands: [hubD1 as Doc, hubD2] },
        pulls: {
          demands: { since, checkpoint: hub.seq(), documents: hub.since(since).map((r) => r.doc as Doc) },
        },
      },
      bundleKeyFromToken(TOKEN),
    );

    const takeIn = async (returned: ReturnBundle, digests: CarriedDigests) => {
      const plan = await planReturn(client.replications, returned);
      inbox.load(returned, digests);
      await client.stop();
      // One row per push, as the app does while taking a bundle in (SyncContext.takeInBundle).
      client = start(1);
      return { plan, ...(await awaitReturnTaken(client.replications, plan, digests, 10_000)) };
    };
    const first = await takeIn(answer, carried);
    expect(first.plan.targets.get('demands')).toBe(hub.seq());
    expect(first.waiting).toBe(0);

    const titles = async () =>
      Object.fromEntries((await db.demands.find().exec()).map((d) => [d.id, d.toJSON() as Row]));
    const after = await titles();
    expect(after['d3']?.['title']).toBe('街道录入的新诉求');
    expect(after['d2']?.['title']).toBe('二号院积水');
    // Both sides changed the title: the hub's value stands, the hall's waits in 冲突处理.
    expect(after['d1']?.['title']).toBe('三单元楼道灯（街道已派单）');
    expect(after['d1']?.['conflicts']).toEqual([
      expect.objectContaining({ field: 'title', localValue: '三单元楼道灯（已报修）' }),
    ]);
    // The merge waits for the line (or the next bundle); d2 is the hub's now.
    const waitingRows = async () =>
      (
        await collectDeviceBundle(
          client.replications,
          { hubId: 'hub-1', deviceId: 'dev-a', scope: SCOPE, token: TOKEN },
          'b',
          T,
        )
      ).bundle.changes.demands?.map((r) => r.newDocumentState.id) ?? [];
    expect(await waitingRows()).toEqual(['d1']);

    // The same return bundle again: nothing to take, nothing changes.
    const second = await takeIn(answer, carried);
    expect(second.plan.targets.size).toBe(0);
    expect(await titles()).toEqual(after);
    expect(await waitingRows()).toEqual(['d1']);
  }, 60_000);

  it('keeps what a revoked device had not pushed, read before its replications stop', async () => {
    const hub = memoryHub();
    hub.put(demand('d1', '三单元楼道灯'));
    const db = await createYishiDatabase({
      name: `revoked${Math.random().toString(36).slice(2)}`,
      storage: getRxStorageMemory(),
      password: 'bundle-test',
      multiInstance: false,
      devTools: devTools(),
    });
    opened.push(db);
    let revoked = false;
    const client = createSyncClient({
      db,
      hubUrl: 'http://hub.test',
      token: TOKEN,
      deviceScope: SCOPE,
      hubId: 'hub-1',
      eventSourceFactory: silentStream,
      fetchImpl: hub.fetchImpl,
      collections: ['demands'],
      onRevoked: () => {
        revoked = true;
      },
      timing: { tickMs: 100, backoff: { baseMs: 50, capMs: 200 } },
    });
    clients.push(client);
    await client.syncNow();
    expect(client.unsyncedAtRevocation()).toBeNull();
    hub.state.revoked = true;
    await db.demands.insert(demand('d2', '二号院积水', '2026-12-02T08:00:00.000Z') as never);
    await waitFor(() => Promise.resolve(revoked));
    const snapshot = client.unsyncedAtRevocation();
    expect(snapshot?.changes.demands?.map((r) => r.newDocumentState.id)).toEqual(['d2']);
    expect(snapshot?.checkpoints.demands).toBe(1);
    // Signed as the device's bundle, as the street office's hub verifies it.
    const { bundle } = deviceBundleFrom(
      snapshot!,
      { hubId: 'hub-1', deviceId: 'dev-hall', scope: SCOPE, token: TOKEN },
      'b-revoked',
      T,
    );
    expect(bundle.changes.demands?.[0]?.assumedMasterState).toBeNull();
    expect(verifyBundle(bundle, bundleKeyFromToken(TOKEN))).toBe(true);
  });
});
