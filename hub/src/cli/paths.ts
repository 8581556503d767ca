// The hub's data folder: PGlite files, hub.json (where the running hub listens), the admin
// secret for the loopback admin routes, and a lock so only one process opens PGlite at a time.

import { chmodSync, mkdirSync, openSync, closeSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env['APPDATA'] || join(home, 'AppData', 'Roaming'), 'yishi-hub');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'yishi-hub');
  return join(env['XDG_DATA_HOME'] || join(home, '.local', 'share'), 'yishi-hub');
}

export interface HubInfo {
  url: string;
  pid: number;
  database: 'pglite' | 'postgres';
  startedAt: string;
}

export const hubInfoPath = (dir: string) => join(dir, 'hub.json');
export const adminSecretPath = (dir: string) => join(dir, 'admin-secret');
export const pgliteDir = (dir: string) => join(dir, 'pgdata');
const lockPath = (dir: string) => join(dir, 'pglite.lock');

export function ensureDataDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
}

export function readHubInfo(dir: string): HubInfo | null {
  try {
    const v = JSON.parse(readFileSync(hubInfoPath(dir), 'utf8')) as Partial<HubInfo>;
    if (typeof v.url !== 'string' || typeof v.pid !== 'number') return null;
    return { url: v.url, pid: v.pid, database: v.database ?? 'pglite', startedAt: v.startedAt ?? '' };
  } catch {
    return null;
  }
}

export function writeHubInfo(dir: string, info: HubInfo): void {
  writeFileSync(hubInfoPath(dir), JSON.stringify(info, null, 2) + '\n');
}

/** A fresh secret per start, readable by the owner only. */
export function writeAdminSecret(dir: string, secret: string): void {
  const path = adminSecretPath(dir);
  rmSync(path, { force: true });
  writeFileSync(path, secret + '\n', { mode: 0o600 });
  chmodSync(path, 0o600);
}

export function readAdminSecret(dir: string): string | null {
  try {
    return readFileSync(adminSecretPath(dir), 'utf8').trim() || null;
  } catch {
    return null;
  }
}

export function removeRuntimeFiles(dir: string): void {
  rmSync(hubInfoPath(dir), { force: true });
  rmSync(adminSecretPath(dir), { force: true });
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the PGlite lock of a data folder (PGlite has no multi-process locking of its own).
 * A lock left by a dead process is taken over. Returns a release function, or the holder's pid.
 */
export function acquirePgliteLock(dir: string): { release: () => void } | { heldBy: number } {
  const path = lockPath(dir);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      return { release: () => rmSync(path, { force: true }) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number(readFileSync(path, 'utf8').trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && processAlive(holder)) {
        return { heldBy: holder };
      }
      rmSync(path, { force: true });
    }
  }
  throw new Error(`cannot take ${path}`);
}
