import { describe, expect, it } from 'vitest';
import {
  SYNC_BUNDLE_FORMAT,
  SYNC_BUNDLE_VERSION,
  bundleKeyFromToken,
  parseBundle,
  signBundle,
} from '#shared/protocol/bundle';
import type { ReturnBundle, Unsigned } from '#shared/protocol/bundle';
import type { Doc, PushRow } from '#shared/protocol/v1';
import {
  answerPull,
  answerPush,
  carriedDigests,
  docDigest,
  makeDeviceBundle,
  readReturnBundle,
  summarizeReturn,
} from './bundle-exchange';

const key = bundleKeyFromToken('yst_hall-a');
const self = { hubId: 'hub_1', deviceId: 'dev_a', scope: 'xg.gyj' };
const doc = (id: string, title: string, extra: Record<string, unknown> = {}): Doc => ({
  id,
  scope: 'xg.gyj',
  _deleted: false,
  title,
  ...extra,
});
const row = (state: Doc, assumed: Doc | null = null): PushRow => ({
  newDocumentState: state,
  assumedMasterState: assumed,
});

function returnBundle(patch: Partial<Unsigned<ReturnBundle>> = {}): ReturnBundle {
  return signBundle<ReturnBundle>(
    {
      format: SYNC_BUNDLE_FORMAT,
      version: SYNC_BUNDLE_VERSION,
      kind: 'return',
      hubId: 'hub_1',
      deviceId: 'dev_a',
      bundleId: 'r1',
      createdAt: '2026-12-05T08:00:00.000Z',
      answers: 'b1',
      replay: false,
      outcomes: {
        meetings: {
          accepted: ['m1', 'm2'],
          conflicts: ['m3'],
          refused: [{ id: 'm4', code: 'scope', reason: '超出本设备的范围' }],
        },
      },
      hubStates: {
        meetings: [doc('m1', '议事会一'), doc('m2', '议事会二'), doc('m3', '街道改过的标题')],
      },
      pulls: {
        meetings: { since: 4, checkpoint: 9, documents: [doc('m1', '议事会一'), doc('b1', '街道的会')] },
        demands: { since: 0, checkpoint: 0, documents: [] },
      },
      ...patch,
    },
    key,
  );
}

describe('device bundles', () => {
  it('signs this device’s rows and checkpoints, leaving out empty collections', () => {
    const bundle = makeDeviceBundle(
      {
        ...self,
        bundleId: 'b1',
        createdAt: '2026-12-05T07:00:00.000Z',
        checkpoints: { meetings: 4, demands: 0 },
        changes: { meetings: [row(doc('m1', '议事会一'))], demands: [] },
      },
      key,
    );
    const parsed = parseBundle(JSON.stringify(bundle));
    if ('error' in parsed) throw new Error(parsed.error);
    expect(parsed.bundle.kind).toBe('device');
    expect(Object.keys(bundle.changes)).toEqual(['meetings']);
    expect(bundle.checkpoints).toEqual({ meetings: 4, demands: 0 });
  });

  it('remembers digests of the carried rows, not the rows', () => {
    const digests = carriedDigests({ meetings: [row(doc('m1', '议事会一'))] });
    expect(digests.meetings?.['m1']).toMatch(/^[0-9a-f]{64}$/);
    expect(digests.meetings?.['m1']).toBe(docDigest({ ...doc('m1', '议事会一'), _rev: '1-x', _meta: {} }));
    expect(digests.meetings?.['m1']).not.toBe(docDigest(doc('m1', '议事会一改')));
  });
});

describe('reading a return bundle', () => {
  it('accepts the hub’s answer to this device', () => {
    const result = readReturnBundle(JSON.stringify(returnBundle()), self, key);
    expect('bundle' in result).toBe(true);
  });

  it('refuses a bundle altered after the hub signed it, in Chinese', () => {
    const tampered = returnBundle();
    tampered.pulls.meetings?.documents.push(doc('x', '塞进来的记录'));
    const result = readReturnBundle(JSON.stringify(tampered), self, key);
    expect(result).toEqual({ error: expect.stringContaining('回传包校验失败') });
  });

  it('refuses another device’s answer, another hub’s, a device bundle and a file that is no bundle', () => {
    const text = JSON.stringify(returnBundle());
    expect(readReturnBundle(text, { ...self, deviceId: 'dev_b' }, key)).toEqual({
      error: expect.stringContaining('不是本机的'),
    });
    expect(readReturnBundle(text, { ...self, hubId: 'hub_2' }, key)).toEqual({
      error: expect.stringContaining('另一个同步服务器'),
    });
    expect(readReturnBundle(text, self, bundleKeyFromToken('yst_other'))).toEqual({
      error: expect.stringContaining('校验失败'),
    });
    const device = makeDeviceBundle(
      { ...self, bundleId: 'b2', createdAt: 'x', checkpoints: {}, changes: {} },
      key,
    );
    expect(readReturnBundle(JSON.stringify(device), self, key)).toEqual({
      error: expect.stringContaining('设备导出的同步包'),
    });
    expect(readReturnBundle('not json', self, key)).toEqual({
      error: expect.stringContaining('不是议事同步包'),
    });
  });

  it('sums up what it brings', () => {
    expect(summarizeReturn(returnBundle())).toEqual({
      accepted: 2,
      conflicts: 1,
      refused: 1,
      received: 2,
      replay: false,
    });
  });
});

describe('answering the replication’s pull from a return bundle', () => {
  const bundle = returnBundle();
  it('gives everything when the device stands where it stood at export, then an empty page', () => {
    expect(answerPull(bundle, 'meetings', 4)).toEqual({
      documents: bundle.pulls.meetings?.documents,
      checkpoint: { seq: 9 },
    });
    expect(answerPull(bundle, 'meetings', 9)).toEqual({ documents: [], checkpoint: { seq: 9 } });
  });

  it('cannot answer a device that has pulled elsewhere since, nor a collection the bundle lacks', () => {
    expect(answerPull(bundle, 'meetings', 6)).toBeNull();
    expect(answerPull(bundle, 'meetings', 12)).toBeNull();
    expect(answerPull(bundle, 'topics', 0)).toBeNull();
    expect(answerPull(bundle, 'demands', undefined)).toEqual({ documents: [], checkpoint: { seq: 0 } });
  });
});

describe('answering the replication’s push from a return bundle', () => {
  const exported = [
    row(doc('m1', '议事会一')),
    row(doc('m2', '议事会二')),
    row(doc('m3', '本机的标题')),
    row(doc('m4', '外区的会')),
  ];
  const carried = carriedDigests({ meetings: exported }).meetings;
  const bundle = returnBundle();

  it('applies accepted rows, returns the hub’s state of a conflict and keeps a refusal', () => {
    expect(answerPush(bundle, carried, 'meetings', exported)).toEqual({
      conflicts: [doc('m3', '街道改过的标题')],
      refused: [{ id: 'm4', code: 'scope', reason: '超出本设备的范围' }],
      ours: [],
    });
  });

  it('answers a row changed since the export with the hub’s state, known as the device’s own', () => {
    const answer = answerPush(bundle, carried, 'meetings', [row(doc('m1', '会后又改了'), doc('m0', 'x'))]);
    expect(answer).toEqual({
      conflicts: [doc('m1', '议事会一')],
      refused: [],
      ours: [doc('m1', '议事会一')],
    });
  });

  it('gives the hub’s newer state when the hub moved on from an applied row', () => {
    const moved = returnBundle({ hubStates: { meetings: [doc('m1', '街道后来改的')] } });
    expect(answerPush(moved, carried, 'meetings', [exported[0] as PushRow])).toEqual({
      conflicts: [doc('m1', '街道后来改的')],
      refused: [],
      ours: [],
    });
  });

  it('leaves a batch with a row the hub has not judged for the line or the next bundle', () => {
    expect(
      answerPush(bundle, carried, 'meetings', [exported[0] as PushRow, row(doc('m9', '导出后新建'))]),
    ).toBeNull();
    expect(answerPush(bundle, undefined, 'meetings', exported)).toBeNull();
    // A merge pushed after the conflict was resolved against the hub's state: not judged yet.
    const merged = row(doc('m3', '本机的标题', { conflicts: [{}] }), doc('m3', '街道改过的标题'));
    expect(answerPush(bundle, carried, 'meetings', [merged])).toBeNull();
    expect(answerPush(bundle, carried, 'topics', [])).toBeNull();
  });
});
