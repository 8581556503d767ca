import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppProtocolHandler, mimeTypeOf, registerAppScheme } from './protocol';
import { buildCsp } from './csp';
import { memoryLogger } from './log';

let base: string;
let root: string;
const log = memoryLogger();
const csp = buildCsp('http://192.168.10.5:8787');
let handle: ReturnType<typeof createAppProtocolHandler>;

const get = (url: string, method = 'GET') => handle({ url, method });

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'yishi-protocol-'));
  root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>议事</title>');
  await writeFile(join(root, 'assets', 'app-1234.js'), 'console.log(1)');
  await writeFile(join(root, 'assets', 'app.css'), 'body{}');
  await writeFile(join(root, 'assets', 'font.woff2'), new Uint8Array([0x77, 0x4f, 0x46, 0x32]));
  await writeFile(join(base, 'secret.txt'), 'outside the root');
  await symlink(join(base, 'secret.txt'), join(root, 'assets', 'link.txt'));
  await symlink(base, join(root, 'escape'));
  handle = createAppProtocolHandler({ root, csp: () => csp, log });
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('registerAppScheme', () => {
  it('registers app: as a standard, secure scheme', () => {
    const calls: unknown[] = [];
    registerAppScheme({ registerSchemesAsPrivileged: (schemes) => calls.push(schemes) });
    expect(calls).toEqual([
      [
        {
          scheme: 'app',
          privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
        },
      ],
    ]);
  });
});

describe('app:// protocol handler', () => {
  it('serves index.html at the root with the CSP', async () => {
    const res = await get('app://yishi/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(csp);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('议事');
  });

  it('serves assets with their MIME type', async () => {
    const js = await get('app://yishi/assets/app-1234.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('console.log(1)');
    expect((await get('app://yishi/assets/app.css')).headers.get('content-type')).toBe(
      'text/css; charset=utf-8',
    );
    const font = await get('app://yishi/assets/font.woff2?v=2#x');
    expect(font.headers.get('content-type')).toBe('font/woff2');
    expect(new Uint8Array(await font.arrayBuffer())).toEqual(new Uint8Array([0x77, 0x4f, 0x46, 0x32]));
  });

  it('accepts fetch Request objects as Electron passes them', async () => {
    const res = await handle(new Request('app://yishi/assets/app.css'));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('body{}');
  });

  it('answers HEAD without a body', async () => {
    const res = await get('app://yishi/index.html', 'HEAD');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
  });

  it('refuses other methods', async () => {
    const res = await get('app://yishi/index.html', 'POST');
    expect(res.status).toBe(405);
    expect(res.headers.get('content-security-policy')).toBe(csp);
  });

  it('falls back to index.html for unknown routes without an extension', async () => {
    for (const url of ['app://yishi/meetings', 'app://yishi/meetings/m1/live', 'app://yishi/assets']) {
      const res = await get(url);
      expect(res.status, url).toBe(200);
      expect(await res.text()).toContain('<title>议事</title>');
    }
  });

  it('answers 404 for missing assets, with the CSP', async () => {
    const res = await get('app://yishi/assets/missing.js');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-security-policy')).toBe(csp);
  });

  it.each([
    'app://yishi/../secret.txt',
    'app://yishi/assets/../../secret.txt',
    'app://yishi/%2e%2e/secret.txt',
    'app://yishi/%2E%2E/secret.txt',
    'app://yishi/.%2e/secret.txt',
    'app://yishi/assets/..%2f..%2fsecret.txt',
    'app://yishi/assets/..%5c..%5csecret.txt',
    'app://yishi/%2fetc%2fpasswd',
    'app://yishi/C:%5cWindows%5cwin.ini',
    'app://yishi/c%3a/Windows/win.ini',
    'app://yishi/index.html%00.png',
    'app://yishi/%E0%A4%A',
  ])('refuses traversal: %s', async (url) => {
    const res = await get(url);
    expect(res.status).toBe(403);
    expect(res.headers.get('content-security-policy')).toBe(csp);
    expect(await res.text()).not.toContain('outside the root');
  });

  it('refuses symlinks that lead out of the root', async () => {
    expect((await get('app://yishi/assets/link.txt')).status).toBe(403);
    expect((await get('app://yishi/escape/secret.txt')).status).toBe(403);
  });

  it('refuses other hosts', async () => {
    expect((await get('app://other/index.html')).status).toBe(403);
    expect((await get('app://yishi.evil/index.html')).status).toBe(403);
    expect((await get('https://yishi/index.html')).status).toBe(403);
  });

  it('logs every refusal', async () => {
    const before = log.entries.length;
    await get('app://yishi/%2e%2e/secret.txt');
    expect(log.entries.length).toBe(before + 1);
    expect(log.entries.at(-1)?.message).toBe('app:// request refused');
  });

  it('reads the CSP for every response, so a new hub origin applies to the next page load', async () => {
    let hub: string | null = null;
    const live = createAppProtocolHandler({ root, csp: () => buildCsp(hub), log });
    const connectSrc = async (url: string) =>
      (await live({ url, method: 'GET' })).headers
        .get('content-security-policy')
        ?.match(/connect-src [^;]*/)?.[0];
    expect(await connectSrc('app://yishi/')).toBe("connect-src 'self'");
    hub = 'https://hub.xg.example';
    expect(await connectSrc('app://yishi/')).toBe("connect-src 'self' https://hub.xg.example");
    expect(await connectSrc('app://yishi/assets/missing.js')).toBe(
      "connect-src 'self' https://hub.xg.example",
    );
  });

  it('answers 404 when the renderer has not been built', async () => {
    const missing = createAppProtocolHandler({ root: join(base, 'nope'), csp: () => csp, log });
    expect((await missing({ url: 'app://yishi/', method: 'GET' })).status).toBe(404);
  });
});

describe('mimeTypeOf', () => {
  it('knows the renderer asset types and defaults to octet-stream', () => {
    expect(mimeTypeOf('a.SVG')).toBe('image/svg+xml');
    expect(mimeTypeOf('a.wasm')).toBe('application/wasm');
    expect(mimeTypeOf('a.unknown')).toBe('application/octet-stream');
  });
});
