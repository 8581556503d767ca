// The first pull writes what RxDB's own pull replication would have written, and RxDB carries on
// from it: compared row by row with a device that pulled the same documents through plain
// replication (an RxDB upgrade that changes the layout fails here), then a push, a pull and a
// resumed first pull that fetches no stored page again.

import { afterEach, describe, expect, it } from 'vitest';
import { fillWithDefaultSettings, getChangedDocumentsSince, getRxReplicationMetaInstanceSchema } from 'rxdb';
import type { RxCollection } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import type { CollectionName } from '#shared/domain/vocab';
import { demandsSchema } from '#shared/schema/demands';
import { createYishiDatabase } from '../db/create-database';
import type { YishiDatabase } from '../db/create-database';
import { devTools } from '../db/dev-mode';
import { createSyncClient } from './client';
import type { SyncClient } from './client';
import { PROGRESS_ITEM_ID, layoutSupported } from './first-pull-layout';
import type { EventSourceFactory } from './sse';

type Row = Record<string, unknown>;
const T = '2026-11-29T08:00:00.000Z';
const SCOPE = 'xg.gyj';

function demand(i: number): Row {
  return {
    id: `d${i}`,
    scope: SCOPE,
    createdAt: T,
    createdBy: 'w1',
    updatedAt: T,
    updatedBy: 'w1',
    placeId: 'place-1',
    title: `诉求 ${i}`,
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
    reporterPhone: `1380000${String(i).padStart(4, '0')}`,
    _deleted: i % 17 === 5,
  };
}

function place(i: number): Row {
  return {
    id: `p${i}`,
    scope: `${SCOPE}.c${i}`,
    createdAt: T,
    createdBy: 'w1',
    updatedAt: T,
    updatedBy: 'w1',
    kind: 'courtyard',
    name: `第${i}小区`,
    parentId: 'gyj',
    code: `c${i}`,
    initials: 'dxq',
    order: i,
    _deleted: false,
  };
}

function auditEntry(i: number, device = 'w1'): Row {
  return {
    id: `a${device}${i}`,
    scope: SCOPE,
    createdAt: T,
    createdBy: device,
    updatedAt: T,
    updatedBy: device,
    at: T,
    actor: device,
    device,
    action: 'demand.create',
    _deleted: false,
  };
}

/** A hub in memory speaking protocol v1's pull and push, logging every page asked for. */
function memoryHub(
  initial: Partial<Record<CollectionName, Row[]>>,
  hold?: (page: string) => Promise<void> | undefined,
  newest = true,
) {
  let seq = 0;
  const rows = new Map<string, Array<{ doc: Row; seq: number }>>();
  const put = (collection: string, doc: Row) => {
    const list = (rows.get(collection) ?? []).filter((r) => r.doc['id'] !== doc['id']);
    list.push({ doc, seq: (seq += 1) });
    rows.set(collection, list);
  };
  for (const [c, docs] of Object.entries(initial)) for (const d of docs) put(c, d);
  const pulls: string[] = [];
  const json = (body: unknown) =>
    new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
  const fetchImpl = async (url: string, init?: RequestInit): Promise<Response> => {
    const u = new URL(url);
    if (u.pathname === '/v1/health')
      return json({ ok: true, version: 'test', protocol: 1, database: 'pglite', hubId: 'hub-1' });
    if (u.pathname === '/v1/sync/counts') {
      // Later than the first pages, as a busy hub may answer: the totals must still be stored.
      await new Promise((resolve) => setTimeout(resolve, 50));
      return json({ counts: Object.fromEntries([...rows].map(([c, list]) => [c, list.length])) });
    }
    const [, , , collection, verb] = u.pathname.split('/');
    if (verb === 'pull' && newest && u.searchParams.get('order') === 'newest') {
      const before = u.searchParams.get('before');
      const limit = Number(u.searchParams.get('limit'));
      pulls.push(`${collection}<${before ?? 'top'}`);
      await hold?.(`${collection}<${before ?? 'top'}`);
      const page = (rows.get(collection!) ?? [])
        .filter((r) => before === null || r.seq < Number(before))
        .sort((a, b) => b.seq - a.seq)
        .slice(0, limit);
      const high = page[0]?.seq ?? null;
      const low = page[page.length - 1]?.seq ?? null;
      return json({ order: 'newest', documents: page.map((r) => r.doc), high, low });
    }
    if (verb === 'pull') {
      const after = Number(u.searchParams.get('checkpoint') ?? 0);
      const limit = Number(u.searchParams.get('limit'));
      pulls.push(`${collection}@${after}`);
      await hold?.(`${collection}@${after}`);
      const page = (rows.get(collection!) ?? []).filter((r) => r.seq > after).slice(0, limit);
      const last = page[page.length - 1];
      return json({
        documents: page.map((r) => r.doc),
        checkpoint: last ? { seq: last.seq } : after ? { seq: after } : null,
      });
    }
    if (verb === 'push') {
      const body = JSON.parse(String(init?.body)) as Array<{ newDocumentState: Row }>;
      for (const r of body) put(collection!, r.newDocumentState);
      return json({ conflicts: [], refused: [] });
    }
    return new Response('{}', { status: 404 });
  };
  return { fetchImpl, pulls, put, docs: (c: string) => (rows.get(c) ?? []).map((r) => r.doc) };
}

const silentStream: EventSourceFactory = () => ({
  close: () => undefined,
  addEventListener: () => undefined,
});

const open: Array<{ db: YishiDatabase; client?: SyncClient }> = [];
afterEach(async () => {
  const dbs = new Set<YishiDatabase>();
  for (const o of open.splice(0)) {
    await o.client?.stop();
    dbs.add(o.db);
  }
  for (const db of dbs) await db.remove();
});

async function device(
  hub: ReturnType<typeof memoryHub>,
  firstPull: boolean,
  db?: YishiDatabase,
  collections: readonly CollectionName[] = ['places', 'demands'],
) {
  db ??= await createYishiDatabase({
    name: `fp${Math.random().toString(36).slice(2)}`,
    storage: getRxStorageMemory(),
    password: 'first-pull-test',
    multiInstance: false,
    devTools: devTools(),
  });
  const client = createSyncClient({
    db,
    hubUrl: 'http://hub.test',
    token: 't',
    deviceScope: SCOPE,
    hubId: 'hub-1',
    eventSourceFactory: silentStream,
    fetchImpl: hub.fetchImpl,
    collections,
    pullBatchSize: 40,
    firstPull,
    onRevoked: () => undefined,
  });
  open.push({ db, client });
  return { db, client };
}

async function initialSync(client: SyncClient) {
  await Promise.all([...client.replications.values()].map((r) => r.awaitInitialReplication()));
  await Promise.all([...client.replications.values()].map((r) => r.awaitInSync()));
}

/** Every stored row of a collection and of its replication meta, with per-database values masked. */
async function storedRows(db: YishiDatabase, client: SyncClient, name: CollectionName) {
  const collection = db.collections[name] as unknown as RxCollection<unknown>;
  const mask = (row: Row): Row => {
    const { _meta, _rev, ...rest } = row;
    // Checkpoint rows are rewritten as often as either side happens to write them.
    const height = row['isCheckpoint'] === '1' ? 'n' : String(_rev).split('-')[0];
    return { ...rest, _meta: Object.keys(_meta as object).sort(), _rev: height };
  };
  const fork = (await getChangedDocumentsSince(collection.storageInstance, 10_000)).documents as Row[];
  const replication = client.replications.get(name)!;
  const metaInstance = replication.metaInstance!;
  const meta = (await getChangedDocumentsSince(metaInstance, 10_000)).documents as Row[];
  const items = meta.filter((r) => r['isCheckpoint'] === '0').map(mask);
  const checkpoints = meta
    .filter((r) => r['isCheckpoint'] === '1' && r['itemId'] !== PROGRESS_ITEM_ID)
    .map((r) => ({ ...mask(r), checkpointData: Object.keys(r['checkpointData'] as object).sort() }));
  const byId = (a: Row, b: Row) => String(a['id']).localeCompare(String(b['id']));
  return { fork: fork.map(mask).sort(byId), items: items.sort(byId), checkpoints: checkpoints.sort(byId) };
}

describe('the first pull', () => {
  it('is written for exactly the pinned RxDB version and meta schema', () => {
    const schema = getRxReplicationMetaInstanceSchema(fillWithDefaultSettings(demandsSchema as never), true);
    expect(layoutSupported(schema as never)).toBe(true);
    expect(layoutSupported(schema as never, '17.6.1')).toBe(false);
    const { isResolvedConflict: _gone, ...fewer } = schema.properties as Record<string, unknown>;
    expect(layoutSupported({ ...schema, properties: fewer } as never)).toBe(false);
  });

  it('stores the same rows as RxDB’s own pull replication, and replication carries on from them', async () => {
    const data = {
      places: Array.from({ length: 30 }, (_, i) => place(i)),
      demands: Array.from({ length: 130 }, (_, i) => demand(i)),
    };
    const plainHub = memoryHub(data);
    const fastHub = memoryHub(data);
    // One database at a time (RxDB's open edition opens at most 13 collections per process).
    const plain = await device(plainHub, false);
    await initialSync(plain.client);
    const expected = {
      places: await storedRows(plain.db, plain.client, 'places'),
      demands: await storedRows(plain.db, plain.client, 'demands'),
    };
    await plain.client.stop();
    await plain.db.remove();
    open.splice(0);
    const fast = await device(fastHub, true);
    await initialSync(fast.client);
    for (const name of ['places', 'demands'] as const) {
      const rows = await storedRows(fast.db, fast.client, name);
      expect(rows.fork.length).toBe(data[name].length);
      expect(rows).toEqual(expected[name]);
    }
    // PII is sealed at rest in the documents and in their master copies, as on the other path.
    const bottom = (instance: unknown) => {
      let at = instance as { originalStorageInstance?: unknown };
      while (at.originalStorageInstance) at = at.originalStorageInstance as typeof at;
      return at as unknown as { findDocumentsById(ids: string[], deleted: boolean): Promise<Row[]> };
    };
    const [rawDoc] = await bottom(fast.db.demands.storageInstance).findDocumentsById(['d1'], false);
    const [rawMeta] = await bottom(fast.client.replications.get('demands')!.metaInstance).findDocumentsById(
      ['d1|0'],
      false,
    );
    expect(String(rawDoc!['reporterPhone'])).toMatch(/^y2:/);
    expect(String((rawMeta!['docData'] as Row)['reporterPhone'])).toMatch(/^y2:/);
    // Each page was asked for once.
    expect(new Set(fastHub.pulls).size).toBe(fastHub.pulls.length);

    // A local change goes up; a change on the hub comes down.
    const local = await fast.db.demands.findOne('d3').exec();
    await local!.incrementalPatch({ title: '本机修改' });
    fastHub.put('demands', { ...demand(7), title: '服务器修改' });
    await fast.client.syncNow();
    expect(fastHub.docs('demands').find((d) => d['id'] === 'd3')?.['title']).toBe('本机修改');
    expect((await fast.db.demands.findOne('d7').exec())?.title).toBe('服务器修改');
  });

  it('resumes after a restart at the last stored page without asking for it again', async () => {
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // Newest first, pages of 40: the third page (below 121) stays on its way until the first
    // device has stopped.
    const hub = memoryHub(
      { demands: Array.from({ length: 200 }, (_, i) => demand(i)), places: [place(1), place(2), place(3)] },
      (page) => (page === 'demands<121' ? held : undefined),
    );
    const first = await device(hub, true);
    await new Promise<void>((resolve) => {
      const sub = first.client.status$.subscribe((s) => {
        if ((s.firstSync?.collections.demands?.received ?? 0) >= 80) {
          sub.unsubscribe();
          resolve();
        }
      });
    });
    // The newest documents came first.
    const stored = await getChangedDocumentsSince(first.db.demands.storageInstance, 1000);
    expect(stored.documents.map((d) => (d as Row)['id']).sort()).toEqual(
      Array.from({ length: 80 }, (_, i) => `d${120 + i}`).sort(),
    );
    expect(first.client.status$.getValue().state).toBe('syncing');
    await first.client.stop();
    release();
    const before = hub.pulls.length;
    const again = await device(hub, true, first.db);
    await initialSync(again.client);
    const after = hub.pulls.slice(before).filter((p) => p.startsWith('demands'));
    // Only the page that was on its way is asked for again; the stored ones never are, and
    // RxDB's own pull goes on after the first page's newest document.
    expect(after.slice(0, 4)).toEqual(['demands<121', 'demands<81', 'demands<41', 'demands<1']);
    expect(after.slice(4).every((p) => p === 'demands@200')).toBe(true);
    const all = await getChangedDocumentsSince(first.db.demands.storageInstance, 1000);
    expect(all.documents.length).toBe(200);
    // The hub's totals, asked while the first pages were on their way, were stored with the
    // places' only page and the demands' pages, so the progress after the restart is whole.
    const status = again.client.status$.getValue();
    expect(status.firstSync).toMatchObject({ received: 203, total: 203, done: true });
    expect(status.firstSync?.collections.places).toMatchObject({ received: 3, total: 3, done: true });
  });

  it('misses no document changed on the hub while it pages down', async () => {
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const hub = memoryHub({ demands: Array.from({ length: 120 }, (_, i) => demand(i)) }, (page) =>
      page === 'demands<41' ? held : undefined,
    );
    const { db, client } = await device(hub, true);
    await expect.poll(() => hub.pulls.includes('demands<41')).toBe(true);
    // d2 (not yet pulled) and d100 (already stored) change on the hub meanwhile.
    hub.put('demands', { ...demand(2), title: '中途修改 2' });
    hub.put('demands', { ...demand(100), title: '中途修改 100' });
    release();
    await initialSync(client);
    expect((await db.demands.findOne('d2').exec())?.title).toBe('中途修改 2');
    expect((await db.demands.findOne('d100').exec())?.title).toBe('中途修改 100');
    const all = await getChangedDocumentsSince(db.demands.storageInstance, 1000);
    expect(all.documents.length).toBe(120);
    expect(hub.pulls.filter((p) => p.startsWith('demands')).slice(-1)).toEqual(['demands@120']);
  });

  it('goes oldest first with a hub that does not page newest first', async () => {
    const hub = memoryHub({ demands: Array.from({ length: 100 }, (_, i) => demand(i)) }, undefined, false);
    const { db, client } = await device(hub, true);
    await initialSync(client);
    const all = await getChangedDocumentsSince(db.demands.storageInstance, 1000);
    expect(all.documents.length).toBe(100);
    const demands = hub.pulls.filter((p) => p.startsWith('demands'));
    // One answer in the hub's order was set aside; then pages from the start, each once.
    expect(demands.slice(0, 4)).toEqual(['demands@0', 'demands@0', 'demands@40', 'demands@80']);
    expect(client.status$.getValue().firstSync).toMatchObject({ received: 100, done: true });
  });

  it('takes an append-only collection that holds only the device’s own entries, and still pushes them', async () => {
    const hub = memoryHub({ auditTrail: Array.from({ length: 90 }, (_, i) => auditEntry(i)) });
    const db = await createYishiDatabase({
      name: `fp${Math.random().toString(36).slice(2)}`,
      storage: getRxStorageMemory(),
      password: 'first-pull-test',
      multiInstance: false,
      devTools: devTools(),
    });
    // What setup and enrolment write before the first sync starts.
    const { _deleted: _d, ...own } = auditEntry(0, 'device-new');
    await db.auditTrail.insert(own as never);
    const { client } = await device(hub, true, db, ['auditTrail']);
    await initialSync(client);
    await client.syncNow();
    expect(await db.auditTrail.count().exec()).toBe(91);
    expect(hub.docs('auditTrail').some((d) => d['id'] === own['id'])).toBe(true);
    // Paged by the first pull (newest first, resumable), not by a plain pull from the start.
    expect(hub.pulls.filter((p) => p.startsWith('auditTrail<')).length).toBeGreaterThan(0);
    expect(hub.pulls).not.toContain('auditTrail@0');
  });
});
