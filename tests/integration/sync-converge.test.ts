// Three devices (three processes with the real database and sync client) edit the same documents
// while offline, then meet through a real hub: they must end identical, with the one same-field
// conflict kept as a conflict record (both values) on every device, an edit surviving a
// concurrent deletion, and nothing lost.

import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { DeviceProcess, HubProcess } from './sync-support/processes';
import { BACKENDS, freshScope } from './sync-support/backends';
import { demand, followUp } from './sync-support/docs';

type Doc = Record<string, unknown>;
type Dump = Record<string, Doc[]>;

const byId = (dump: Dump, collection: string, id: string) => dump[collection]?.find((d) => d['id'] === id);

for (const backend of BACKENDS) {
  describe.runIf(backend.enabled)(`three devices converge through the hub (${backend.name})`, () => {
    const hub = new HubProcess(backend.databaseUrl ? { databaseUrl: backend.databaseUrl } : {});
    const scope = freshScope();
    const devices = ['a', 'b', 'c'].map((n) => new DeviceProcess(n));
    const [a, b, c] = devices as [DeviceProcess, DeviceProcess, DeviceProcess];

    beforeAll(async () => {
      await hub.start();
      for (const d of devices) {
        const code = await hub.enrollCode(scope, 'community-worker', `device-${d.name}`);
        await d.call('open', { hubUrl: hub.url, code, name: d.name });
      }
    });

    afterAll(async () => {
      await Promise.all(devices.map((d) => d.dispose()));
      await hub.dispose();
    });

    it('merges concurrent offline edits field by field and keeps the same-field conflict everywhere', async () => {
      await a.call('insert', { collection: 'demands', doc: demand('d1', scope) });
      await a.call('insert', { collection: 'demands', doc: demand('d2', scope) });
      await a.call('insert', { collection: 'followUps', doc: followUp('f1', scope, 'd1', '已上门查看') });
      await a.syncUntilDone();
      for (const d of [b, c]) await d.syncUntilDone();
      for (const d of [b, c]) expect((await d.call<Dump>('dump'))['demands']).toHaveLength(2);

      for (const d of devices) await d.call('offline', { offline: true });
      await a.call('patch', { collection: 'demands', id: 'd1', patch: { title: '甲设备的标题' } });
      await a.call('patch', { collection: 'demands', id: 'd2', patch: { urgency: 'urgent' } });
      await b.call('patch', {
        collection: 'demands',
        id: 'd1',
        patch: { title: '乙设备的标题', status: 'accepted' },
      });
      await b.call('insert', { collection: 'demands', doc: demand('d3', scope, { title: '乙离线新增' }) });
      await c.call('patch', { collection: 'demands', id: 'd1', patch: { description: '丙补充的描述' } });
      await c.call('remove', { collection: 'demands', id: 'd2' });
      await c.call('insert', { collection: 'followUps', doc: followUp('f2', scope, 'd1', '电话回访') });
      for (const d of devices) expect((await d.call<{ state: string }>('status')).state).toBe('offline');

      // One at a time, so the order in which the hub sees the edits is known.
      for (const d of devices) {
        await d.call('offline', { offline: false });
        await d.syncUntilDone();
      }
      for (const d of devices) await d.syncUntilDone();

      const dumps = await Promise.all(devices.map((d) => d.call<Dump>('dump')));
      expect(dumps[1]).toEqual(dumps[0]);
      expect(dumps[2]).toEqual(dumps[0]);
      const dump = dumps[0] as Dump;

      const d1 = byId(dump, 'demands', 'd1') as Doc;
      expect(d1['title']).toBe('甲设备的标题');
      expect(d1['status']).toBe('accepted');
      expect(d1['description']).toBe('丙补充的描述');
      expect(d1['conflicts']).toEqual([
        expect.objectContaining({ field: 'title', localValue: '乙设备的标题', remoteValue: '甲设备的标题' }),
      ]);

      const d2 = byId(dump, 'demands', 'd2') as Doc;
      expect(d2['urgency']).toBe('urgent');
      expect(d2['conflicts']).toEqual([
        expect.objectContaining({ field: '_deleted', localValue: true, remoteValue: false }),
      ]);

      expect(byId(dump, 'demands', 'd3')?.['title']).toBe('乙离线新增');
      expect(dump['followUps']?.map((f) => f['id'])).toEqual(['f1', 'f2']);

      for (const d of devices) {
        const status = await d.call<{ state: string; pending: number }>('status');
        expect(status.pending).toBe(0);
      }

      // A device enrolled afterwards pulls the same state from the hub alone.
      const late = new DeviceProcess('late');
      try {
        await late.call('open', {
          hubUrl: hub.url,
          code: await hub.enrollCode(scope, 'viewer', 'late'),
          name: 'late',
        });
        await late.syncUntilDone();
        expect(await late.call<Dump>('dump')).toEqual(dump);
      } finally {
        await late.dispose();
      }
    });

    it('settles a conflict chosen by a person on one device for every device', async () => {
      await b.call('resolve', { collection: 'demands', id: 'd1', field: 'title', choice: 'local' });
      await b.syncUntilDone();
      for (const d of [a, c]) await d.syncUntilDone();
      const dumps = await Promise.all(devices.map((d) => d.call<Dump>('dump')));
      for (const dump of dumps) {
        const d1 = byId(dump, 'demands', 'd1') as Doc;
        expect(d1['title']).toBe('乙设备的标题');
        expect(d1['conflicts']).toEqual([]);
      }
      expect(dumps[1]).toEqual(dumps[0]);
      expect(dumps[2]).toEqual(dumps[0]);
    });

    it('streams a new document to the other devices without 立即同步', async () => {
      await c.call('insert', { collection: 'demands', doc: demand('live-1', scope) });
      const deadline = Date.now() + 15_000;
      let seen: string[] = [];
      while (Date.now() < deadline) {
        const dumps = await Promise.all([a, b].map((d) => d.call<Dump>('dump')));
        seen = dumps.filter((dump) => byId(dump, 'demands', 'live-1')).map((_, i) => String(i));
        if (seen.length === 2) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(seen).toHaveLength(2);
    });
  });
}
