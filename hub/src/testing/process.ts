// Real hub processes for integration tests: `node --import tsx hub/src/cli.ts serve --port 0`,
// the URL read from its first log line, the admin CLI run as a second process, and devices
// enrolled through the real routes.

import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { ActorRole } from '#shared/domain/vocab';
import type { AdminEnrollResponse, EnrollResponse } from '#shared/protocol/v1';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const CLI = join(REPO_ROOT, 'hub/src/cli.ts');

export interface HubProcess {
  url: string;
  dataDir: string;
  child: ChildProcess;
  /** Parsed JSON log lines so far. */
  logs: Array<Record<string, unknown>>;
  stderr(): string;
  /** Sends a signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  /** Resolves with the exit code once the process has exited. */
  exited: Promise<number | null>;
}

/**
 * A fresh data folder. PGlite's initdb takes seconds, so an empty cluster is made once per
 * machine (kept in the temp folder, keyed by the PGlite version) and copied for each hub.
 */
export async function freshDataDir(): Promise<string> {
  const { version } = JSON.parse(
    readFileSync(join(REPO_ROOT, 'node_modules/@electric-sql/pglite/package.json'), 'utf8'),
  ) as { version: string };
  const template = join(tmpdir(), `yishi-pglite-template-${version}`);
  if (!existsSync(join(template, 'ready'))) {
    const building = mkdtempSync(join(tmpdir(), 'yishi-template-'));
    const db = await PGlite.create(join(building, 'pgdata'));
    await db.close();
    writeFileSync(join(building, 'ready'), version);
    try {
      renameSync(building, template);
    } catch {
      // Another test file built it at the same time; theirs is as good as ours.
      rmSync(building, { recursive: true, force: true });
    }
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'yishi-hub-'));
  cpSync(join(template, 'pgdata'), join(dataDir, 'pgdata'), { recursive: true });
  return dataDir;
}

export async function startHubProcess(
  options: {
    dataDir?: string;
    env?: Record<string, string>;
    port?: number;
    timeoutMs?: number;
    /** More `serve` flags, e.g. `['--trust-proxy', '127.0.0.1']`. */
    args?: string[];
  } = {},
): Promise<HubProcess> {
  const dataDir = options.dataDir ?? (await freshDataDir());
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      CLI,
      'serve',
      '--port',
      String(options.port ?? 0),
      '--data',
      dataDir,
      ...(options.args ?? []),
    ],
    { cwd: REPO_ROOT, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const logs: Array<Record<string, unknown>> = [];
  let stderr = '';
  let pending = '';
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`hub did not start: ${stderr}`)),
      options.timeoutMs ?? 60_000,
    );
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        try {
          const entry = JSON.parse(line) as Record<string, unknown>;
          logs.push(entry);
          if (entry['msg'] === 'hub listening') {
            clearTimeout(timer);
            resolveUrl(String(entry['url']));
          }
        } catch {
          // A non-JSON line would break the log contract; the log test catches it.
          logs.push({ unparsed: line });
        }
      }
    });
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => (stderr += chunk));
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`hub exited with ${code}: ${stderr}`));
    });
  });
  return {
    url,
    dataDir,
    child,
    logs,
    exited,
    stderr: () => stderr,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `hub/src/cli.ts <args>` as its own process, as an administrator would. */
export function runCli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolveRun) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => (stdout += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('exit', (code) => resolveRun({ code, stdout, stderr }));
  });
}

export function adminSecretOf(hub: { dataDir: string }): string {
  return readFileSync(join(hub.dataDir, 'admin-secret'), 'utf8').trim();
}

/** Issues a code over the admin route (faster than a CLI process when a test needs many devices). */
export async function issueCode(
  hub: HubProcess,
  scope: string,
  role: ActorRole,
  ttlMinutes?: number,
): Promise<AdminEnrollResponse> {
  const res = await fetch(`${hub.url}/v1/admin/enroll`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${adminSecretOf(hub)}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      scope,
      role,
      name: `测试 ${scope} ${role}`,
      ...(ttlMinutes ? { ttlMinutes } : {}),
    }),
  });
  if (!res.ok) throw new Error(`admin enroll failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as AdminEnrollResponse;
}

export async function redeem(
  url: string,
  code: string,
  deviceName = '测试设备',
  localDeviceId?: string,
): Promise<Response> {
  return fetch(`${url}/v1/devices/enroll`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code, deviceName, ...(localDeviceId ? { localDeviceId } : {}) }),
  });
}

/**
 * Enrolls a device; `localDeviceId` is the id it set itself up with before (the fixtures' documents
 * carry dev-1), which the hub then accepts as this device's author id.
 */
export async function enrollDevice(
  hub: HubProcess,
  scope: string,
  role: ActorRole,
  localDeviceId?: string,
): Promise<EnrollResponse> {
  const { code } = await issueCode(hub, scope, role);
  const res = await redeem(hub.url, code, '测试设备', localDeviceId);
  if (!res.ok) throw new Error(`enroll failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as EnrollResponse;
}
