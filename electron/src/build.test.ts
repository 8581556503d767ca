import { builtinModules } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { BRIDGE_METHODS } from '#shared/bridge/contract';

const run = promisify(execFile);
const repoRoot = resolve(import.meta.dirname, '..', '..');

// A CommonJS stand-in for the electron package, resolved by the bundles from the temp folder's
// node_modules. It records what the bundle does and prints it as JSON when the process exits.
const FAKE_ELECTRON = `
const seen = { schemes: [], windows: [], handled: [], exposed: null, protocols: [] };
process.on('exit', () => process.stdout.write(JSON.stringify(seen)));
class BrowserWindow {
  constructor(options) { this.options = options; this.webContents = {}; seen.windows.push({ options, urls: this.urls = [] }); }
  loadURL(url) { this.urls.push(url); return Promise.resolve(); }
  once() {} on() {} show() {} focus() {} isDestroyed() { return false; } isMinimized() { return false; } restore() {}
  static fromWebContents() { return null; }
}
module.exports = {
  app: {
    isPackaged: true,
    requestSingleInstanceLock: () => true,
    whenReady: () => Promise.resolve(),
    quit() {}, on() {},
    getVersion: () => '0.1.0',
    getAppPath: () => process.env.FAKE_APP_PATH,
    getPath: () => process.env.FAKE_USER_DATA,
  },
  BrowserWindow,
  protocol: {
    registerSchemesAsPrivileged: (s) => seen.schemes.push(...s),
    handle: (scheme) => seen.protocols.push(scheme),
  },
  session: { defaultSession: { setPermissionRequestHandler() {}, setPermissionCheckHandler() {}, setDevicePermissionHandler() {} } },
  ipcMain: { handle: (channel) => seen.handled.push(channel) },
  dialog: {}, shell: {}, safeStorage: {}, screen: {},
  contextBridge: { exposeInMainWorld: (key, api) => { seen.exposed = { key, methods: Object.keys(api) }; } },
  ipcRenderer: { invoke: () => Promise.resolve() },
};
`;

let base: string;
let outdir: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'yishi-build-'));
  outdir = join(base, 'dist', 'electron');
  await mkdir(join(base, 'node_modules', 'electron'), { recursive: true });
  await writeFile(join(base, 'node_modules', 'electron', 'index.js'), FAKE_ELECTRON);
  await run(process.execPath, [join(repoRoot, 'scripts', 'build-electron.mjs'), '--outdir', outdir]);
}, 60_000);

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

const requiresOf = (code: string) => [
  ...new Set([...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])),
];

describe('scripts/build-electron.mjs', () => {
  it('bundles the preload into one CommonJS file that requires only electron', async () => {
    const code = await readFile(join(outdir, 'preload.cjs'), 'utf8');
    expect(code.startsWith('"use strict"')).toBe(true);
    expect(requiresOf(code)).toEqual(['electron']);
  });

  it('bundles the main process with electron and Node built-ins left external', async () => {
    const code = await readFile(join(outdir, 'main.cjs'), 'utf8');
    // electron-updater (bundled in) names Node's built-ins without the node: prefix.
    for (const name of requiresOf(code))
      expect(
        name === 'electron' || name?.startsWith('node:') || builtinModules.includes(name ?? ''),
        name,
      ).toBe(true);
    expect(code).not.toContain('#shared/');
  });

  it('runs the bundled preload: window.yishi with exactly the contract methods', async () => {
    const { stdout } = await run(process.execPath, [join(outdir, 'preload.cjs')]);
    const seen = JSON.parse(stdout) as { exposed: { key: string; methods: string[] } };
    expect(seen.exposed.key).toBe('yishi');
    expect(seen.exposed.methods.sort()).toEqual([...BRIDGE_METHODS].sort());
  });

  it('runs the bundled main process against the fake electron', async () => {
    const { stdout } = await run(process.execPath, [join(outdir, 'main.cjs')], {
      env: { ...process.env, FAKE_APP_PATH: base, FAKE_USER_DATA: join(base, 'userData'), YISHI_DEV_URL: '' },
    });
    const seen = JSON.parse(stdout) as {
      schemes: { scheme: string }[];
      protocols: string[];
      handled: string[];
      windows: { options: { webPreferences: Record<string, unknown> }; urls: string[] }[];
    };
    expect(seen.schemes.map((s) => s.scheme)).toEqual(['app']);
    expect(seen.protocols).toEqual(['app']);
    expect(seen.handled).toHaveLength(BRIDGE_METHODS.length);
    expect(seen.windows).toHaveLength(1);
    expect(seen.windows[0]?.urls).toEqual(['app://yishi/']);
    expect(seen.windows[0]?.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      preload: join(base, 'dist', 'electron', 'preload.cjs'),
    });
  });
});
