// A revoked device is refused on its next request and told to wipe (onRevoked); rows the hub
// refuses (outside the device's scope) are kept on the device with the hub's Chinese reason while
// the rest of the batch applies; a hub restart in the middle of a large push loses nothing.

import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { DeviceProcess, HubProcess, wait } from './sync-support/processes';
import { BACKENDS, freshScope } from './sync-support/backends';
import { demand } from './sync-support/docs';

type Dump = Record<string, Array<Record<string, unknown>>>;

async function until(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await wait(100);
  }
  throw new Error('condition not met in time');
}

for (const backend of BACKENDS) {
  describe.runIf(backend.enabled)(`revocation, refusal and hub restarts (${backend.name})`, () => {
    const hub = new HubProcess(backend.databaseUrl ? { databaseUrl: backend.databaseUrl } : {});
    const scope = freshScope();
    const a = new DeviceProcess('a');
    const b = new DeviceProcess('b');
    let aId = '';

    beforeAll(async () => {
      await hub.start();
      const opened = await a.call<{ deviceId: string }>('open', {
        hubUrl: hub.url,
        code: await hub.enrollCode(scope, 'community-worker', 'a'),
        name: 'a',
      });
      aId = opened.deviceId;
      await b.call('open', {
        hubUrl: hub.url,
        code: await hub.enrollCode(scope, 'community-worker', 'b'),
        name: 'b',
      });
    });

    afterAll(async () => {
      await Promise.all([a.dispose(), b.dispose()]);
      await hub.dispose();
    });

    it('keeps a refused row with its reason and applies the rest of the batch', async () => {
      await a.call('offline', { offline: true });
      await a.call('insert', { collection: 'demands', doc: demand('inside', scope) });
      await a.call('insert', { collection: 'demands', doc: demand('outside', 'xg.elsewhere') });
      await a.call('offline', { offline: false });
      await a.syncUntilDone();
      const refused =
        await a.call<Array<{ id: string; collection: string; code: string; reason: string }>>('refused');
      expect(refused).toEqual([
        expect.objectContaining({ id: 'outside', collection: 'demands', code: 'scope' }),
      ]);
      expect(refused[0]?.reason).toMatch(/[\u4e00-\u9fa5]/);
      expect((await a.call<{ refusedCount: number }>('status')).refusedCount).toBe(1);
      await b.syncUntilDone();
      const ids = (await b.call<Dump>('dump'))['demands']?.map((d) => d['id']);
      expect(ids).toContain('inside');
      expect(ids).not.toContain('outside');
    });

    it('loses nothing when the hub restarts in the middle of a large push', async () => {
      await a.call('offline', { offline: true });
      const ids = Array.from({ length: 600 }, (_, i) => `bulk-${i}`);
      for (const id of ids) await a.call('insert', { collection: 'demands', doc: demand(id, scope) });
      await a.call('offline', { offline: false });
      // Restart once the push is under way: some rows acknowledged, others not yet.
      await until(async () => {
        const status = await a.call<{ pending: number }>('status');
        return status.pending < ids.length;
      });
      await hub.restart();
      await a.syncUntilDone(90_000);
      expect((await a.call<{ pending: number }>('status')).pending).toBe(0);
      await b.syncUntilDone(90_000);
      const atB = new Set((await b.call<Dump>('dump'))['demands']?.map((d) => d['id']));
      expect(ids.filter((id) => !atB.has(id))).toEqual([]);
      const acked = await a.call<Array<{ doc: { id: string } }>>('acknowledged');
      expect(acked.filter((r) => !atB.has(r.doc.id) && r.doc.id !== 'outside')).toEqual([]);
    });

    it('stops a revoked device on its next request and calls onRevoked', async () => {
      await hub.revoke(aId);
      await a.call('insert', { collection: 'demands', doc: demand('after-revoke', scope) });
      await until(async () => a.revoked, 30_000);
      expect((await a.call<{ state: string; error: string }>('status')).state).toBe('revoked');
      await expect(a.call('syncNow')).rejects.toThrow('停用');
      // The other device carries on, and never sees the revoked device's late write.
      await b.syncUntilDone();
      expect((await b.call<Dump>('dump'))['demands']?.map((d) => d['id'])).not.toContain('after-revoke');
    });
  });
}
