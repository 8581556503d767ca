import { afterEach, describe, expect, it } from 'vitest';
import { addRxPlugin, createRxDatabase } from 'rxdb';
import type { RxCollection, RxDatabase } from 'rxdb';
import { RxDBAttachmentsPlugin } from 'rxdb/plugins/attachments';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { photosProp } from '#shared/schema/photos';
import { startAttachmentMover } from './attachment-mover';
import type { AttachmentMover } from './attachment-mover';
import { sha256Hex } from './attachment-http';
import type { HubError } from './http';
import { MemoryUploadedAttachmentStore } from './uploaded-store';

addRxPlugin(RxDBAttachmentsPlugin);

const schema = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: { id: { type: 'string', maxLength: 64 }, scope: { type: 'string' }, photos: photosProp },
  required: ['id', 'scope'],
  attachments: {},
} as const;

const BYTES = new Uint8Array(Array.from({ length: 2048 }, (_, i) => (i * 7) % 256));
let db: RxDatabase | undefined;
let mover: AttachmentMover | undefined;

afterEach(async () => {
  mover?.stop();
  await db?.remove();
});

async function setup(handler: (url: string, init?: RequestInit) => Response | Promise<Response>) {
  db = await createRxDatabase({
    name: `mover${Math.random().toString(36).slice(2)}`,
    storage: getRxStorageMemory(),
  });
  await db.addCollections({ demands: { schema } });
  const demands = db.collections['demands'] as RxCollection<unknown>;
  const uploaded = new MemoryUploadedAttachmentStore();
  const fatal: HubError[] = [];
  const pending: number[] = [];
  mover = startAttachmentMover({
    collections: new Map([['demands', demands]]),
    http: {
      fetchImpl: async (u, i) => handler(u, i),
      hubUrl: 'http://hub',
      token: 't',
      signal: new AbortController().signal,
      timeoutMs: 5_000,
    },
    uploaded,
    gate: async () => undefined,
    random: () => 0,
    backoff: { baseMs: 20, capMs: 40 },
    onPending: (n) => pending.push(n),
    onFatal: (e) => fatal.push(e),
  });
  return { demands, uploaded, fatal, pending };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const error = (status: number, code: string) => json(status, { error: { code, message: '…' } });

async function until(check: () => boolean | Promise<boolean>) {
  for (let i = 0; i < 200 && !(await check()); i += 1) await new Promise((r) => setTimeout(r, 20));
  expect(await check()).toBe(true);
}

describe('attachment mover', () => {
  it('uploads a listed photo once the hub has the document, and only once', async () => {
    const puts: Array<{ url: string; size: number; type: string }> = [];
    let acknowledged = false;
    const { demands, uploaded } = await setup(async (url, init) => {
      if (init?.method !== 'PUT') return error(404, 'not_found');
      const body = init.body as Uint8Array;
      puts.push({
        url,
        size: body.byteLength,
        type: (init.headers as Record<string, string>)['content-type'] ?? '',
      });
      return acknowledged ? json(201, { ok: true, stored: true }) : error(409, 'attachment_mismatch');
    });
    const doc = await demands.insert({ id: 'd1', scope: 'xg.gyj' });
    const att = await doc.putAttachment({ id: 'photo-0', data: new Blob([BYTES]), type: 'image/jpeg' });
    expect(att.digest).toBe(await sha256Hex(BYTES));
    await doc.getLatest().incrementalPatch({
      photos: [{ id: 'photo-0', digest: att.digest, type: 'image/jpeg', length: BYTES.length }],
    } as never);
    await until(() => puts.length >= 1);
    acknowledged = true;
    mover?.nudge('demands', 'd1');
    await until(() => uploaded.has(`demands/d1/photo-0/${att.digest}`));
    await mover?.settled();
    const count = puts.length;
    expect(puts.at(-1)).toEqual({
      url: 'http://hub/v1/sync/demands/d1/attachments/photo-0',
      size: 2048,
      type: 'image/jpeg',
    });
    mover?.nudge('demands', 'd1');
    await mover?.settled();
    expect(puts.length).toBe(count);
  });

  it('downloads a missing photo and refuses bytes whose digest differs', async () => {
    const digest = await sha256Hex(BYTES);
    let corrupt = true;
    const gets: string[] = [];
    const { demands, pending } = await setup((url) => {
      gets.push(url);
      const bytes = corrupt ? BYTES.map((b) => b ^ 1) : BYTES;
      return new Response(bytes, { status: 200, headers: { 'content-type': 'image/png' } });
    });
    await demands.insert({
      id: 'd2',
      scope: 'xg.gyj',
      photos: [{ id: 'p', digest, type: 'image/png', length: BYTES.length }],
    });
    await until(() => gets.length >= 2);
    expect((await demands.findOne('d2').exec())?.getAttachment('p')).toBeNull();
    expect(pending).toContain(1);
    expect(gets[0]).toBe(`http://hub/v1/sync/demands/d2/attachments/p?digest=${digest}`);
    corrupt = false;
    await until(async () => (await demands.findOne('d2').exec())?.getAttachment('p') !== null);
    const att = (await demands.findOne('d2').exec())?.getAttachment('p');
    expect(att?.digest).toBe(digest);
    expect(new Uint8Array(await (await att!.getData()).arrayBuffer())).toEqual(BYTES);
    await mover?.settled();
    expect(pending.at(-1)).toBe(0);
  });

  it('hands a revoked answer to the client', async () => {
    const { demands, fatal } = await setup(() => error(401, 'revoked'));
    await demands.insert({
      id: 'd3',
      scope: 'xg.gyj',
      photos: [{ id: 'p', digest: 'a'.repeat(64), type: 'image/jpeg', length: 1 }],
    });
    await until(() => fatal.length > 0);
    expect(fatal[0]?.code).toBe('revoked');
  });
});
