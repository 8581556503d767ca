import { describe, expect, it } from 'vitest';
import { hasUnstorableTarget } from './path-check';

const url = (target: string) => new URL(target, 'http://hub.invalid');

describe('unstorable request targets', () => {
  it('flags NUL, control characters, lone surrogates and undecodable escapes in any segment or query', () => {
    for (const target of [
      '/v1/admin/devices/a%00b/revoke',
      '/v1/sync/demands%00/pull',
      '/v1/sync/demands/d%01/attachments/p',
      '/v1/sync/demands/%ED%A0%80/attachments/p',
      '/v1/sync/%E0%A4%A/pull',
      '/v1/sync/demands/pull?checkpoint=%00',
      '/v1/sync/demands/pull?x%00=1',
    ])
      expect(hasUnstorableTarget(url(target)), target).toBe(true);
  });

  it('lets ordinary targets through, Chinese and escaped slashes included', () => {
    for (const target of [
      '/v1/health',
      '/v1/sync/demands/pull?checkpoint=3',
      '/v1/updates/议事.exe',
      '/a%2Fb',
    ])
      expect(hasUnstorableTarget(url(target)), target).toBe(false);
  });
});
