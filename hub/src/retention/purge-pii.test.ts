import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Doc } from '#shared/protocol/v1';
import { openPgliteStore } from '../store/store';
import type { Store } from '../store/store';
import { validDoc } from '../testing/fixtures';
import { purgePii } from './purge-pii';

const NOW = new Date('2026-12-05T10:00:00.000Z');
const BEFORE = new Date('2024-01-01T00:00:00.000Z');
const pii = { reporterPhone: '13800000000', addressDetail: '3单元502' };
const doc = (collection: 'demands' | 'people', id: string, fields: Record<string, unknown>) =>
  ({ ...validDoc(collection, id, 'xg.gyj', fields), _deleted: false }) as unknown as Doc;

describe('purge-pii', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openPgliteStore(undefined);
    await store.seed(
      [
        {
          collection: 'demands',
          doc: doc('demands', 'closed-old', {
            ...pii,
            status: 'closed',
            closedAt: '2023-05-01T00:00:00.000Z',
          }),
        },
        {
          collection: 'demands',
          doc: doc('demands', 'closed-new', {
            ...pii,
            status: 'closed',
            closedAt: '2025-05-01T00:00:00.000Z',
          }),
        },
        { collection: 'demands', doc: doc('demands', 'open', pii) },
        {
          collection: 'people',
          doc: doc('people', 'gone', {
            phone: '13900000000',
            idNumber: '110101199001011234',
            active: false,
            updatedAt: '2023-02-01T00:00:00.000Z',
          }),
        },
        {
          collection: 'people',
          doc: doc('people', 'here', {
            phone: '13700000000',
            active: true,
            updatedAt: '2023-02-01T00:00:00.000Z',
          }),
        },
      ],
      () => false,
    );
    await store.driver.transaction(async (tx) => {
      await tx.query(
        `insert into quarantine (at, device_id, collection, doc_id, code, reason, row_json) values
         ('2023-06-01T00:00:00Z', 'd1', 'people', 'x', 'schema', 'r', '{"phone":"13900000000"}'),
         ('2026-06-01T00:00:00Z', 'd1', 'people', 'y', 'schema', 'r', '{}')`,
      );
    });
  });
  afterAll(() => store.close());

  it('strips PII past retention only, as new changes devices pull, and drops old quarantine rows', async () => {
    const seqBefore = await store.maxSeq();
    const outcome = await purgePii(store, BEFORE, 'cli:test', NOW);
    expect(outcome).toEqual({ before: BEFORE.toISOString(), documents: 2, quarantine: 1 });
    const closedOld = await store.document('demands', 'closed-old');
    expect(closedOld).not.toHaveProperty('reporterPhone');
    expect(closedOld).not.toHaveProperty('addressDetail');
    expect(closedOld).toMatchObject({ title: expect.any(String) as string, updatedAt: NOW.toISOString() });
    expect(await store.document('people', 'gone')).not.toHaveProperty('idNumber');
    for (const [collection, id] of [
      ['demands', 'closed-new'],
      ['demands', 'open'],
      ['people', 'here'],
    ] as const)
      expect(Object.keys((await store.document(collection, id)) ?? {}), id).toEqual(
        expect.arrayContaining(collection === 'demands' ? ['reporterPhone'] : ['phone']),
      );
    // Devices pull the stripped states: they carry new sequence numbers.
    const changes = await store.changesSince(seqBefore, 100);
    expect(changes.map((c) => c.doc.id).sort()).toEqual(['closed-old', 'gone']);
    expect((await store.quarantineRecords({ limit: 10 })).map((r) => r.docId)).toEqual(['y']);
    // A second run finds nothing left to strip.
    expect((await purgePii(store, BEFORE, 'cli:test', NOW)).documents).toBe(0);
  });

  it('keeps no PII of a document once it is deleted', async () => {
    await store.seed(
      [{ collection: 'demands', doc: { ...doc('demands', 'del', pii), _deleted: true } }],
      () => false,
    );
    const stored = await store.document('demands', 'del');
    expect(stored).toMatchObject({ _deleted: true });
    expect(stored).not.toHaveProperty('reporterPhone');
  });
});
