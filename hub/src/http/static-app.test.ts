import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub } from '../hub';
import type { RunningHub } from '../hub';
import { silentLogger } from '../log';
import { openPgliteStore } from '../store/store';
import { appFilePath, isAppRequest } from './static-app';

let hub: RunningHub;
let root: string;
let outside: string;

/** A raw request: fetch would normalise `..` and encoded bytes away before they reach the hub. */
function raw(
  path: string,
  method = 'GET',
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const url = new URL(hub.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'yishi-app-'));
  outside = mkdtempSync(join(tmpdir(), 'yishi-outside-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>议事</title>');
  writeFileSync(join(root, 'sw.js'), 'self.addEventListener("fetch", () => {});');
  writeFileSync(join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
  writeFileSync(join(outside, 'secret.txt'), 'not for the street');
  symlinkSync(join(outside, 'secret.txt'), join(root, 'assets', 'link.txt'));
  const store = await openPgliteStore(undefined);
  hub = await startHub({
    store,
    log: silentLogger,
    port: 0,
    host: '127.0.0.1',
    adminSecret: null,
    app: { root },
  });
}, 120_000);

afterAll(async () => {
  await hub.close();
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

describe('the app served by the hub', () => {
  it('serves the shell at / with the strict policy and revalidation', async () => {
    const res = await raw('/');
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>议事</title>');
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("connect-src 'self';");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('lets hashed bundles be cached for good and the service worker never', async () => {
    expect((await raw('/assets/index-abc123.js')).headers['cache-control']).toContain('immutable');
    const sw = await raw('/sw.js');
    expect(sw.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(sw.headers['cache-control']).toBe('no-cache');
  });

  it('answers HEAD without a body', async () => {
    const res = await raw('/index.html', 'HEAD');
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
  });

  it('never leaves the folder', async () => {
    expect((await raw('/../../etc/passwd')).status).toBeGreaterThanOrEqual(400);
    // The URL parser folds encoded dot segments before the hub sees them: still inside the folder.
    const dots = await raw('/assets/%2e%2e/%2e%2e/etc/passwd');
    expect(dots.status).toBe(404);
    expect(dots.body).not.toContain('root:');
    expect((await raw('/assets/..%2f..%2fsecret.txt')).status).toBe(400);
    expect((await raw('/assets/link.txt')).status).toBe(404);
    expect((await raw('/a%00b.js')).status).toBe(400);
    expect((await raw('/missing.js')).status).toBe(404);
  });

  it('leaves the API where it was', async () => {
    const res = await raw('/v1/health');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, protocol: 1 });
    expect((await raw('/v1/nothing')).status).toBe(404);
  });
});

describe('appFilePath and isAppRequest', () => {
  it('maps / to index.html and refuses dot segments and encoded separators', () => {
    expect(appFilePath('/srv/app', '/')).toBe('/srv/app/index.html');
    expect(appFilePath('/srv/app', '/icons/icon-192.png')).toBe('/srv/app/icons/icon-192.png');
    expect(appFilePath('/srv/app', '/a/../b')).toBeNull();
    expect(appFilePath('/srv/app', '/a%2Fb')).toBeNull();
    expect(appFilePath('/srv/app', '/%E0%A4%A')).toBeNull();
  });

  it('takes only reads outside /v1 as the app', () => {
    expect(isAppRequest('GET', '/')).toBe(true);
    expect(isAppRequest('HEAD', '/sw.js')).toBe(true);
    expect(isAppRequest('POST', '/')).toBe(false);
    expect(isAppRequest('GET', '/v1/health')).toBe(false);
  });
});
