// Scope isolation with a real hub process, for every collection, on pull, stream and push:
// a device of xg.gyj never receives a document of xg.hxdj, does receive its ancestors'
// reference data, and a push outside its subtree or beyond its role is refused and quarantined
// while the rest of the batch applies.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLLECTION_NAMES, REFERENCE_COLLECTIONS } from '#shared/domain/vocab';
import type { CollectionName } from '#shared/domain/vocab';
import { visibleToDevice } from '#shared/domain/places/index';
import type { Doc, EnrollResponse, StreamChange } from '#shared/protocol/v1';
import { BACKENDS } from '../../hub/src/testing/backends';
import type { BackendSetup } from '../../hub/src/testing/backends';
import { deviceClient, pushRow } from '../../hub/src/testing/client';
import type { DeviceClient } from '../../hub/src/testing/client';
import { authoredBy, validDoc } from '../../hub/src/testing/fixtures';
import { enrollDevice, startHubProcess } from '../../hub/src/testing/process';
import type { HubProcess } from '../../hub/src/testing/process';
import { SseReader } from './sse-reader';

const SCOPES = ['xg', 'xg.gyj', 'xg.gyj.hxnl5', 'xg.gyj.hxnl5.b3', 'xg.hxdj', 'xg.hxdj.y1', 'xg.gyjx'];
const isReference = (c: string) => (REFERENCE_COLLECTIONS as readonly string[]).includes(c);

function expectedScopes(collection: CollectionName, deviceScope: string): string[] {
  return SCOPES.filter((s) => visibleToDevice(s, collection, deviceScope)).sort();
}

/** Collects stream changes until `done` holds; fails the test on any document outside the scope. */
async function collectStream(
  reader: SseReader,
  deviceScope: string,
  done: (seen: Map<string, Doc>) => boolean,
) {
  const seen = new Map<string, Doc>();
  while (!done(seen)) {
    const event = await reader.next((e) => e.event === 'change', 20_000);
    const change = JSON.parse(event.data) as StreamChange;
    for (const doc of change.documents) {
      expect(
        visibleToDevice(doc.scope, change.collection, deviceScope),
        `${change.collection} ${doc.scope}`,
      ).toBe(true);
      seen.set(`${change.collection}/${doc.id}`, doc);
    }
    expect(change.checkpoint.seq).toBeGreaterThan(0);
  }
  return seen;
}

for (const backend of BACKENDS) {
  describe.runIf(backend.enabled)(backend.title('scope isolation for every collection'), () => {
    let setup: BackendSetup;
    let hub: HubProcess;
    let street: DeviceClient;
    let gyj: DeviceClient;
    let hxdj: DeviceClient;
    let streetDevice: EnrollResponse;
    let gyjDevice: EnrollResponse;
    let hxdjDevice: EnrollResponse;
    const readers: SseReader[] = [];

    beforeAll(async () => {
      setup = await backend.setup();
      hub = await startHubProcess({ env: { ...setup.env, HUB_KEEPALIVE_MS: '200' } });
      streetDevice = await enrollDevice(hub, 'xg', 'street-staff');
      const s = streetDevice;
      gyjDevice = await enrollDevice(hub, 'xg.gyj', 'community-worker');
      hxdjDevice = await enrollDevice(hub, 'xg.hxdj', 'community-worker');
      street = deviceClient(hub.url, s.token);
      gyj = deviceClient(hub.url, gyjDevice.token);
      hxdj = deviceClient(hub.url, hxdjDevice.token);
    });
    afterAll(async () => {
      for (const r of readers) r.close();
      await hub?.stop();
      await setup?.drop();
    });

    it('streams and pulls only what each device may see', async () => {
      const gyjStream = await SseReader.open(`${hub.url}/v1/sync/stream`, {
        Authorization: `Bearer ${gyjDevice.token}`,
      });
      const hxdjStream = await SseReader.open(`${hub.url}/v1/sync/stream`, {
        Authorization: `Bearer ${hxdjDevice.token}`,
      });
      readers.push(gyjStream, hxdjStream);
      expect(gyjStream.status).toBe(200);
      expect(gyjStream.response.headers['content-type']).toMatch(/text\/event-stream/);
      expect((await gyjStream.next()).event).toBe('resync');

      for (const collection of COLLECTION_NAMES) {
        const by = authoredBy(collection, streetDevice.deviceId);
        const rows = SCOPES.map((scope) =>
          pushRow(validDoc(collection, `${collection}-${scope}`, scope, by)),
        );
        const res = await street.push(collection, rows);
        expect(res.status).toBe(200);
        expect(res.body).toEqual({ conflicts: [], refused: [] });
      }

      const expectedCount = COLLECTION_NAMES.reduce((n, c) => n + expectedScopes(c, 'xg.gyj').length, 0);
      const streamed = await collectStream(gyjStream, 'xg.gyj', (seen) => seen.size >= expectedCount);
      expect(streamed.size).toBe(expectedCount);

      for (const collection of COLLECTION_NAMES) {
        for (const [device, scope] of [
          [gyj, 'xg.gyj'],
          [hxdj, 'xg.hxdj'],
        ] as const) {
          const docs = await device.pullAll(collection);
          expect(docs.map((d) => d.scope).sort(), `${collection} for ${scope}`).toEqual(
            expectedScopes(collection, scope),
          );
          if (!isReference(collection)) expect(docs.some((d) => d.scope === 'xg')).toBe(false);
        }
      }
    });

    it('keeps streams alive with comments', async () => {
      const [reader] = readers;
      const before = reader?.comments ?? 0;
      await new Promise((r) => setTimeout(r, 600));
      expect(reader?.comments ?? 0).toBeGreaterThan(before);
      expect(reader?.retryMs).toBe(2000);
    });

    it('refuses a stream without a valid token, and a token in the URL (it would reach the logs)', async () => {
      const anonymous = await SseReader.open(`${hub.url}/v1/sync/stream`);
      const inUrl = await SseReader.open(
        `${hub.url}/v1/sync/stream?token=${encodeURIComponent(gyjDevice.token)}`,
      );
      readers.push(anonymous, inUrl);
      expect(anonymous.status).toBe(401);
      expect(inUrl.status).toBe(401);
    });

    it('refuses and quarantines pushes outside the subtree or beyond the role, applying the rest', async () => {
      const watcher = await SseReader.open(`${hub.url}/v1/sync/stream`, {
        Authorization: `Bearer ${gyjDevice.token}`,
      });
      readers.push(watcher);
      await watcher.next((e) => e.event === 'resync');
      for (const collection of COLLECTION_NAMES) {
        const foreign = (await street.pullAll(collection)).find((d) => d.scope === 'xg.hxdj') as Doc;
        const mine = authoredBy(collection, gyjDevice.deviceId);
        const res = await gyj.push(collection, [
          pushRow(validDoc(collection, `${collection}-own`, 'xg.gyj.hxnl5', mine)),
          pushRow(validDoc(collection, `${collection}-theirs`, 'xg.hxdj.y1', mine)),
          pushRow(validDoc(collection, `${collection}-above`, 'xg', mine)),
          pushRow({ ...foreign, scope: 'xg.gyj' }, foreign),
        ]);
        expect(res.status).toBe(200);
        expect(res.body.refused.map((r) => [r.id, r.code])).toEqual([
          [`${collection}-theirs`, 'scope'],
          [`${collection}-above`, 'scope'],
          [foreign.id, 'scope'],
        ]);
        expect(res.body.conflicts).toEqual([]);
        const hxdjDocs = await hxdj.pullAll(collection);
        expect(hxdjDocs.some((d) => d.id === `${collection}-theirs` || d.id === `${collection}-own`)).toBe(
          false,
        );
        expect(hxdjDocs.find((d) => d.id === foreign.id)?.scope).toBe('xg.hxdj');
      }
      const own = await collectStream(watcher, 'xg.gyj', (seen) =>
        COLLECTION_NAMES.every((c) => seen.has(`${c}/${c}-own`)),
      );
      expect([...own.keys()].some((k) => k.includes('-theirs') || k.includes('-above'))).toBe(false);

      const viewer = deviceClient(hub.url, (await enrollDevice(hub, 'xg.gyj', 'viewer')).token);
      const denied = await viewer.push('demands', [pushRow(validDoc('demands', 'viewer-demand', 'xg.gyj'))]);
      expect(denied.body.refused).toEqual([
        { id: 'viewer-demand', code: 'role', reason: expect.stringMatching(/[\u4e00-\u9fff]/) },
      ]);
      const recorder = deviceClient(hub.url, (await enrollDevice(hub, 'xg.gyj', 'recorder', 'dev-1')).token);
      const recorded = await recorder.push('meetingRecords', [
        pushRow(validDoc('meetingRecords', 'recorder-signin', 'xg.gyj')),
      ]);
      expect(recorded.body).toEqual({ conflicts: [], refused: [] });
      const assigned = await recorder.push('tasks', [pushRow(validDoc('tasks', 'recorder-task', 'xg.gyj'))]);
      expect(assigned.body.refused.map((r) => [r.id, r.code])).toEqual([['recorder-task', 'role']]);
    });

    it('keeps every refused row in quarantine with device, collection and reason', async () => {
      await hub.stop();
      const store = await setup.openStore(hub.dataDir);
      try {
        const rows = await store.listQuarantine(1000);
        const fromGyj = rows.filter((r) => r.deviceId === gyjDevice.deviceId);
        expect(fromGyj).toHaveLength(COLLECTION_NAMES.length * 3);
        for (const collection of COLLECTION_NAMES) {
          expect(fromGyj.find((r) => r.docId === `${collection}-theirs`)).toMatchObject({
            collection,
            code: 'scope',
            row: { newDocumentState: { id: `${collection}-theirs`, scope: 'xg.hxdj.y1' } },
          });
        }
        expect(rows.some((r) => r.docId === 'viewer-demand' && r.code === 'role')).toBe(true);
        expect(await store.countDocuments()).toBe(COLLECTION_NAMES.length * (SCOPES.length + 1) + 1);
      } finally {
        await store.close();
      }
    });
  });
}
