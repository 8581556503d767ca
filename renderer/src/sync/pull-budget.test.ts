import { describe, it, expect } from 'vitest';
import { createReplicationHandlers } from './handlers';
import type { HandlerContext } from './handlers';
import { createSyncSession } from './sync-session';

// A hub holding seq 1..7 that cuts every answer after two documents (its byte budget) and says so.
const HELD = [1, 2, 3, 4, 5, 6, 7].map((seq) => ({
  id: `d${seq}`,
  seq,
  title: `第${seq}条`,
  _deleted: false,
}));
const CUT = 2;

function hub(asked: string[]): HandlerContext['fetchImpl'] {
  return (url) => {
    const u = new URL(url);
    asked.push(`${u.searchParams.get('order') ?? 'oldest'} ${u.search}`);
    const limit = Number(u.searchParams.get('limit'));
    const newest = u.searchParams.get('order') === 'newest';
    const from = newest
      ? HELD.filter((d) => d.seq < Number(u.searchParams.get('before') ?? Infinity)).reverse()
      : HELD.filter((d) => d.seq > Number(u.searchParams.get('checkpoint') ?? 0));
    const wanted = from.slice(0, limit);
    const page = wanted.slice(0, CUT);
    const more = page.length < wanted.length ? { more: true } : {};
    const seqs = page.map((d) => d.seq);
    const body = newest
      ? {
          order: 'newest',
          documents: page,
          high: seqs[0] ?? null,
          low: seqs[seqs.length - 1] ?? null,
          ...more,
        }
      : { documents: page, checkpoint: { seq: seqs[seqs.length - 1] ?? 0 }, ...more };
    return Promise.resolve(new Response(JSON.stringify(body), { status: 200 }));
  };
}

function handlers(asked: string[]) {
  return createReplicationHandlers({
    collection: 'demands',
    session: createSyncSession(),
    hubUrl: 'http://hub.test',
    token: 't',
    fetchImpl: hub(asked),
    signal: new AbortController().signal,
    timeoutMs: 1000,
    gate: () => Promise.resolve(),
    nowIso: () => '2026-12-05T09:00:00.000Z',
    onSuccess: () => undefined,
    onError: () => undefined,
    onPulled: () => undefined,
    onRefused: () => Promise.resolve(),
    withAttachments: false,
  });
}

const ids = (docs: unknown[]) => docs.map((d) => (d as { id: string }).id);

describe('a pull page the hub cut at its byte budget', () => {
  it('is completed before RxDB sees it, so its pull loop does not stop at a short page', async () => {
    const asked: string[] = [];
    const page = await handlers(asked).pull(undefined, 5);
    expect(ids(page.documents)).toEqual(['d1', 'd2', 'd3', 'd4', 'd5']);
    expect(page.checkpoint).toEqual({ seq: 5 });
    expect(asked).toEqual([
      'oldest ?limit=5',
      'oldest ?limit=3&checkpoint=2',
      'oldest ?limit=1&checkpoint=4',
    ]);
    // The last page is short because the hub has no more, not because it was cut.
    const rest = await handlers([]).pull({ seq: 5 }, 5);
    expect(ids(rest.documents)).toEqual(['d6', 'd7']);
  });

  it('is completed newest first too, continuing below the lowest document received', async () => {
    const asked: string[] = [];
    const page = await handlers(asked).pullNewest(null, 4);
    if (page === 'oldest-only') throw new Error('expected a newest-first page');
    expect(ids(page.documents)).toEqual(['d7', 'd6', 'd5', 'd4']);
    expect([page.high, page.low]).toEqual([7, 4]);
    expect(asked).toEqual(['newest ?order=newest&limit=4', 'newest ?order=newest&limit=2&before=6']);
  });
});
