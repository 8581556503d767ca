import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHubOrigin, readSettings, SETTINGS_FILE, writeHubOrigin } from './settings';
import { memoryLogger } from './log';

describe('parseHubOrigin', () => {
  it.each([
    ['http://192.168.10.5:8787', 'http://192.168.10.5:8787'],
    ['https://hub.xg.example/', 'https://hub.xg.example'],
    ['HTTP://Hub.Example:80', 'http://hub.example'],
  ])('accepts %s', (input, origin) => {
    expect(parseHubOrigin(input)).toBe(origin);
  });

  it.each([
    'ftp://hub.example',
    'file:///etc',
    'javascript:alert(1)',
    'https://user:pw@hub.example',
    'https://hub.example/v1',
    'https://hub.example/?a=1',
    'https://hub.example/#x',
    'https://[::1]:8787',
    'https://hub_1.example',
    `https://${'a.'.repeat(100)}b`,
    'hub.example',
    '',
    42,
    null,
  ])('refuses %s', (input) => {
    expect(parseHubOrigin(input)).toBeNull();
  });
});

describe('readSettings', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'yishi-settings-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('defaults to no hub when the file is missing', async () => {
    expect(await readSettings(dir, memoryLogger())).toEqual({ hubOrigin: null });
  });

  it('reads a valid hub origin', async () => {
    await writeFile(join(dir, SETTINGS_FILE), JSON.stringify({ hubOrigin: 'http://10.0.0.2:8787' }));
    expect(await readSettings(dir, memoryLogger())).toEqual({ hubOrigin: 'http://10.0.0.2:8787' });
  });

  it('ignores and logs an invalid origin or broken JSON', async () => {
    const log = memoryLogger();
    await writeFile(
      join(dir, SETTINGS_FILE),
      JSON.stringify({ hubOrigin: 'https://x.example; script-src *' }),
    );
    expect(await readSettings(dir, log)).toEqual({ hubOrigin: null });
    await writeFile(join(dir, SETTINGS_FILE), '{not json');
    expect(await readSettings(dir, log)).toEqual({ hubOrigin: null });
    expect(log.entries.map((e) => e.level)).toEqual(['warn', 'warn']);
  });
});

describe('writeHubOrigin', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'yishi-settings-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const stored = async () => JSON.parse(await readFile(join(dir, SETTINGS_FILE), 'utf8')) as unknown;

  it('creates the file and is read back at the next start', async () => {
    const log = memoryLogger();
    await writeHubOrigin(dir, 'http://10.0.0.2:8787', log);
    expect(await stored()).toEqual({ hubOrigin: 'http://10.0.0.2:8787' });
    expect(await readSettings(dir, log)).toEqual({ hubOrigin: 'http://10.0.0.2:8787' });
    expect(await readdir(dir)).toEqual([SETTINGS_FILE]);
    expect(log.entries).toEqual([]);
  });

  it('clears with null and keeps keys it does not know', async () => {
    await writeFile(
      join(dir, SETTINGS_FILE),
      JSON.stringify({ hubOrigin: 'https://old.example', installer: { channel: 'street' } }),
    );
    await writeHubOrigin(dir, null, memoryLogger());
    expect(await stored()).toEqual({ hubOrigin: null, installer: { channel: 'street' } });
    expect(await readSettings(dir, memoryLogger())).toEqual({ hubOrigin: null });
  });

  it('replaces a broken file', async () => {
    const log = memoryLogger();
    await writeFile(join(dir, SETTINGS_FILE), '[1, 2');
    await writeHubOrigin(dir, 'https://hub.example', log);
    expect(await stored()).toEqual({ hubOrigin: 'https://hub.example' });
    expect(log.entries.map((e) => e.level)).toEqual(['warn']);
  });
});
