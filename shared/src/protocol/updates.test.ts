import { describe, expect, it } from 'vitest';
import { compareVersions, isVersion, parseUpdateRoute } from './updates';

describe('update versions and routes', () => {
  it('orders versions as semver does', () => {
    expect(compareVersions('0.2.0', '0.10.0')).toBe(-1);
    expect(compareVersions('1.0.0', '1.0.0')).toBe(0);
    expect(compareVersions('1.0.0-rc.1', '1.0.0')).toBe(-1);
    expect(compareVersions('1.0.0', '1.0.0-rc.1')).toBe(1);
    expect(compareVersions('0.1.1-e2e', '0.1.0')).toBe(1);
  });

  it('knows a version when it sees one', () => {
    expect(isVersion('0.1.0')).toBe(true);
    expect(isVersion('1.2.3-beta.1')).toBe(true);
    expect(isVersion('1.2')).toBe(false);
    expect(isVersion('v1.2.3')).toBe(false);
  });

  it('reads the update routes and refuses names that could leave the folder', () => {
    expect(parseUpdateRoute('GET', '/v1/sync/demands/pull')).toBeNull();
    expect(parseUpdateRoute('GET', '/v1/updates/policy')).toEqual({ kind: 'policy' });
    expect(parseUpdateRoute('HEAD', '/v1/updates/latest.yml')).toEqual({ kind: 'file', name: 'latest.yml' });
    expect(parseUpdateRoute('GET', '/v1/updates/..%2Fsecret')).toBe('not_found');
    expect(parseUpdateRoute('GET', '/v1/updates/a%00b')).toBe('not_found');
    expect(parseUpdateRoute('GET', '/v1/updates/%E0%A4%A')).toBe('not_found');
    expect(parseUpdateRoute('PUT', '/v1/updates/latest.yml')).toBe('method_not_allowed');
  });
});
