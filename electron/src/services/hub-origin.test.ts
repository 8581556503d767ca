import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memoryLogger } from '../log';
import { SETTINGS_FILE } from '../settings';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHubOriginStore, reloadSoon } from './hub-origin';
import type { HubOriginStore, PostJson } from './hub-origin';

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
const ENROLLED = JSON.stringify({
  deviceId: 'dev_1',
  token: 't0k',
  hubId: 'hub-xg',
  scope: 'xg',
  role: 'viewer',
});
/** A hub at every address that enrolls every device. */
const enrolling: PostJson = async () => ({ status: 200, text: ENROLLED });
/** Enrolls at each origin through the store, as the page does before it saves the origin. */
async function enrollAt(store: HubOriginStore, ...origins: string[]) {
  for (const origin of origins)
    await store.enroll({ url: `${origin}/v1/devices/enroll`, code: 'ABCD-1234', deviceName: '议事厅电脑' });
}

describe('hub origin store', () => {
  it('starts from the settings read at start-up', async () => {
    const store = createHubOriginStore({
      userDataDir: dir,
      initial: 'http://10.0.0.2:8787',
      log: memoryLogger(),
      post: enrolling,
    });
    expect(store.current()).toBe('http://10.0.0.2:8787');
    expect(await store.get()).toBe('http://10.0.0.2:8787');
  });

  it('saves the canonical origin to memory and disk, and clears with null', async () => {
    const log = memoryLogger();
    const store = createHubOriginStore({ userDataDir: dir, initial: null, log, post: enrolling });
    await enrollAt(store, 'https://hub.xg.example');
    expect(await store.set('HTTPS://Hub.XG.example:443')).toEqual({
      status: 'saved',
      origin: 'https://hub.xg.example',
    });
    expect(store.current()).toBe('https://hub.xg.example');
    expect(await stored()).toBe('https://hub.xg.example');
    expect(await store.set(null)).toEqual({ status: 'saved', origin: null });
    expect(store.current()).toBeNull();
    expect(await stored()).toBeNull();
    expect(log.entries.map((e) => e.message)).toEqual([
      'enrolled at hub',
      'hub origin saved',
      'hub origin saved',
    ]);
  });

  it('keeps the last of concurrent calls in memory and on disk', async () => {
    const store = createHubOriginStore({
      userDataDir: dir,
      initial: null,
      log: memoryLogger(),
      post: enrolling,
    });
    await enrollAt(store, 'http://a.example', 'http://b.example', 'http://c.example');
    await Promise.all(['http://a.example', 'http://b.example', 'http://c.example'].map((o) => store.set(o)));
    expect(store.current()).toBe('http://c.example');
    expect(await stored()).toBe('http://c.example');
  });

  it('refuses what the CSP could not name, leaving the origin unchanged', async () => {
    const store = createHubOriginStore({
      userDataDir: dir,
      initial: 'http://a.example',
      log: memoryLogger(),
      post: enrolling,
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
      post: enrolling,
    });
    await enrollAt(store, 'http://b.example');
    await expect(store.set('http://b.example')).rejects.toThrow();
    expect(store.current()).toBe('http://a.example');
  });
});

describe('a hub origin is let in only by an enrollment there', () => {
  let server: Server;
  let base = '';
  const bodies: unknown[] = [];
  beforeEach(async () => {
    bodies.length = 0;
    // A hub at 127.0.0.1 that enrolls with code GOOD-0001 and refuses any other; as `localhost` the
    // same port answers like a router's login page.
    server = createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      req.on('end', () => {
        if (
          req.method === 'POST' &&
          req.url === '/v1/devices/enroll' &&
          req.headers.host?.startsWith('127.0.0.1')
        ) {
          const body = JSON.parse(raw) as { code?: string };
          bodies.push(body);
          res.setHeader('content-type', 'application/json');
          if (body.code === 'GOOD-0001') res.end(ENROLLED);
          else
            res
              .writeHead(400)
              .end(JSON.stringify({ error: { code: 'code_invalid', message: '登记码无效' } }));
        } else res.writeHead(404).end('<html>router login</html>');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const request = (url: string, code: string) => ({
    url: `${url}/v1/devices/enroll`,
    code,
    deviceName: '议事厅电脑',
    localDeviceId: 'local-1',
  });

  it('sends the enrollment and hands the page the answer as it came', async () => {
    const store = createHubOriginStore({ userDataDir: dir, initial: null, log: memoryLogger() });
    expect(await store.enroll(request(base, 'GOOD-0001'))).toEqual({
      status: 'answered',
      httpStatus: 200,
      body: ENROLLED,
    });
    expect(bodies).toEqual([{ code: 'GOOD-0001', deviceName: '议事厅电脑', localDeviceId: 'local-1' }]);
    const refused = await store.enroll(request(base, 'BAD-0002'));
    expect(refused).toMatchObject({ status: 'answered', httpStatus: 400 });
    expect(await store.enroll(request('http://127.0.0.1:9', 'GOOD-0001'))).toEqual({ status: 'unreachable' });
  });

  it('refuses an origin with no successful enrollment, and keeps the one it had, on disk too', async () => {
    const store = createHubOriginStore({
      userDataDir: dir,
      initial: 'http://a.example',
      log: memoryLogger(),
    });
    // A hub that refused the code, a router page, and an address nobody answers at.
    await store.enroll(request(base, 'BAD-0002'));
    await store.enroll(request(base.replace('127.0.0.1', 'localhost'), 'GOOD-0001'));
    for (const origin of [base, base.replace('127.0.0.1', 'localhost'), 'http://127.0.0.1:9'])
      expect(await store.set(origin)).toEqual({ status: 'notEnrolled', origin: 'http://a.example' });
    expect(store.current()).toBe('http://a.example');
    await expect(readFile(join(dir, SETTINGS_FILE), 'utf8')).rejects.toThrow();

    await store.enroll(request(base, 'GOOD-0001'));
    expect(await store.set(base)).toEqual({ status: 'saved', origin: base });
    expect(await stored()).toBe(base);
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
