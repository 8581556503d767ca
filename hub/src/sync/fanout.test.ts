import type { ServerResponse } from 'node:http';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Doc, StreamChange } from '#shared/protocol/v1';
import { silentLogger } from '../log';
import type { ChangeNotice, ChangedDoc, Store } from '../store/store';
import { MAX_STREAMS_PER_DEVICE, startFanout } from './fanout';

function fakeStore(changes: ChangedDoc[]) {
  let notify: (n: ChangeNotice) => void = () => undefined;
  const store = {
    subscribe: async (onNotice: (n: ChangeNotice) => void) => {
      notify = onNotice;
      return async () => undefined;
    },
    maxSeq: async () => 0,
    changesSince: async (seq: number, limit: number) => changes.filter((c) => c.seq > seq).slice(0, limit),
  } as unknown as Store;
  return { store, notify: (n: ChangeNotice) => notify(n) };
}

function stream() {
  const res = new PassThrough();
  let text = '';
  res.setEncoding('utf8').on('data', (c: string) => (text += c));
  const events = () =>
    text
      .split('\n\n')
      .filter((b) => b.startsWith('event: '))
      .map((b) => ({
        event: b.split('\n')[0]?.slice(7),
        data: JSON.parse(b.split('\n')[1]?.slice(6) ?? 'null') as unknown,
      }));
  return { res: res as unknown as ServerResponse, events, ended: () => res.writableEnded };
}

const change = (seq: number, collection: string, scope: string): ChangedDoc => ({
  seq,
  collection,
  doc: { id: `${collection}-${seq}`, scope, _deleted: false } as Doc,
});

describe('fan-out', () => {
  it('sends RESYNC on attach, then each stream only the documents its device may see', async () => {
    const changes = [
      change(1, 'demands', 'xg.gyj.c1'),
      change(2, 'demands', 'xg.hxdj'),
      change(3, 'places', 'xg'),
      change(4, 'demands', 'xg'),
    ];
    const { store, notify } = fakeStore(changes);
    const fanout = await startFanout(store, silentLogger, 60_000);
    const gyj = stream();
    const hxdj = stream();
    fanout.attach({ id: 'dev-gyj', scope: 'xg.gyj', role: 'community-worker' }, gyj.res);
    fanout.attach({ id: 'dev-hxdj', scope: 'xg.hxdj', role: 'community-worker' }, hxdj.res);
    notify({ t: 'docs', maxSeq: 4 });
    await new Promise((r) => setTimeout(r, 50));
    const sent = gyj.events();
    expect(sent[0]).toEqual({ event: 'resync', data: {} });
    const ids = sent.slice(1).flatMap((e) => (e.data as StreamChange).documents.map((d) => d.id));
    expect(ids.sort()).toEqual(['demands-1', 'places-3']);
    const theirs = hxdj
      .events()
      .slice(1)
      .flatMap((e) => (e.data as StreamChange).documents.map((d) => d.id));
    expect(theirs.sort()).toEqual(['demands-2', 'places-3']);
    const demands = sent.find((e) => (e.data as StreamChange).collection === 'demands')?.data as StreamChange;
    expect(demands.checkpoint).toEqual({ seq: 1 });
    await fanout.close();
  });

  it('sends a role without pii.read the documents without their PII', async () => {
    const person = {
      seq: 1,
      collection: 'people',
      doc: { id: 'p1', scope: 'xg.gyj', name: '王秀英', phone: '13800000001', _deleted: false } as Doc,
    };
    const { store, notify } = fakeStore([person]);
    const fanout = await startFanout(store, silentLogger, 60_000);
    const viewer = stream();
    const worker = stream();
    fanout.attach({ id: 'dev-v', scope: 'xg.gyj', role: 'viewer' }, viewer.res);
    fanout.attach({ id: 'dev-w', scope: 'xg.gyj', role: 'community-worker' }, worker.res);
    notify({ t: 'docs', maxSeq: 1 });
    await new Promise((r) => setTimeout(r, 50));
    const docs = (s: ReturnType<typeof stream>) => (s.events()[1]?.data as StreamChange).documents;
    expect(docs(viewer)).toEqual([{ id: 'p1', scope: 'xg.gyj', name: '王秀英', _deleted: false }]);
    expect(docs(worker)[0]).toHaveProperty('phone', '13800000001');
    await fanout.close();
  });

  it('ends the streams of a revoked device only', async () => {
    const { store, notify } = fakeStore([]);
    const fanout = await startFanout(store, silentLogger, 60_000);
    const revoked = stream();
    const other = stream();
    fanout.attach({ id: 'dev-a', scope: 'xg.gyj', role: 'community-worker' }, revoked.res);
    fanout.attach({ id: 'dev-b', scope: 'xg.gyj', role: 'community-worker' }, other.res);
    notify({ t: 'revoke', deviceId: 'dev-a' });
    expect(revoked.ended()).toBe(true);
    expect(other.ended()).toBe(false);
    await fanout.close();
    expect(other.ended()).toBe(true);
  });

  it('keeps at most MAX_STREAMS_PER_DEVICE streams per device, ending the oldest', async () => {
    const { store } = fakeStore([]);
    const fanout = await startFanout(store, silentLogger, 60_000);
    const mine = Array.from({ length: MAX_STREAMS_PER_DEVICE + 2 }, () => stream());
    const other = stream();
    fanout.attach({ id: 'dev-b', scope: 'xg.gyj', role: 'viewer' }, other.res);
    for (const s of mine) fanout.attach({ id: 'dev-a', scope: 'xg.gyj', role: 'viewer' }, s.res);
    expect(mine.map((s) => s.ended())).toEqual([
      true,
      true,
      ...Array.from({ length: MAX_STREAMS_PER_DEVICE }, () => false),
    ]);
    expect(other.ended()).toBe(false);
    expect(fanout.streamCount()).toBe(MAX_STREAMS_PER_DEVICE + 1);
    await fanout.close();
  });
});
