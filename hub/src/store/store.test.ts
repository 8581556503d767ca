import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLLECTION_NAMES, REFERENCE_COLLECTIONS } from '#shared/domain/vocab';
import type { CollectionName } from '#shared/domain/vocab';
import type { Doc } from '#shared/protocol/v1';
import type { Driver } from '../db/driver';
import { MIGRATIONS, migrate } from '../db/migrations';
import { generateDeviceId, hashEnrollCode, hashToken } from '../secrets';
import { createRowPolicy } from '../sync/policy';
import { pushRows } from '../sync/push';
import { parsePushBody } from '../sync/rules';
import type { DeviceActor } from '../sync/rules';
import { authoredBy, editOf, validDoc } from '../testing/fixtures';
import { DRIVER_BACKENDS } from '../testing/backends';
import { storeOverDriver } from './store';
import type { ChangeNotice, Store } from './store';

const street: DeviceActor = { id: 'dev-street', role: 'street-staff', scope: 'xg' };
const gyj: DeviceActor = { id: 'dev-gyj', role: 'community-worker', scope: 'xg.gyj' };
const policy = createRowPolicy();
const NOW = new Date('2026-03-02T10:00:00.000Z');

function rows(list: Array<{ next: Record<string, unknown>; assumed?: Record<string, unknown> | null }>) {
  const parsed = parsePushBody(
    list.map((r) => ({ newDocumentState: r.next, assumedMasterState: r.assumed ?? null })),
  );
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed.rows;
}

for (const backend of DRIVER_BACKENDS) {
  describe.runIf(backend.enabled)(backend.title('store'), () => {
    let driver: Driver;
    let store: Store;
    let drop: () => Promise<void>;
    const notices: ChangeNotice[] = [];

    beforeAll(async () => {
      ({ driver, drop } = await backend.open());
      expect(await migrate(driver)).toEqual(MIGRATIONS.map((m) => m.version));
      store = await storeOverDriver(driver);
      await store.subscribe(
        (n) => notices.push(n),
        () => undefined,
      );
    }, 60_000);
    afterAll(async () => {
      await store?.close();
      await drop?.();
    });

    it('records migrations once and keeps a stable hub id', async () => {
      expect(await migrate(driver)).toEqual([]);
      const versions = await driver.query<{ version: number }>('select version from schema_migrations');
      expect(versions.map((v) => Number(v.version))).toEqual(MIGRATIONS.map((m) => m.version));
      expect(store.hubId).toMatch(/^hub_/);
      expect(await store.initMeta('hub_id', 'other')).toBe(store.hubId);
    });

    it('pulls the subtree of every collection and the ancestors of reference data only', async () => {
      const scopes = ['xg', 'xg.gyj', 'xg.gyj.c1', 'xg.hxdj', 'xg.gyjx'];
      for (const collection of COLLECTION_NAMES) {
        const batch = scopes.map((s) => ({
          next: validDoc(collection, `${collection}-${s}`, s, authoredBy(collection, street.id)),
        }));
        const out = await pushRows(store, collection, street, rows(batch), policy, NOW);
        expect(out.refused).toEqual([]);
        expect(out.written).toBe(scopes.length);
      }
      for (const collection of COLLECTION_NAMES) {
        const { documents } = await store.pull(collection, 'xg.gyj', 0, 100);
        const seen = documents.map((d) => d.scope).sort();
        const reference = (REFERENCE_COLLECTIONS as readonly string[]).includes(collection);
        expect(seen, collection).toEqual(reference ? ['xg', 'xg.gyj', 'xg.gyj.c1'] : ['xg.gyj', 'xg.gyj.c1']);
        expect(documents.every((d) => d._deleted === false)).toBe(true);
      }
      // The counts a first sync shows its progress against are what those pulls deliver.
      const counts = await store.scopeCounts('xg.gyj');
      for (const collection of COLLECTION_NAMES) {
        const { documents } = await store.pull(collection, 'xg.gyj', 0, 1000);
        expect(counts[collection] ?? 0, collection).toBe(documents.length);
      }
    });

    it('pages by server sequence and echoes the checkpoint at the end', async () => {
      const seqs: number[] = [];
      let since = 0;
      for (;;) {
        const page = await store.pull('places', 'xg', since, 2);
        if (page.documents.length === 0) {
          expect(page.checkpoint).toEqual({ seq: since });
          break;
        }
        seqs.push(page.checkpoint.seq);
        since = page.checkpoint.seq;
      }
      expect(seqs.length).toBe(3);
      expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
      expect(new Set(seqs).size).toBe(seqs.length);
    });

    it('pages newest first for a first pull; a document changed meanwhile is found by the ascending pull after it', async () => {
      const scopes = ['xg', 'xg.gyj', 'xg.gyj.c1', 'xg.hxdj', 'xg.gyjx'];
      const all = await store.pull('demands', 'xg', 0, 1000);
      const first = await store.pullNewest('demands', 'xg', null, 2);
      expect(first.documents.map((d) => d.id)).toEqual(
        [...all.documents]
          .reverse()
          .slice(0, 2)
          .map((d) => d.id),
      );
      expect(first.high).toBe(all.checkpoint.seq);
      // A document below the cursor changes: it leaves the newest-first range for a new number.
      const oldest = all.documents[0]!;
      const edited = editOf(oldest, 7);
      const out = await pushRows(
        store,
        'demands',
        street,
        rows([{ next: edited, assumed: oldest }]),
        policy,
        NOW,
      );
      expect(out.written).toBe(1);
      const seen = [...first.documents];
      let before = first.low;
      for (;;) {
        const page = await store.pullNewest('demands', 'xg', before, 2);
        expect(page.high === null || page.high < before!).toBe(true);
        seen.push(...page.documents);
        if (page.documents.length < 2) break;
        before = page.low;
      }
      const after = await store.pull('demands', 'xg', first.high!, 1000);
      expect(after.documents.map((d) => [d.id, d['updatedAt']])).toEqual([[oldest.id, edited['updatedAt']]]);
      const ids = [...seen, ...after.documents].map((d) => d.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect([...ids].sort()).toEqual(all.documents.map((d) => d.id).sort());
      expect(scopes.length).toBe(all.documents.length);
      expect(await store.pullNewest('demands', 'xg', 0, 2)).toEqual({ documents: [], high: null, low: null });
    });

    it('writes, reports conflicts with the master state, and ignores idempotent replays', async () => {
      const v1 = validDoc('demands', 'd-conf', 'xg.gyj', authoredBy('demands', gyj.id));
      expect((await pushRows(store, 'demands', gyj, rows([{ next: v1 }]), policy, NOW)).written).toBe(1);
      const v2 = editOf(v1, 2);
      const stale = await pushRows(store, 'demands', gyj, rows([{ next: v2, assumed: null }]), policy, NOW);
      expect(stale.conflicts).toEqual([{ ...v1, _deleted: false }]);
      expect(stale.written).toBe(0);
      const shuffled = Object.fromEntries(Object.entries({ ...v1, _deleted: false }).reverse());
      const ok = await pushRows(store, 'demands', gyj, rows([{ next: v2, assumed: shuffled }]), policy, NOW);
      expect(ok).toMatchObject({ conflicts: [], refused: [], written: 1 });
      const before = await store.maxSeq();
      const replay = await pushRows(store, 'demands', gyj, rows([{ next: v2, assumed: v1 }]), policy, NOW);
      expect(replay).toMatchObject({ conflicts: [], refused: [], written: 0 });
      expect(await store.maxSeq()).toBe(before);
      const deleted = await pushRows(
        store,
        'demands',
        gyj,
        rows([{ next: { ...v2, _deleted: true }, assumed: v2 }]),
        policy,
        NOW,
      );
      expect(deleted.written).toBe(1);
      const pulled = (await store.pull('demands', 'xg.gyj', before, 10)).documents;
      expect(pulled).toEqual([{ ...v2, _deleted: true }]);
    });

    it('refuses and quarantines rows outside the scope, against the schema or editing append-only records; applies the rest', async () => {
      const record = validDoc('meetingRecords', 'mr-1', 'xg.gyj', authoredBy('meetingRecords', gyj.id));
      await pushRows(store, 'meetingRecords', gyj, rows([{ next: record }]), policy, NOW);
      const foreign = validDoc('demands', 'd-foreign', 'xg.hxdj', authoredBy('demands', street.id));
      await pushRows(store, 'demands', street, rows([{ next: foreign }]), policy, NOW);
      const quarantined = (await store.listQuarantine(1000)).length;
      const out = await pushRows(
        store,
        'meetingRecords',
        gyj,
        rows([
          { next: { ...record, text: '改过的记录' }, assumed: record },
          { next: record, assumed: null },
          { next: validDoc('meetingRecords', 'mr-out', 'xg.hxdj') },
          { next: { ...validDoc('meetingRecords', 'mr-bad', 'xg.gyj'), at: 5 } },
          { next: { ...validDoc('meetingRecords', 'mr-nul', 'xg.gyj'), text: 'a\u0000b' } },
          { next: validDoc('meetingRecords', 'mr-2', 'xg.gyj.c1', authoredBy('meetingRecords', gyj.id)) },
        ]),
        policy,
        NOW,
      );
      expect(out.refused.map((r) => [r.id, r.code])).toEqual([
        ['mr-1', 'append_only'],
        ['mr-out', 'scope'],
        ['mr-bad', 'schema'],
        ['mr-nul', 'schema'],
      ]);
      expect(out.refused.every((r) => /[\u4e00-\u9fff]/.test(r.reason))).toBe(true);
      expect(out.written).toBe(1);
      const moved = await pushRows(
        store,
        'demands',
        gyj,
        rows([{ next: { ...foreign, scope: 'xg.gyj' }, assumed: foreign }]),
        policy,
        NOW,
      );
      expect(moved.refused.map((r) => r.code)).toEqual(['scope']);
      const q = await store.listQuarantine(1000);
      expect(q.length).toBe(quarantined + 5);
      expect(q[0]).toMatchObject({
        deviceId: 'dev-gyj',
        collection: 'demands',
        docId: 'd-foreign',
        code: 'scope',
      });
      expect(q.find((e) => e.docId === 'mr-nul')?.row).toMatchObject({
        newDocumentState: { text: 'a\u0000b' },
      });
      const still = await store.pull('demands', 'xg', 0, 1000);
      expect(still.documents.find((d) => d.id === 'd-foreign')?.scope).toBe('xg.hxdj');
    });

    it('refuses writes beyond the role', async () => {
      const viewer: DeviceActor = { id: 'dev-view', role: 'viewer', scope: 'xg.gyj' };
      const out = await pushRows(
        store,
        'demands',
        viewer,
        rows([{ next: validDoc('demands', 'd-view', 'xg.gyj') }]),
        policy,
        NOW,
      );
      expect(out.refused.map((r) => r.code)).toEqual(['role']);
    });

    it('notifies every listener of committed changes and revocations', async () => {
      const before = notices.length;
      await pushRows(
        store,
        'cases',
        gyj,
        rows([{ next: validDoc('cases', 'case-n', 'xg.gyj', authoredBy('cases', gyj.id)) }]),
        policy,
        NOW,
      );
      await new Promise((r) => setTimeout(r, 200));
      const seq = await store.maxSeq();
      expect(notices.slice(before)).toContainEqual({ t: 'docs', maxSeq: seq });
      const changes = await store.changesSince(seq - 1, 10);
      expect(changes.map((c) => [c.collection, c.doc.id])).toEqual([['cases', 'case-n']]);
    });

    it('seeds idempotently: unchanged documents keep their sequence number', async () => {
      const docs = COLLECTION_NAMES.map((collection: CollectionName) => ({
        collection,
        doc: { ...validDoc(collection, `seed-${collection}`, 'xg.gyj'), _deleted: false } as Doc,
      }));
      const same = (a: Doc, b: Doc) =>
        JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());
      expect(await store.seed(docs, same)).toEqual({ written: 12, unchanged: 0 });
      const seq = await store.maxSeq();
      const count = await store.countDocuments();
      expect(await store.seed(docs, same)).toEqual({ written: 0, unchanged: 12 });
      expect(await store.maxSeq()).toBe(seq);
      expect(await store.countDocuments()).toBe(count);
      const changed = docs.map((d, i) => (i === 0 ? { ...d, doc: { ...d.doc, updatedBy: 'seed-2' } } : d));
      expect(await store.seed(changed, same)).toEqual({ written: 1, unchanged: 11 });
    });

    it('redeems an enrollment code exactly once, refuses expired and unknown codes, and revokes', async () => {
      const code = (c: string) => hashEnrollCode(c);
      const expiresAt = new Date(NOW.getTime() + 60_000);
      await store.createEnrollCode({
        codeHash: code('A'),
        scope: 'xg.gyj',
        role: 'recorder',
        label: '议事厅',
        now: NOW,
        expiresAt,
      });
      await store.createEnrollCode({
        codeHash: code('B'),
        scope: 'xg.gyj',
        role: 'recorder',
        label: '过期',
        now: NOW,
        expiresAt: NOW,
      });
      const redeem = (hash: string, id = generateDeviceId()) =>
        store.redeemEnrollCode({
          codeHash: hash,
          deviceId: id,
          deviceName: '大厅电脑',
          tokenHash: hashToken(id),
          now: NOW,
        });
      const ok = await redeem(code('A'), 'dev-enrolled');
      expect(ok).toEqual({ ok: true, scope: 'xg.gyj', role: 'recorder' });
      expect(await redeem(code('A'))).toEqual({ ok: false, code: 'code_used' });
      expect(await redeem(code('B'))).toEqual({ ok: false, code: 'code_expired' });
      expect(await redeem(code('C'))).toEqual({ ok: false, code: 'code_invalid' });
      const device = await store.deviceByTokenHash(hashToken('dev-enrolled'));
      expect(device).toMatchObject({
        deviceId: 'dev-enrolled',
        scope: 'xg.gyj',
        role: 'recorder',
        label: '议事厅',
        revokedAt: null,
      });
      expect(await store.deviceByTokenHash(hashToken('nobody'))).toBeNull();
      const before = notices.length;
      expect((await store.revokeDevice('dev-enrolled', NOW))?.revokedAt).toBe(NOW.toISOString());
      expect(await store.revokeDevice('dev-unknown', NOW)).toBeNull();
      await new Promise((r) => setTimeout(r, 200));
      expect(notices.slice(before)).toContainEqual({ t: 'revoke', deviceId: 'dev-enrolled' });
      expect((await store.listDevices()).map((d) => d.deviceId)).toEqual(['dev-enrolled']);
    });

    it('keeps an admin audit trail', async () => {
      await store.audit({
        at: NOW.toISOString(),
        actor: 'cli:test',
        action: 'device.list',
        detail: { count: 1 },
      });
      expect((await store.listAudit(1))[0]).toEqual({
        at: NOW.toISOString(),
        actor: 'cli:test',
        action: 'device.list',
        detail: { count: 1 },
      });
    });
  });
}
