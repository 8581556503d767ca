import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Doc } from '#shared/protocol/v1';
import { openPgliteDriver } from '../db/pglite-driver';
import type { Driver } from '../db/driver';
import { validDoc } from '../testing/fixtures';
import { pullDocuments, pullNewestDocuments } from './documents-sql';
import { storeOverDriver } from './store';
import type { Store } from './store';

// Six demands of about 3 KB each and one of about 30 KB in the middle.
const SIZES = [3, 3, 30, 3, 3, 3].map((kb) => 'x'.repeat(kb * 1000));

describe('a pull page stops at its byte budget', () => {
  let driver: Driver;
  let store: Store;
  beforeAll(async () => {
    driver = await openPgliteDriver(undefined);
    store = await storeOverDriver(driver);
    const docs = SIZES.map((text, i) => ({
      collection: 'demands' as const,
      doc: {
        ...validDoc('demands', `d${i + 1}`, 'xg.gyj', { description: text }),
        _deleted: false,
      } as unknown as Doc,
    }));
    await store.seed(docs, () => false);
  }, 60_000);
  afterAll(() => store.close());

  const ids = (docs: Doc[]) => docs.map((d) => d.id);

  it('answers the documents under the budget, says more follow, and goes on from its checkpoint', async () => {
    const first = await pullDocuments(driver, 'demands', 'xg', 0, 100, 10_000);
    expect(ids(first.documents)).toEqual(['d1', 'd2', 'd3']);
    expect(first.more).toBe(true);
    // A document larger than the whole budget still comes, alone, so a pull always moves on.
    const second = await pullDocuments(driver, 'demands', 'xg', first.checkpoint.seq, 100, 1_000);
    expect(ids(second.documents)).toEqual(['d4']);
    expect(second.more).toBe(true);
    const last = await pullDocuments(driver, 'demands', 'xg', second.checkpoint.seq, 100, 10_000);
    expect(ids(last.documents)).toEqual(['d5', 'd6']);
    expect(last.more).toBeUndefined();
  });

  it('says nothing of more when the limit, not the budget, ended the page', async () => {
    const page = await pullDocuments(driver, 'demands', 'xg', 0, 2);
    expect(ids(page.documents)).toEqual(['d1', 'd2']);
    expect(page.more).toBeUndefined();
  });

  it('cuts newest-first pages the same way', async () => {
    const first = await pullNewestDocuments(driver, 'demands', 'xg', null, 100, 10_000);
    expect(ids(first.documents)).toEqual(['d6', 'd5', 'd4']);
    expect(first.more).toBe(true);
    const next = await pullNewestDocuments(driver, 'demands', 'xg', first.low, 100, 40_000);
    expect(ids(next.documents)).toEqual(['d3', 'd2', 'd1']);
    expect(next.more).toBeUndefined();
  });
});
