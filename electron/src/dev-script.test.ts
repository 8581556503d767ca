import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const repoRoot = resolve(import.meta.dirname, '..', '..');
const devScript = join(repoRoot, 'scripts', 'dev.mjs');

let base: string;
beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'yishi-dev-'));
});
afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('scripts/dev.mjs', () => {
  it('fails with a clear message when the Electron binary is missing', async () => {
    const empty = join(base, 'no-electron');
    const result = await run(process.execPath, [devScript], {
      cwd: repoRoot,
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: empty },
    }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Electron binary is not installed/);
    expect(result.stderr).toMatch(/npm run web/);
  });

  it('starts the Vite dev server and hands its URL to Electron', async () => {
    // A stand-in Electron that loads YISHI_DEV_URL the way the main window would, then exits.
    const fakeDir = join(base, 'fake-electron');
    await mkdir(fakeDir, { recursive: true });
    const fake = join(fakeDir, 'electron');
    await writeFile(
      fake,
      `#!${process.execPath}
const url = process.env.YISHI_DEV_URL;
fetch(url).then(async (r) => {
  console.log(JSON.stringify({ url, args: process.argv.slice(2), status: r.status, type: r.headers.get('content-type') }));
});
`,
    );
    await chmod(fake, 0o755);
    const { stdout } = await run(process.execPath, [devScript], {
      cwd: repoRoot,
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: fakeDir, YISHI_DEV_PORT: '0' },
      timeout: 60_000,
    });
    const line = stdout.split('\n').find((l) => l.startsWith('{'));
    const seen = JSON.parse(line ?? '{}') as { url: string; args: string[]; status: number; type: string };
    expect(seen.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(seen.args).toEqual(['.']);
    expect(seen.status).toBe(200);
    expect(seen.type).toMatch(/text\/html/);
  }, 90_000);
});
