// Photos travel end to end: device A puts a photo on a demand, the hub stores the bytes once the
// demand is acknowledged, device B of the same community receives the identical bytes, and a
// device of another community can neither fetch them nor learn that the demand exists.

import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, freshScope } from './sync-support/backends';
import { demand } from './sync-support/docs';
import { DeviceProcess, HubProcess, wait } from './sync-support/processes';

type Photo = { base64: string; digest: string; type: string } | null;

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await wait(150);
  }
}

for (const backend of BACKENDS) {
  describe.runIf(backend.enabled)(`photo attachments between devices (${backend.name})`, () => {
    const hub = new HubProcess(backend.databaseUrl ? { databaseUrl: backend.databaseUrl } : {});
    const scope = freshScope();
    const otherScope = freshScope();
    const a = new DeviceProcess('a');
    const b = new DeviceProcess('b');
    const c = new DeviceProcess('c');
    // Not a real JPEG, but the hub and the devices only care about the bytes and their digest.
    const bytes = randomBytes(300_000).toString('base64');

    beforeAll(async () => {
      await hub.start();
      for (const [device, s] of [
        [a, scope],
        [b, scope],
        [c, otherScope],
      ] as const) {
        await device.call('open', {
          hubUrl: hub.url,
          code: await hub.enrollCode(s, 'community-worker', device === c ? 'c' : device === a ? 'a' : 'b'),
          name: device === c ? 'c' : device === a ? 'a' : 'b',
        });
      }
    });

    afterAll(async () => {
      await Promise.all([a.dispose(), b.dispose(), c.dispose()]);
      await hub.dispose();
    });

    it('delivers the identical bytes to a device of the same community', async () => {
      await a.call('insert', { collection: 'demands', doc: demand('with-photo', scope) });
      const put = await a.call<{ digest: string; length: number }>('putPhoto', {
        collection: 'demands',
        id: 'with-photo',
        attId: 'photo-0',
        base64: bytes,
      });
      expect(put.length).toBe(300_000);
      await a.syncUntilDone();
      await b.syncUntilDone();
      const received = await until(
        () => b.call<Photo>('readPhoto', { collection: 'demands', id: 'with-photo', attId: 'photo-0' }),
        (p) => p !== null,
      );
      expect(received).toEqual({ base64: bytes, digest: put.digest, type: 'image/jpeg' });
      expect(await a.call('photosSettled')).toBe(0);
      expect(await b.call('photosSettled')).toBe(0);
    });

    it('keeps the photo on both devices when another device edits the demand', async () => {
      await b.call('patch', { collection: 'demands', id: 'with-photo', patch: { urgency: 'urgent' } });
      await b.syncUntilDone();
      await a.syncUntilDone();
      const dump = await a.call<Record<string, Array<Record<string, unknown>>>>('dump');
      expect(dump['demands']?.find((d) => d['id'] === 'with-photo')?.['urgency']).toBe('urgent');
      const kept = await a.call<Photo>('readPhoto', {
        collection: 'demands',
        id: 'with-photo',
        attId: 'photo-0',
      });
      expect(kept?.base64).toBe(bytes);
    });

    it('refuses the bytes to a device of another community', async () => {
      const put = await b.call<Photo>('readPhoto', {
        collection: 'demands',
        id: 'with-photo',
        attId: 'photo-0',
      });
      const args = { collection: 'demands', id: 'with-photo', attId: 'photo-0', digest: put?.digest };
      expect((await b.call<{ status: number }>('fetchPhoto', args)).status).toBe(200);
      const foreign = await c.call<{ status: number; body: string }>('fetchPhoto', args);
      expect(foreign.status).toBe(404);
      expect(Buffer.from(foreign.body, 'base64').toString()).toMatch(/not_found/);
      await c.syncUntilDone();
      const dump = await c.call<Record<string, Array<Record<string, unknown>>>>('dump');
      expect(dump['demands']?.map((d) => d['id'])).not.toContain('with-photo');
    });
  });
}
