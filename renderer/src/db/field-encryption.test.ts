import { afterEach, describe, expect, it } from 'vitest';
import { fillWithDefaultSettings, getChangedDocumentsSince, now } from 'rxdb';
import type { RxJsonSchema, RxStorageInstance } from 'rxdb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { fieldEncryptionStorage } from './field-encryption';

const PASSWORD = 'device-key-0123456789';
/** Sealed by the XChaCha20-Poly1305 cipher this replaced (PASSWORD, database 'yishi'). */
const V1_PHONE = 'y1:Sr5dEaM24rdcRtrmjKRaFvKA/nBoMINGlTfWmJe9IsuwIBPEOGsBLiQV1G3fivppS4OufnM=';

type Row = Record<string, unknown>;
type Instance = RxStorageInstance<Row, unknown, unknown, unknown> & { originalStorageInstance: Instance };

const schema = fillWithDefaultSettings({
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: { id: { type: 'string', maxLength: 40 }, name: { type: 'string' }, phone: { type: 'string' } },
  required: ['id'],
  encrypted: ['phone'],
} as RxJsonSchema<Row>);

const opened: Instance[] = [];
afterEach(async () => {
  for (const i of opened.splice(0)) await i.remove();
});

async function people(collectionName = `people${Math.random().toString(36).slice(2)}`): Promise<Instance> {
  const instance = (await fieldEncryptionStorage(getRxStorageMemory()).createStorageInstance({
    databaseName: 'yishi',
    collectionName,
    databaseInstanceToken: 'token',
    multiInstance: false,
    options: {},
    schema: schema as never,
    password: PASSWORD,
    devMode: false,
  })) as unknown as Instance;
  opened.push(instance);
  return instance;
}

let rev = 0;
const row = (id: string, phone?: string, name = id): Row => ({
  id,
  name,
  ...(phone === undefined ? {} : { phone }),
  _deleted: false,
  _attachments: {},
  _rev: `${(rev += 1)}-abc`,
  _meta: { lwt: now() },
});

describe('field encryption storage', () => {
  it('stores PII fields sealed and gives them back open on every read', async () => {
    const store = await people();
    const docs = Array.from({ length: 300 }, (_, i) => row(`p${i}`, `1390000${String(i).padStart(4, '0')}`));
    docs.push(row('nophone'));
    expect((await store.bulkWrite(docs.map((document) => ({ document })) as never, 'test')).error).toEqual(
      [],
    );
    const raw = await store.originalStorageInstance.findDocumentsById(['p7', 'nophone'], false);
    const p7 = raw.find((d) => d['id'] === 'p7')!;
    expect(p7['phone']).toMatch(/^y2:/);
    expect(JSON.stringify(raw)).not.toContain('13900000007');
    expect(raw.find((d) => d['id'] === 'nophone')).not.toHaveProperty('phone');
    const found = await store.findDocumentsById(['p7'], false);
    expect(found[0]).toMatchObject({ id: 'p7', phone: '13900000007' });
    const changed = await getChangedDocumentsSince(store as never, 1000);
    expect(changed.documents.map((d) => (d as Row)['phone'])).toEqual(docs.map((d) => d['phone']));
  });

  it('opens rows stored with the earlier XChaCha20 sealing and updates them sealed the new way', async () => {
    // A y1 value is bound to its collection's name.
    const store = await people('people');
    const old = row('p1', V1_PHONE);
    await store.originalStorageInstance.bulkWrite([{ document: old }] as never, 'test');
    const [read] = await store.findDocumentsById(['p1'], false);
    expect(read!['phone']).toBe('13900001234');
    // The read row as `previous`: the storage finds it current (no conflict).
    const next = { ...read!, name: '张三', _rev: '2-abc' };
    expect((await store.bulkWrite([{ previous: read!, document: next }] as never, 'test')).error).toEqual([]);
    const [raw] = await store.originalStorageInstance.findDocumentsById(['p1'], false);
    expect(raw!['phone']).toMatch(/^y2:/);
    expect((await store.findDocumentsById(['p1'], false))[0]).toMatchObject({
      name: '张三',
      phone: '13900001234',
    });
  });

  it('emits change events with open documents, before the write resolves', async () => {
    const store = await people();
    const events: Row[] = [];
    const sub = store.changeStream().subscribe((bulk) => {
      for (const e of bulk.events)
        events.push({ op: e.operation, doc: e.documentData, prev: e.previousDocumentData });
    });
    const first = row('p1', '13900001234');
    await store.bulkWrite([{ document: first }] as never, 'test');
    expect(events).toEqual([{ op: 'INSERT', doc: first, prev: undefined }]);
    const second = { ...first, phone: '13900005678', _rev: '2-abc' };
    await store.bulkWrite([{ previous: first, document: second }] as never, 'test');
    expect(events[1]).toMatchObject({
      op: 'UPDATE',
      doc: { phone: '13900005678' },
      prev: { phone: '13900001234' },
    });
    sub.unsubscribe();
  });

  it('reports a conflict with the stored document open and the row as written', async () => {
    const store = await people();
    const first = row('p1', '13900001234');
    await store.bulkWrite([{ document: first }] as never, 'test');
    const stale = { ...first, _rev: '9-zzz' };
    const attempt = { previous: stale, document: { ...first, phone: '1', _rev: '10-zzz' } };
    const { error } = await store.bulkWrite([attempt] as never, 'test');
    expect(error).toHaveLength(1);
    expect(error[0]).toMatchObject({ status: 409, documentId: 'p1', writeRow: attempt });
    expect((error[0] as unknown as { documentInDb: Row }).documentInDb['phone']).toBe('13900001234');
  });

  it('refuses a password too short to protect the PII', async () => {
    await expect(
      fieldEncryptionStorage(getRxStorageMemory()).createStorageInstance({
        databaseName: 'yishi',
        collectionName: 'people',
        databaseInstanceToken: 'token',
        multiInstance: false,
        options: {},
        schema: schema as never,
        password: 'short',
        devMode: false,
      }),
    ).rejects.toThrow('至少 8 个字符');
  });
});
