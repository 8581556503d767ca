// Photo attachments against a real hub process, on PGlite and (with YISHI_TEST_PG_URL) on
// PostgreSQL: bytes are stored only when they match the hub's document, survive a restart, are
// served only inside the scope, and every hostile request gets the protocol's JSON error.

import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentPath } from '#shared/protocol/attachments';
import { BACKENDS } from '../../hub/src/testing/backends';
import type { BackendSetup } from '../../hub/src/testing/backends';
import { deviceClient } from '../../hub/src/testing/client';
import { validDoc } from '../../hub/src/testing/fixtures';
import { enrollDevice, freshDataDir, startHubProcess } from '../../hub/src/testing/process';
import type { HubProcess } from '../../hub/src/testing/process';

const PHOTO = randomBytes(64 * 1024);
const DIGEST = createHash('sha256').update(PHOTO).digest('hex');
const PATH = attachmentPath('demands', 'att-1', 'photo-0');

function put(url: string, token: string, path: string, body: Uint8Array, type = 'image/jpeg') {
  return fetch(`${url}${path}`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': type },
    body: new Uint8Array(body),
  });
}

function get(url: string, token: string, path: string, digest = DIGEST) {
  return fetch(`${url}${path}?digest=${digest}`, { headers: { Authorization: `Bearer ${token}` } });
}

async function codeOf(res: Response): Promise<string> {
  return ((await res.json()) as { error: { code: string } }).error.code;
}

for (const backend of BACKENDS) {
  describe.runIf(backend.enabled)(backend.title('photo attachments on the hub'), () => {
    let setup: BackendSetup;
    let hub: HubProcess;
    let dataDir: string;
    let gyj = '';
    let viewer = '';
    let hxdj = '';

    beforeAll(async () => {
      setup = await backend.setup();
      dataDir = await freshDataDir();
      hub = await startHubProcess({ dataDir, env: setup.env });
      gyj = (await enrollDevice(hub, 'xg.gyj', 'community-worker', 'dev-1')).token;
      viewer = (await enrollDevice(hub, 'xg.gyj', 'viewer')).token;
      hxdj = (await enrollDevice(hub, 'xg.hxdj', 'community-worker')).token;
      const photos = [{ id: 'photo-0', digest: DIGEST, type: 'image/jpeg', length: PHOTO.length }];
      const pushed = await deviceClient(hub.url, gyj).push('demands', [
        { newDocumentState: { ...validDoc('demands', 'att-1', 'xg.gyj.c1', { photos }), _deleted: false } },
      ]);
      expect(pushed.body).toEqual({ conflicts: [], refused: [] });
    }, 120_000);
    afterAll(async () => {
      await hub?.stop();
      await setup?.drop();
    });

    it('stores matching bytes idempotently and serves them after a restart', async () => {
      expect((await put(hub.url, gyj, PATH, PHOTO)).status).toBe(201);
      expect((await put(hub.url, gyj, PATH, PHOTO)).status).toBe(200);
      await hub.stop();
      hub = await startHubProcess({ dataDir, env: setup.env });
      for (const token of [gyj, viewer]) {
        const res = await get(hub.url, token, PATH);
        expect(res.status).toBe(200);
        expect(Buffer.from(await res.arrayBuffer()).equals(PHOTO)).toBe(true);
      }
    }, 120_000);

    it('refuses a wrong digest, another scope, an oversized body and an unknown document', async () => {
      const wrong = Buffer.from(PHOTO);
      wrong[0] = (wrong[0] ?? 0) ^ 0xff;
      const mismatch = await put(hub.url, gyj, PATH, wrong);
      expect(mismatch.status).toBe(409);
      expect(await codeOf(mismatch)).toBe('attachment_mismatch');

      const foreignRead = await get(hub.url, hxdj, PATH);
      expect(foreignRead.status).toBe(404);
      expect(await codeOf(foreignRead)).toBe('not_found');
      expect((await put(hub.url, hxdj, PATH, PHOTO)).status).toBe(404);
      expect((await put(hub.url, viewer, PATH, PHOTO)).status).toBe(403);

      const big = await put(hub.url, gyj, PATH, Buffer.alloc(10 * 1024 * 1024 + 1));
      expect(big.status).toBe(413);
      expect(await codeOf(big)).toBe('too_large');

      const unknown = await put(hub.url, gyj, attachmentPath('demands', 'nope', 'photo-0'), PHOTO);
      expect(unknown.status).toBe(404);
      expect((await get(hub.url, gyj, attachmentPath('demands', 'nope', 'photo-0'))).status).toBe(404);
      expect((await put(hub.url, 'not-a-token', PATH, PHOTO)).status).toBe(401);
      // The hub still answers normally after all of that.
      expect((await get(hub.url, gyj, PATH)).status).toBe(200);
    }, 60_000);
  });
}
