// Application updates served by a real hub process, on PGlite and (with YISHI_TEST_PG_URL) on
// PostgreSQL: published through the admin CLI with every installer checked against its sha512,
// served as electron-updater's generic provider reads them (channel files, ranges), the newest
// three versions kept, a tampered release refused whole.

import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from '../../hub/src/testing/backends';
import type { BackendSetup } from '../../hub/src/testing/backends';
import { freshDataDir, runCli, startHubProcess } from '../../hub/src/testing/process';
import type { HubProcess } from '../../hub/src/testing/process';

const sha512 = (bytes: Uint8Array) => createHash('sha512').update(bytes).digest('base64');

/** What electron-builder writes for one version: installers and their channel files. */
function releaseFolder(version: string, options: { tamper?: boolean } = {}) {
  const dir = mkdtempSync(join(tmpdir(), `yishi-release-${version}-`));
  const exe = randomBytes(40_000);
  const appImage = randomBytes(30_000);
  const exeName = `Yishi-Setup-${version}.exe`;
  const appImageName = `Yishi-${version}.AppImage`;
  writeFileSync(join(dir, exeName), exe);
  writeFileSync(join(dir, `${exeName}.blockmap`), randomBytes(100));
  writeFileSync(join(dir, appImageName), options.tamper ? randomBytes(30_000) : appImage);
  const channel = (name: string, bytes: Uint8Array) =>
    [
      `version: ${version}`,
      'files:',
      `  - url: ${name}`,
      `    sha512: ${sha512(bytes)}`,
      `    size: ${bytes.length}`,
      `path: ${name}`,
      `sha512: ${sha512(bytes)}`,
      "releaseDate: '2026-12-01T08:00:00.000Z'",
      '',
    ].join('\n');
  writeFileSync(join(dir, 'latest.yml'), channel(exeName, exe));
  writeFileSync(join(dir, 'latest-linux.yml'), channel(appImageName, appImage));
  return { dir, exe, exeName, appImageName, latest: channel(exeName, exe) };
}

for (const backend of BACKENDS) {
  describe.runIf(backend.enabled)(backend.title('application updates from the hub'), () => {
    let setup: BackendSetup;
    let hub: HubProcess;
    const folders: string[] = [];
    const release = (version: string, options?: { tamper?: boolean }) => {
      const r = releaseFolder(version, options);
      folders.push(r.dir);
      return r;
    };
    const publish = (dir: string, ...extra: string[]) =>
      runCli(['publish-update', dir, '--data', hub.dataDir, ...extra], setup.env);

    beforeAll(async () => {
      setup = await backend.setup();
      hub = await startHubProcess({ dataDir: await freshDataDir(), env: setup.env });
    }, 120_000);
    afterAll(async () => {
      await hub?.stop();
      await setup?.drop();
      for (const dir of folders) rmSync(dir, { recursive: true, force: true });
    });

    it('offers nothing before a release is published', async () => {
      expect(await (await fetch(`${hub.url}/v1/updates/policy`)).json()).toEqual({
        version: null,
        minimumVersion: null,
      });
      expect((await fetch(`${hub.url}/v1/updates/latest.yml`)).status).toBe(404);
    });

    it('publishes a checked release and serves it as the generic provider reads it', async () => {
      const r = release('0.2.0');
      const out = await publish(r.dir, '--minimum', '0.1.0');
      expect(out.stderr).toBe('');
      expect(out.code).toBe(0);
      expect(out.stdout).toContain('已发布版本 0.2.0');

      const latest = await fetch(`${hub.url}/v1/updates/latest.yml`);
      expect(latest.status).toBe(200);
      expect(latest.headers.get('cache-control')).toBe('no-cache');
      expect(await latest.text()).toBe(r.latest);
      expect((await fetch(`${hub.url}/v1/updates/latest-linux.yml`)).status).toBe(200);
      expect(await (await fetch(`${hub.url}/v1/updates/policy`)).json()).toEqual({
        version: '0.2.0',
        minimumVersion: '0.1.0',
      });

      const whole = new Uint8Array(await (await fetch(`${hub.url}/v1/updates/${r.exeName}`)).arrayBuffer());
      expect(sha512(whole)).toBe(sha512(r.exe));
      expect((await fetch(`${hub.url}/v1/updates/${r.exeName}.blockmap`)).status).toBe(200);
    });

    it('answers byte ranges, so an interrupted download resumes', async () => {
      const r = releaseFolder('0.2.0');
      folders.push(r.dir);
      const path = `${hub.url}/v1/updates/Yishi-Setup-0.2.0.exe`;
      const full = new Uint8Array(await (await fetch(path)).arrayBuffer());
      const part = await fetch(path, { headers: { Range: 'bytes=100-199' } });
      expect(part.status).toBe(206);
      expect(part.headers.get('content-range')).toBe(`bytes 100-199/${full.length}`);
      expect(new Uint8Array(await part.arrayBuffer())).toEqual(full.slice(100, 200));
      const tail = await fetch(path, { headers: { Range: 'bytes=-10' } });
      expect(new Uint8Array(await tail.arrayBuffer())).toEqual(full.slice(-10));
      const beyond = await fetch(path, { headers: { Range: `bytes=${full.length}-` } });
      expect(beyond.status).toBe(416);
      expect(beyond.headers.get('content-range')).toBe(`bytes */${full.length}`);
    });

    it('refuses a release whose installer does not match its digest, and keeps the current one', async () => {
      const r = release('0.3.0', { tamper: true });
      const out = await publish(r.dir);
      expect(out.code).toBe(1);
      expect(out.stderr).toContain('sha512 与发布文件不符');
      expect(
        ((await (await fetch(`${hub.url}/v1/updates/policy`)).json()) as { version: string }).version,
      ).toBe('0.2.0');
      expect((await fetch(`${hub.url}/v1/updates/Yishi-0.3.0.AppImage`)).status).toBe(404);
    });

    it('keeps the newest three versions and serves only what was published', async () => {
      for (const version of ['0.3.0', '0.4.0', '0.5.0'])
        expect((await publish(release(version).dir)).code).toBe(0);
      const policy = (await (await fetch(`${hub.url}/v1/updates/policy`)).json()) as { version: string };
      expect(policy.version).toBe('0.5.0');
      expect((await fetch(`${hub.url}/v1/updates/Yishi-Setup-0.2.0.exe`)).status).toBe(404);
      expect((await fetch(`${hub.url}/v1/updates/Yishi-Setup-0.5.0.exe`)).status).toBe(200);
      expect((await fetch(`${hub.url}/v1/updates/index.json`)).status).toBe(404);
      expect((await fetch(`${hub.url}/v1/updates/..%2Findex.json`)).status).toBe(404);
      expect((await fetch(`${hub.url}/v1/updates/latest.yml`, { method: 'POST' })).status).toBe(405);
    });
  });
}
