import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from './log';

// A small per-device settings file in userData, written by the street office's IT staff or the
// installer. Only the hub origin lives here: it decides the CSP's connect-src.
export const SETTINGS_FILE = 'settings.json';

export interface ShellSettings {
  /** e.g. 'http://192.168.10.5:8787'; null means the renderer may only talk to itself. */
  readonly hubOrigin: string | null;
}

/** Accepts an http(s) origin only: no credentials, path, query or fragment. */
export function parseHubOrigin(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 200) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password || url.search || url.hash) return null;
  if (url.pathname !== '/') return null;
  // CSP source expressions cannot carry these characters; URL parsing already rejects most.
  if (/[\s;,']/.test(url.origin)) return null;
  return url.origin;
}

export async function readSettings(userDataDir: string, log: Logger): Promise<ShellSettings> {
  const path = join(userDataDir, SETTINGS_FILE);
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch {
    return { hubOrigin: null };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    log.warn('settings file is not valid JSON; using defaults', { path });
    return { hubOrigin: null };
  }
  const hubValue =
    typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>).hubOrigin : undefined;
  if (hubValue === undefined || hubValue === null) return { hubOrigin: null };
  const hubOrigin = parseHubOrigin(hubValue);
  if (!hubOrigin) log.warn('settings hubOrigin is not an http(s) origin; ignoring it', { path });
  return { hubOrigin };
}
