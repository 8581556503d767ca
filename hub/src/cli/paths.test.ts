import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  acquirePgliteLock,
  adminSecretPath,
  defaultDataDir,
  readAdminSecret,
  writeAdminSecret,
} from './paths';

describe('defaultDataDir', () => {
  it('uses the application-data directory of each platform', () => {
    expect(defaultDataDir({ XDG_DATA_HOME: '/x' }, 'linux', '/home/a')).toBe('/x/yishi-hub');
    expect(defaultDataDir({}, 'linux', '/home/a')).toBe('/home/a/.local/share/yishi-hub');
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32', 'C:\\Users\\a')).toContain(
      'yishi-hub',
    );
    expect(defaultDataDir({}, 'darwin', '/Users/a')).toBe('/Users/a/Library/Application Support/yishi-hub');
  });
});

describe('data folder files', () => {
  it('writes the admin secret readable by the owner only', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yishi-paths-'));
    writeAdminSecret(dir, 's3cret');
    expect(readAdminSecret(dir)).toBe('s3cret');
    expect(statSync(adminSecretPath(dir)).mode & 0o777).toBe(0o600);
  });

  it('lets one process hold the PGlite lock and takes over a dead holder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yishi-lock-'));
    const first = acquirePgliteLock(dir);
    expect('release' in first).toBe(true);
    writeFileSync(join(dir, 'pglite.lock'), String(process.ppid));
    expect(acquirePgliteLock(dir)).toEqual({ heldBy: process.ppid });
    writeFileSync(join(dir, 'pglite.lock'), '999999999');
    const taken = acquirePgliteLock(dir);
    expect('release' in taken).toBe(true);
    expect(readFileSync(join(dir, 'pglite.lock'), 'utf8')).toBe(String(process.pid));
    if ('release' in taken) taken.release();
  });
});
