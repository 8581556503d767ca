// A Node child process (node --import tsx <script>) spoken to in JSON lines: { id, cmd, args } in,
// { id, ok, result | error } or { event, … } out.

import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
type Json = Record<string, unknown>;

export class JsonLineChild {
  private readonly child: ChildProcess;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly listeners: Array<(event: Json) => void> = [];
  stderr = '';

  constructor(
    readonly name: string,
    script: string,
  ) {
    this.child = spawn(process.execPath, ['--import', 'tsx', resolve(ROOT, script)], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child.stderr?.on('data', (d: Buffer) => (this.stderr = (this.stderr + d.toString()).slice(-10_000)));
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
        else w?.reject(new Error(`${name}: ${String(message['error'])}`));
        return;
      }
      for (const l of this.listeners) l(message);
    });
    this.child.on('exit', () => {
      for (const w of this.waiting.values()) w.reject(new Error(`${name} exited:\n${this.stderr}`));
      this.waiting.clear();
    });
  }

  get pid(): number {
    return this.child.pid ?? 0;
  }

  onEvent(listener: (event: Json) => void): void {
    this.listeners.push(listener);
  }

  call<T = unknown>(cmd: string, args: Json = {}): Promise<T> {
    if (this.child.exitCode !== null)
      return Promise.reject(new Error(`${this.name} exited:\n${this.stderr}`));
    const id = this.nextId++;
    return new Promise<T>((res, rej) => {
      this.waiting.set(id, { resolve: res as (v: unknown) => void, reject: rej });
      this.child.stdin?.write(JSON.stringify({ id, cmd, args }) + '\n');
    });
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    await Promise.race([this.call('close').catch(() => undefined), sleep(10_000)]);
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.stdin?.end();
    await Promise.race([exited, sleep(3_000)]);
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Runs task(0) … task(count - 1) with at most `width` running at once; results in order. */
export async function inParallel<T>(
  count: number,
  width: number,
  task: (i: number) => Promise<T>,
): Promise<T[]> {
  const out: T[] = new Array<T>(count);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) out[i] = await task(i);
  };
  await Promise.all(Array.from({ length: width }, worker));
  return out;
}
