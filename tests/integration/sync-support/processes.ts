// Real processes for the sync integration tests: hub servers (PGlite in a temp folder, or
// PostgreSQL via HUB_DATABASE_URL) and device processes (client-main.ts) driven over stdin/stdout.

import { testHubKeyEnv } from '../../../hub/src/testing/pg';
import { spawn, execFile } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { createInterface } from 'node:readline';

const ROOT = resolve(import.meta.dirname, '../../..');
const HUB_CLI = join(ROOT, 'hub/src/cli.ts');
const CLIENT_MAIN = join(ROOT, 'tests/integration/sync-support/client-main.ts');
const run = promisify(execFile);

export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? res(address.port) : rej(new Error('no port')),
      );
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface HubOptions {
  /** postgres://… to run on PostgreSQL instead of PGlite. */
  databaseUrl?: string;
  /** A browser build for the hub to serve at `/`. */
  appDir?: string;
}

export class HubProcess {
  readonly dataDir = mkdtempSync(join(tmpdir(), 'yishi-sync-hub-'));
  port = 0;
  private child: ChildProcess | undefined;
  log = '';
  /** Every pull the hub answered, from its access log (the log above keeps only its tail). */
  readonly pulls: Array<{
    collection: string;
    checkpoint: number;
    /** Which page: `@<checkpoint>` in the hub's order, `<<before>` newest first (`<none>`: the top). */
    page: string;
    docs: number;
    status: number;
  }> = [];
  private partial = '';

  constructor(private readonly options: HubOptions = {}) {}

  private collectPulls(chunk: string): void {
    const lines = (this.partial + chunk).split('\n');
    this.partial = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.includes('"route":"pull"')) continue;
      try {
        const entry = JSON.parse(line) as Record<string, unknown>;
        this.pulls.push({
          collection: String(entry['collection']),
          checkpoint: Number(entry['checkpoint']),
          page:
            entry['before'] !== undefined ? `<${String(entry['before'])}` : `@${String(entry['checkpoint'])}`,
          docs: Number(entry['docs']),
          status: Number(entry['status']),
        });
      } catch {
        // not a log line
      }
    }
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  private env(): NodeJS.ProcessEnv {
    const env = { ...process.env };
    if (this.options.databaseUrl) {
      env['HUB_DATABASE_URL'] = this.options.databaseUrl;
      // Every hub on one database needs the same key.
      Object.assign(env, testHubKeyEnv(this.options.databaseUrl));
    } else delete env['HUB_DATABASE_URL'];
    if (this.options.appDir) env['HUB_APP_DIR'] = this.options.appDir;
    return env;
  }

  async start(): Promise<void> {
    if (this.port === 0) this.port = await freePort();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', HUB_CLI, 'serve', '--port', String(this.port), '--data', this.dataDir],
      {
        cwd: ROOT,
        env: this.env(),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    this.child = child;
    child.stdout?.on('data', (d: Buffer) => {
      this.log = (this.log + d.toString()).slice(-20_000);
      this.collectPulls(d.toString());
    });
    child.stderr?.on('data', (d: Buffer) => (this.log = (this.log + d.toString()).slice(-20_000)));
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`hub exited early:\n${this.log}`);
      try {
        const r = await fetch(`${this.url}/v1/health`);
        if (r.ok) return;
      } catch {
        // not listening yet
      }
      await sleep(100);
    }
    await this.stop('SIGKILL');
    throw new Error(`hub did not start:\n${this.log}`);
  }

  /** SIGTERM lets the hub finish the batch in flight; SIGKILL is a crash. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    await Promise.race([exited, sleep(15_000)]);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
  }

  async restart(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    await this.stop(signal);
    await this.start();
  }

  private async cli(args: string[]): Promise<string> {
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', HUB_CLI, ...args, '--data', this.dataDir, '--hub', this.url],
      {
        cwd: ROOT,
        env: this.env(),
      },
    );
    return stdout;
  }

  async enrollCode(scope: string, role: string, name: string): Promise<string> {
    const out = await this.cli(['enroll', '--scope', scope, '--role', role, '--name', name, '--json']);
    const line = out.trim().split('\n').at(-1) ?? '';
    return (JSON.parse(line) as { code: string }).code;
  }

  /** Everything the hub holds for `scope`, read through a fresh viewer device (for diagnostics). */
  async pullAll(scope: string, collections: readonly string[]): Promise<Record<string, Json[]>> {
    const code = await this.enrollCode(scope, 'viewer', `inspect-${Date.now()}`);
    const enrolled = await fetch(`${this.url}/v1/devices/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, deviceName: 'inspector' }),
    });
    const { token } = (await enrolled.json()) as { token: string };
    const out: Record<string, Json[]> = {};
    for (const name of collections) {
      const docs: Json[] = [];
      let checkpoint: { seq: number } | null = null;
      for (;;) {
        const query: string = checkpoint ? `?checkpoint=${checkpoint.seq}&limit=500` : '?limit=500';
        const r = await fetch(`${this.url}/v1/sync/${name}/pull${query}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        const body = (await r.json()) as { documents: Json[]; checkpoint: { seq: number } | null };
        docs.push(...body.documents);
        if (body.documents.length < 500) break;
        checkpoint = body.checkpoint;
      }
      out[name] = docs.sort((a, b) => String(a['id']).localeCompare(String(b['id'])));
    }
    return out;
  }

  /** `npm run hub -- backup --out FILE` against the running hub. */
  async backup(file: string): Promise<void> {
    await this.cli(['backup', '--out', file]);
  }

  /** `npm run hub -- restore --from FILE`; the hub must be stopped. */
  async restore(file: string): Promise<void> {
    await run(
      process.execPath,
      ['--import', 'tsx', HUB_CLI, 'restore', '--from', file, '--data', this.dataDir],
      {
        cwd: ROOT,
        env: this.env(),
      },
    );
  }

  async revoke(deviceId: string): Promise<void> {
    await this.cli(['revoke', deviceId]);
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

type Json = Record<string, unknown>;

export class DeviceProcess {
  private readonly child: ChildProcess;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  readonly events: Json[] = [];
  stderr = '';
  revoked = false;
  lastStatus: Json | undefined;

  constructor(readonly name: string) {
    this.child = spawn(process.execPath, ['--import', 'tsx', CLIENT_MAIN], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child.stderr?.on('data', (d: Buffer) => (this.stderr = (this.stderr + d.toString()).slice(-20_000)));
    createInterface({ input: this.child.stdout! }).on('line', (line) => {
      let message: Json;
      try {
        message = JSON.parse(line) as Json;
      } catch {
        return;
      }
      if (typeof message['id'] === 'number') {
        const w = this.waiting.get(message['id']);
        this.waiting.delete(message['id']);
        if (message['ok']) w?.resolve(message['result']);
        else
          w?.reject(
            Object.assign(new Error(`${name}: ${String(message['error'])}`), { code: message['code'] }),
          );
        return;
      }
      if (message['event'] === 'revoked') this.revoked = true;
      if (message['event'] === 'status') this.lastStatus = message['status'] as Json;
      this.events.push(message);
    });
    this.child.on('exit', () => {
      for (const w of this.waiting.values()) w.reject(new Error(`${name} exited:\n${this.stderr}`));
      this.waiting.clear();
    });
  }

  get exited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  call<T = unknown>(cmd: string, args: Json = {}): Promise<T> {
    if (this.exited) return Promise.reject(new Error(`${this.name} exited:\n${this.stderr}`));
    const id = this.nextId++;
    return new Promise<T>((res, rej) => {
      this.waiting.set(id, { resolve: res as (v: unknown) => void, reject: rej });
      this.child.stdin?.write(JSON.stringify({ id, cmd, args }) + '\n');
    });
  }

  /** 立即同步 until it succeeds (a hub restart or an injected fault may fail single attempts). */
  async syncUntilDone(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let lastError: unknown;
    while (Date.now() < deadline) {
      try {
        await this.call('syncNow');
        return;
      } catch (error) {
        if (this.exited) throw error;
        lastError = error;
        if (process.env['YISHI_SYNC_DEBUG'])
          console.log(this.name, 'syncNow failed', String(error), JSON.stringify(this.lastStatus));
        await sleep(200);
      }
    }
    throw new Error(`${this.name} did not sync: ${String(lastError)}\n${this.stderr}`);
  }

  async dispose(): Promise<void> {
    if (this.child.exitCode === null) {
      await Promise.race([this.call('close').catch(() => undefined), sleep(10_000)]);
      this.child.stdin?.end();
      const exited = new Promise((r) => this.child.once('exit', r));
      await Promise.race([exited, sleep(5_000)]);
      if (this.child.exitCode === null) this.child.kill('SIGKILL');
    }
  }
}

export const wait = sleep;
