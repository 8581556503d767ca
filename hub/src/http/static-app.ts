// The browser build of the app, served by the hub at `/` on the same origin as the API: any PC in
// the street opens http://<hub>:8787/, enrolls with a code and works offline from then on (the
// service worker precaches what it loads here). Read-only, inside one folder, strict headers.

import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, sep } from 'node:path';
import { contentSecurityPolicy } from '#shared/bridge/csp';
import { HttpError } from './io';
import { sendFile } from './send-file';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** The page talks to this hub only: the API is on the page's own origin. */
export const HUB_APP_CSP = contentSecurityPolicy({ connect: [] });

export interface StaticApp {
  /** The folder of the built renderer (index.html, sw.js, assets/). */
  root: string;
}

/** Whether a request is for the app rather than the API. */
export function isAppRequest(method: string | undefined, pathname: string): boolean {
  return (method === 'GET' || method === 'HEAD') && !pathname.startsWith('/v1/') && pathname !== '/v1';
}

/**
 * The file a path names inside the app folder, or null. Segments are decoded one by one, so an
 * encoded slash, a dot segment or a NUL byte can never lead outside the folder.
 */
export function appFilePath(root: string, pathname: string): string | null {
  const segments: string[] = [];
  for (const raw of pathname.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '.' || segment === '..' || /[\\/\0]/.test(segment)) return null;
    segments.push(segment);
  }
  return join(root, ...(segments.length === 0 ? ['index.html'] : segments));
}

/** Hashed bundles never change under their name; the shell and the worker must be revalidated. */
function cacheControl(pathname: string): string {
  return pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
}

export async function serveApp(
  app: StaticApp,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
): Promise<void> {
  const file = appFilePath(app.root, pathname);
  if (file === null) throw new HttpError('bad_request');
  let real: string;
  let size: number;
  try {
    real = await realpath(file);
    const root = await realpath(app.root);
    // A link inside the folder must not lead out of it either.
    if (real !== root && !real.startsWith(root + sep)) throw new HttpError('not_found');
    const info = await stat(real);
    if (!info.isFile()) throw new HttpError('not_found');
    size = info.size;
  } catch (err) {
    if (err instanceof HttpError) throw err;
    throw new HttpError('not_found');
  }
  await sendFile(req, res, real, size, {
    'Content-Type': TYPES[extname(real).toLowerCase()] ?? 'application/octet-stream',
    'Cache-Control': cacheControl(pathname),
    'Content-Security-Policy': HUB_APP_CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
  });
}
