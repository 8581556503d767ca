import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isHubOrigin, MAX_HUB_ORIGIN_CHARS } from '#shared/bridge/contract';
import type { Logger } from './log';

// A small per-device settings file in userData. The hub origin lives here: it decides the CSP's
// connect-src. The app writes it through the bridge (setHubOrigin); IT staff or the installer may
// also write it by hand, so reading is lenient (a trailing '/' is fine) and keys the app does not
// know are kept when it writes.
export const SETTINGS_FILE = 'settings.json';

export interface ShellSettings {
  /** e.g. 'http://192.168.10.5:8787'; null means the renderer may only talk to itself. */
  readonly hubOrigin: string | null;
}

/**
 * The canonical form of an http(s) origin (lower case, default port dropped), or null when the
 * value has credentials, a path, query or fragment, or a host a CSP source cannot name.
 */
export function parseHubOrigin(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > MAX_HUB_ORIGIN_CHARS) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password || url.search || url.hash) return null;
  if (url.pathname !== '/') return null;
  // The contract's guard keeps IPv6 literals and anything that could break out of the CSP
  // (spaces, ';', quotes, ',') out of the policy.
  return isHubOrigin(url.origin) ? url.origin : null;
}

async function readSettingsObject(path: string, log: Logger): Promise<Record<string, unknown> | null> {
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
      return parsed as Record<string, unknown>;
  } catch {
    // fall through to the warning
  }
  log.warn('settings file is not a JSON object; using defaults', { path });
  return null;
}

export async function readSettings(userDataDir: string, log: Logger): Promise<ShellSettings> {
  const path = join(userDataDir, SETTINGS_FILE);
  const hubValue = (await readSettingsObject(path, log))?.hubOrigin;
  if (hubValue === undefined || hubValue === null) return { hubOrigin: null };
  const hubOrigin = parseHubOrigin(hubValue);
  if (!hubOrigin) log.warn('settings hubOrigin is not an http(s) origin; ignoring it', { path });
  return { hubOrigin };
}

/**
 * Stores the hub origin (canonical form, or null), keeping the file's other keys. Written to a
 * temporary file and renamed, so a crash never leaves half a settings file behind.
 */
export async function writeHubOrigin(
  userDataDir: string,
  hubOrigin: string | null,
  log: Logger,
): Promise<void> {
  const path = join(userDataDir, SETTINGS_FILE);
  const current = (await readSettingsObject(path, log)) ?? {};
  const content = JSON.stringify({ ...current, hubOrigin }, null, 2) + '\n';
  await mkdir(userDataDir, { recursive: true });
  const temporary = `${path}.tmp`;
  await writeFile(temporary, content, 'utf8');
  await rename(temporary, path);
}
