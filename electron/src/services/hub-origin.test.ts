import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memoryLogger } from '../log';
import { SETTINGS_FILE } from '../settings';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answersAsHub, createHubOriginStore, reloadSoon } from './hub-origin';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'yishi-hub-origin-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const stored = async () =>
  (JSON.parse(await readFile(join(dir, SETTINGS_FILE), 'utf8')) as { hubOrigin: unknown }).hubOrigin;
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const yes = async () => true;

describe('hub origin store', () => {
  it('starts from the settings read at start-up', async () => {
    const store = createHubOriginStore({
      userDataDir: dir,
      initial: 'http://10.0.0.2:8787',
      log: memoryLogger(),
      confirm: yes,
    });
    expect(store.current()).toBe('http://10.0.0.2:8787');
    expect(await store.get()).toBe('http://10.0.0.2:8787');
  });

  it('saves the canonical origin to memory and disk, and clears with null', async () => {
    const log = memoryLogger();
    const store = createHubOriginStore({ userDataDir: dir, initial: null, log, confirm: yes });
    expect(await store.set('HTTPS://Hub.XG.example:443')).toEqual({
      status: 'saved',
      origin: 'https://hub.xg.example',
    });
    expect(store.current()).toBe('https://hub.xg.example');
    expect(await stored()).toBe('https://hub.xg.example');
    expect(await store.set(null)).toEqual({ status: 'saved', origin: null });
    expect(store.current()).toBeNull();
    expect(await stored()).toBeNull();
    expect(log.entries.map((e) => e.message)).toEqual(['hub origin saved', 'hub origin saved']);
  });

  it('keeps the last of concurrent calls in memory and on disk', async () => {
    const store = createHubOriginStore({
      userDataDir: dir,
      initial: null,
      log: memoryLogger(),
      confirm: yes,
    });
    await Promise.all(['http://a.example', 'http://b.example', 'http://c.example'].map((o) => store.set(o)));
    expect(store.current()).toBe('http://c.example');
    expect(await stored()).toBe('http://c.example');
  });

  it('refuses what the CSP could not name, leaving the origin unchanged', async () => {
    const store = createHubOriginStore({
      userDataDir: dir,
      initial: 'http://a.example',
      log: memoryLogger(),
      confirm: yes,
    });
    await expect(store.set('https://hub.example/v1')).rejects.toThrow(/refused/);
    expect(store.current()).toBe('http://a.example');
  });

  it('keeps the old origin when the file cannot be written', async () => {
    // userData that is a file, not a folder: nothing can be written under it.
    const notAFolder = join(dir, 'not-a-folder');
    await writeFile(notAFolder, 'x');
    const log = memoryLogger();
    const store = createHubOriginStore({
      userDataDir: notAFolder,
      initial: 'http://a.example',
      log,
      confirm: yes,
    });
    await expect(store.set('http://b.example')).rejects.toThrow();
    expect(store.current()).toBe('http://a.example');
  });
});

describe('a hub origin is let in only when it answers as a Yishi hub', () => {
  let server: Server;
  let base = '';
  beforeEach(async () => {
    server = createServer((req, res) => {
      if (req.url === '/v1/health' && req.headers.host?.startsWith('127.0.0.1')) {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ ok: true, protocol: 1, hubId: 'hub-xg' }));
      } else res.writeHead(404).end('<html>router login</html>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('asks /v1/health: a hub answers, a router page or nobody does not', async () => {
    expect(await answersAsHub(base)).toBe(true);
    expect(await answersAsHub(base.replace('127.0.0.1', 'localhost'))).toBe(false);
    expect(await answersAsHub('http://127.0.0.1:9', 1_000)).toBe(false);
  });

  it('refuses an address that is not a hub and keeps the one it had, on disk too', async () => {
    const log = memoryLogger();
    const store = createHubOriginStore({ userDataDir: dir, initial: 'http://a.example', log });
    expect(await store.set(base.replace('127.0.0.1', 'localhost'))).toEqual({
      status: 'notAHub',
      origin: 'http://a.example',
    });
    expect(store.current()).toBe('http://a.example');
    await expect(readFile(join(dir, SETTINGS_FILE), 'utf8')).rejects.toThrow();
    expect(await store.set(base)).toEqual({ status: 'saved', origin: base });
    // Clearing needs no hub.
    expect(await store.set(null)).toEqual({ status: 'saved', origin: null });
  });
});

describe('reloadSoon', () => {
  it('reloads after the current turn, not before', async () => {
    let reloads = 0;
    reloadSoon({ reload: () => (reloads += 1), isDestroyed: () => false });
    await Promise.resolve();
    expect(reloads).toBe(0);
    await tick();
    expect(reloads).toBe(1);
  });

  it('leaves a page that is gone alone', async () => {
    let reloads = 0;
    reloadSoon({ reload: () => (reloads += 1), isDestroyed: () => true });
    await tick();
    expect(reloads).toBe(0);
  });
});
