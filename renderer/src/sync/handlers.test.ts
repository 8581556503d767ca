import { describe, it, expect } from 'vitest';
import { withLocalAttachments } from './handlers';

const stub = { 'p1.jpg': { digest: 'md5-abc', length: 3, type: 'image/jpeg' } };

describe('withLocalAttachments', () => {
  it('gives pulled states that list photos the stubs the device holds', async () => {
    const asked: string[][] = [];
    const lookup = (ids: string[]) => {
      asked.push(ids);
      return Promise.resolve(new Map([['d1', stub]]));
    };
    const docs = [{ id: 'd1', photos: [{ id: 'p1.jpg' }] }, { id: 'd2', photos: [] }, { id: 'd3' }];
    const out = await withLocalAttachments(docs, lookup);
    expect(asked).toEqual([['d1']]);
    expect(out[0]).toEqual({ ...docs[0], _attachments: stub });
    expect(out[1]).toBe(docs[1]);
    expect(out[2]).toBe(docs[2]);
  });

  it('reads nothing when no pulled state lists a photo', async () => {
    let asked = 0;
    const docs = [{ id: 'd2' }, { id: 'd3', photos: [] }];
    const out = await withLocalAttachments(docs, () => {
      asked += 1;
      return Promise.resolve(new Map());
    });
    expect(asked).toBe(0);
    expect(out).toBe(docs);
  });
});
