import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActorRole } from '#shared/domain/vocab';
import { attachmentPath } from '#shared/protocol/attachments';
import { startHub } from '../hub';
import type { RunningHub } from '../hub';
import { silentLogger } from '../log';
import { generateDeviceId, hashEnrollCode, hashToken } from '../secrets';
import { openPgliteStore } from '../store/store';
import { validDoc } from '../testing/fixtures';

const NOW = new Date('2026-03-02T10:00:00.000Z');
const PHOTO = Buffer.from('\xff\xd8\xff\xe0 a small jpeg-like photo \xff\xd9', 'latin1');
const DIGEST = createHash('sha256').update(PHOTO).digest('hex');
const ENTRY = { id: 'photo-0', digest: DIGEST, type: 'image/jpeg', length: PHOTO.length };

let hub: RunningHub;

/** A device enrolled straight in the store; `localId`: the id it set itself up with before. */
async function device(scope: string, role: ActorRole, localId?: string): Promise<string> {
  const code = `code-${scope}-${role}`;
  const token = `token-${scope}-${role}`;
  const later = new Date(NOW.getTime() + 3_600_000);
  await hub.context.store.createEnrollCode({
    codeHash: hashEnrollCode(code),
    scope,
    role,
    label: role,
    now: NOW,
    expiresAt: later,
  });
  const out = await hub.context.store.redeemEnrollCode({
    codeHash: hashEnrollCode(code),
    deviceId: generateDeviceId(),
    deviceName: role,
    tokenHash: hashToken(token),
    localId: localId ?? null,
    now: NOW,
  });
  expect(out.ok).toBe(true);
  return token;
}

function put(token: string, path: string, body: Buffer, type = 'image/jpeg') {
  return fetch(`${hub.url}${path}`, {
    method: 'PUT',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': type },
    body: new Uint8Array(body),
  });
}

function get(token: string, path: string, digest = DIGEST) {
  return fetch(`${hub.url}${path}?digest=${digest}`, { headers: { Authorization: `Bearer ${token}` } });
}

async function errorCode(res: Response): Promise<string> {
  return ((await res.json()) as { error: { code: string } }).error.code;
}

describe('photo attachment routes', () => {
  let gyj: string;
  let viewer: string;
  let hxdj: string;
  const path = attachmentPath('demands', 'd-1', 'photo-0');

  beforeAll(async () => {
    const store = await openPgliteStore(undefined);
    hub = await startHub({
      store,
      log: silentLogger,
      port: 0,
      host: '127.0.0.1',
      adminSecret: null,
      clock: () => NOW,
    });
    // The fixtures' documents are written under dev-1: this device set itself up as dev-1.
    gyj = await device('xg.gyj', 'community-worker', 'dev-1');
    viewer = await device('xg.gyj', 'viewer');
    hxdj = await device('xg.hxdj', 'community-worker');
    const push = await fetch(`${hub.url}/v1/sync/demands/push`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${gyj}`, 'Content-Type': 'application/json' },
      body: JSON.stringify([
        {
          newDocumentState: {
            ...validDoc('demands', 'd-1', 'xg.gyj.c1', { photos: [ENTRY] }),
            _deleted: false,
          },
        },
      ]),
    });
    expect(await push.json()).toEqual({ conflicts: [], refused: [] });
  }, 60_000);
  afterAll(async () => {
    await hub?.close();
  });

  it('stores the listed bytes once and serves them to devices of the scope', async () => {
    const first = await put(gyj, path, PHOTO);
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ ok: true, stored: true });
    const again = await put(gyj, path, PHOTO);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ ok: true, stored: false });
    for (const token of [gyj, viewer]) {
      const res = await get(token, path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/jpeg');
      expect(Buffer.from(await res.arrayBuffer()).equals(PHOTO)).toBe(true);
    }
  });

  it('refuses bytes that differ from the entry, unknown entries and foreign types', async () => {
    const wrong = Buffer.from(PHOTO);
    wrong[3] = 0;
    const mismatch = await put(gyj, path, wrong);
    expect(mismatch.status).toBe(409);
    expect(await errorCode(mismatch)).toBe('attachment_mismatch');
    const unlisted = await put(gyj, attachmentPath('demands', 'd-1', 'photo-9'), PHOTO);
    expect(unlisted.status).toBe(409);
    const png = await put(gyj, path, PHOTO, 'image/png');
    expect(png.status).toBe(409);
    const text = await put(gyj, path, PHOTO, 'text/plain');
    expect(text.status).toBe(400);
  });

  it('hides documents of other scopes and unknown documents alike', async () => {
    const foreignGet = await get(hxdj, path);
    expect(foreignGet.status).toBe(404);
    expect(await errorCode(foreignGet)).toBe('not_found');
    const foreignPut = await put(hxdj, path, PHOTO);
    expect(foreignPut.status).toBe(404);
    const unknown = await put(gyj, attachmentPath('demands', 'nope', 'photo-0'), PHOTO);
    expect(unknown.status).toBe(404);
    const otherCollection = await put(gyj, attachmentPath('meetings', 'd-1', 'photo-0'), PHOTO);
    expect(otherCollection.status).toBe(404);
    const notACollection = await get(gyj, attachmentPath('nothing', 'd-1', 'photo-0'));
    expect(await errorCode(notACollection)).toBe('unknown_collection');
  });

  it('refuses writers beyond their role, oversized bodies, bad digests and strangers', async () => {
    expect((await put(viewer, path, PHOTO)).status).toBe(403);
    const big = await put(gyj, path, Buffer.alloc(10 * 1024 * 1024 + 1));
    expect(big.status).toBe(413);
    expect(await errorCode(big)).toBe('too_large');
    expect((await get(gyj, path, 'abc')).status).toBe(400);
    expect((await get(gyj, path, '0'.repeat(64))).status).toBe(404);
    expect((await put('nobody', path, PHOTO)).status).toBe(401);
    const post = await fetch(`${hub.url}${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${gyj}` },
    });
    expect(post.status).toBe(405);
  });
});
