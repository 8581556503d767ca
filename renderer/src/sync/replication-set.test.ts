import { Subject } from 'rxjs';
import { describe, expect, it } from 'vitest';
import type { RxReplicationPullStreamItem } from 'rxdb';
import type { CollectionName } from '#shared/domain/vocab';
import type { Checkpoint } from '#shared/protocol/v1';
import { createStreamRouter } from './replication-set';
import type { LocalAttachmentsLookup } from './handlers';

type Item = RxReplicationPullStreamItem<unknown, Checkpoint>;

function router(lookups = new Map<CollectionName, LocalAttachmentsLookup>()) {
  const seen: Array<[CollectionName, number, unknown[]]> = [];
  const streams = new Map<CollectionName, Subject<Item>>();
  for (const name of ['demands', 'people'] as const) {
    const subject = new Subject<Item>();
    subject.subscribe((item) => {
      if (item !== 'RESYNC') seen.push([name, item.checkpoint.seq, item.documents]);
    });
    streams.set(name, subject);
  }
  return { r: createStreamRouter(streams, lookups, () => false), seen };
}

const change = (collection: CollectionName, seq: number, id = `d${seq}`) => ({
  collection,
  documents: [{ id, _deleted: false }] as never[],
  checkpoint: { seq },
});

describe('the stream router', () => {
  it('never goes back behind a pull or an earlier event of the same collection', () => {
    const { r, seen } = router();
    r.notePulled('demands', 10);
    r.deliver(change('demands', 9));
    r.deliver(change('demands', 11));
    r.deliver(change('demands', 11));
    r.deliver(change('people', 3));
    r.notePulled('people', 2);
    r.deliver(change('people', 4));
    expect(seen.map(([c, s]) => `${c}@${s}`)).toEqual(['demands@11', 'people@3', 'people@4']);
  });

  it('keeps the order of a collection while the attachments lookup answers out of order', async () => {
    const delays = [30, 0];
    const lookups = new Map<CollectionName, LocalAttachmentsLookup>([
      [
        'demands',
        async (ids) => {
          await new Promise((resolve) => setTimeout(resolve, delays.shift() ?? 0));
          return new Map(ids.map((id) => [id, { 'p.jpg': { digest: 'x', length: 1, type: 'image/jpeg' } }]));
        },
      ],
    ]);
    const { r, seen } = router(lookups);
    const withPhoto = (seq: number) => ({
      ...change('demands', seq),
      documents: [{ id: `d${seq}`, photos: ['p.jpg'], _deleted: false }] as never[],
    });
    r.deliver(withPhoto(1));
    r.deliver(withPhoto(2));
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(seen.map(([, s]) => s)).toEqual([1, 2]);
    expect(seen[0]![2]).toEqual([expect.objectContaining({ _attachments: expect.any(Object) })]);
  });
});
