import { describe, expect, it } from 'vitest';
import {
  SYNC_BUNDLE_FORMAT,
  SYNC_BUNDLE_VERSION,
  bundleFileName,
  bundleKeyFromToken,
  countChanges,
  parseBundle,
  signBundle,
  verifyBundle,
} from './bundle';
import type { DeviceBundle, ReturnBundle, Unsigned } from './bundle';

const key = bundleKeyFromToken('yst_example-token');

function deviceBundle(): Unsigned<DeviceBundle> {
  return {
    format: SYNC_BUNDLE_FORMAT,
    version: SYNC_BUNDLE_VERSION,
    kind: 'device',
    hubId: 'hub_1',
    deviceId: 'dev_a',
    bundleId: 'b1',
    createdAt: '2026-12-04T08:00:00.000Z',
    scope: 'xg.gyj',
    checkpoints: { meetings: 12, demands: 0 },
    changes: {
      meetings: [
        {
          newDocumentState: { id: 'm1', scope: 'xg.gyj', title: '楼道议事会', _deleted: false },
          assumedMasterState: null,
        },
      ],
    },
  };
}

describe('sync bundles', () => {
  it('derives a stable key per token', () => {
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(bundleKeyFromToken('yst_example-token')).toBe(key);
    expect(bundleKeyFromToken('yst_other')).not.toBe(key);
  });

  it('signs a bundle so that it survives a round trip through a file and key order', () => {
    const signed = signBundle<DeviceBundle>(deviceBundle(), key);
    const parsed = parseBundle(JSON.stringify(signed, null, 2));
    if ('error' in parsed) throw new Error(parsed.error);
    expect(verifyBundle(parsed.bundle, key)).toBe(true);
    const reordered = Object.fromEntries(Object.entries(signed).reverse()) as DeviceBundle;
    expect(verifyBundle(reordered, key)).toBe(true);
    expect(countChanges(signed)).toBe(1);
  });

  it('detects any change of content, a wrong key and a bundle re-labelled as an answer', () => {
    const signed = signBundle<DeviceBundle>(deviceBundle(), key);
    const tampered = structuredClone(signed);
    (tampered.changes.meetings?.[0]?.newDocumentState as Record<string, unknown>)['title'] = '改过的标题';
    expect(verifyBundle(tampered, key)).toBe(false);
    expect(verifyBundle({ ...signed, checkpoints: { meetings: 0 } }, key)).toBe(false);
    expect(verifyBundle(signed, bundleKeyFromToken('yst_other'))).toBe(false);
    expect(verifyBundle({ ...signed, mac: signed.mac.toUpperCase() }, key)).toBe(false);
    expect(verifyBundle({ ...signed, kind: 'return' } as unknown as ReturnBundle, key)).toBe(false);
  });

  it('refuses files that are not bundles with a Chinese reason', () => {
    expect(parseBundle('not json')).toEqual({ error: expect.stringContaining('无法读取') });
    expect(parseBundle('{"format":"other"}')).toEqual({ error: '文件不是议事同步包。' });
    const signed = signBundle<DeviceBundle>(deviceBundle(), key);
    expect(parseBundle(JSON.stringify({ ...signed, version: 2 }))).toEqual({
      error: expect.stringContaining('版本 2'),
    });
    expect(parseBundle(JSON.stringify({ ...signed, changes: { nonsense: [] } }))).toEqual({
      error: expect.stringContaining('未知的数据类别'),
    });
    expect(parseBundle(JSON.stringify({ ...signed, changes: { meetings: [{}] } }))).toEqual({
      error: expect.stringContaining('meetings'),
    });
    expect(parseBundle(JSON.stringify({ ...signed, checkpoints: { meetings: -1 } }))).toEqual({
      error: expect.stringContaining('同步位置'),
    });
  });

  it('reads a return bundle', () => {
    const answer = signBundle<ReturnBundle>(
      {
        format: SYNC_BUNDLE_FORMAT,
        version: SYNC_BUNDLE_VERSION,
        kind: 'return',
        hubId: 'hub_1',
        deviceId: 'dev_a',
        bundleId: 'r1',
        createdAt: '2026-12-04T09:00:00.000Z',
        answers: 'b1',
        replay: false,
        outcomes: { meetings: { accepted: ['m1'], conflicts: [], refused: [] } },
        hubStates: { meetings: [{ id: 'm1', scope: 'xg.gyj', _deleted: false }] },
        pulls: { meetings: { since: 12, checkpoint: 40, documents: [] } },
      },
      key,
    );
    const parsed = parseBundle(JSON.stringify(answer));
    expect('bundle' in parsed && parsed.bundle.kind).toBe('return');
    const broken = {
      ...answer,
      outcomes: { meetings: { accepted: [], conflicts: [], refused: [{ id: 'x' }] } },
    };
    expect(parseBundle(JSON.stringify(broken))).toEqual({ error: expect.stringContaining('处理结果') });
  });

  it('names files after the device and the time', () => {
    expect(bundleFileName('device', 'dev_a/..', '20261204-1600')).toBe('yishi-sync-dev_a-20261204-1600.json');
    expect(bundleFileName('return', 'dev_a', '20261204-1700')).toBe('yishi-return-dev_a-20261204-1700.json');
  });
});
