// The machine a benchmark ran on, written at the top of BENCHMARKS.md: figures mean little without it.

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { cpus, totalmem, release, platform } from 'node:os';

export interface MachineInfo {
  date: string;
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  chromium: string;
  postgres: string | null;
}

function chromiumVersion(path: string): string {
  try {
    return execFileSync(path, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .split('\n')[0]!
      .trim();
  } catch {
    return 'unknown';
  }
}

export function machineInfo(chromiumPath: string, postgres: string | null): MachineInfo {
  return {
    date: new Date().toISOString(),
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${platform()} ${release()}`,
    node: process.version,
    chromium: chromiumVersion(chromiumPath),
    postgres,
  };
}

/** Resident set size of a process in MiB, from /proc (Linux). */
export function rssMiB(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return kb / 1024;
  } catch {
    return Number.NaN;
  }
}

export interface ProbedMemory {
  rss: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

/** Environment that preloads bench/memory-probe.mjs into a Node process, writing to `file`. */
export function memoryProbeEnv(file: string): Record<string, string> {
  const probe = new URL('./memory-probe.mjs', import.meta.url).pathname;
  return {
    NODE_OPTIONS: `${process.env['NODE_OPTIONS'] ?? ''} --import ${probe}`.trim(),
    YISHI_MEMORY_PROBE: file,
  };
}

/** Asks a process started with memoryProbeEnv to collect garbage and report its memory (bytes). */
export async function probeMemory(pid: number, file: string): Promise<ProbedMemory> {
  rmSync(file, { force: true });
  process.kill(pid, 'SIGUSR2');
  const deadline = Date.now() + 10_000;
  while (!existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`process ${pid} did not report its memory`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return JSON.parse(readFileSync(file, 'utf8')) as ProbedMemory;
}
