import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from './origin';
import type { Logger } from './log';

// The renderer is served from app://yishi/… instead of file://, so it gets a real origin (its own
// IndexedDB, a CSP, no access to the rest of the disk). Every response carries the CSP.

export interface SchemeRegistrar {
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges: Record<string, boolean> }[]): void;
}

/** Must run before `app.whenReady()`: Chromium reads the list at start-up. */
export function registerAppScheme(protocol: SchemeRegistrar): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      // standard: real origin and relative URLs; secure: IndexedDB, crypto.subtle.
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};

export function mimeTypeOf(filePath: string): string {
  return MIME_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export interface AppRequest {
  readonly url: string;
  readonly method: string;
}

export interface AppProtocolOptions {
  /** The built renderer folder (dist/renderer). */
  readonly root: string;
  /** The Content-Security-Policy header value, read per response: the hub origin can change. */
  readonly csp: () => string;
  readonly log: Logger;
}

type Resolved = { kind: 'path'; segments: string[] } | { kind: 'refused'; reason: string };

/**
 * Splits the URL path into decoded segments, refusing anything that could leave the root:
 * `..`/`.` (also percent-encoded), encoded separators, drive letters and NUL bytes.
 */
function resolveSegments(rawPath: string): Resolved {
  const segments: string[] = [];
  for (const raw of rawPath.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return { kind: 'refused', reason: 'malformed percent-encoding' };
    }
    if (segment === '.' || segment === '..') return { kind: 'refused', reason: 'dot segment' };
    if (/[/\\:\0]/.test(segment)) return { kind: 'refused', reason: 'separator, drive or NUL in segment' };
    segments.push(segment);
  }
  return { kind: 'path', segments };
}

/** Path of the request URL before any normalisation a URL parser would apply. */
function rawPathOf(url: string): string | null {
  const prefix = `${APP_SCHEME}://${APP_HOST}`;
  if (!url.toLowerCase().startsWith(prefix)) return null;
  const rest = url.slice(prefix.length);
  if (rest !== '' && !/^[/?#]/.test(rest)) return null; // e.g. app://yishi.evil or app://yishi:80
  const end = rest.search(/[?#]/);
  return end === -1 ? rest : rest.slice(0, end);
}

function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

export function createAppProtocolHandler(
  options: AppProtocolOptions,
): (request: AppRequest) => Promise<Response> {
  const { root, csp, log } = options;
  const baseHeaders = () => ({
    'Content-Security-Policy': csp(),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
  });
  const text = (status: number, body: string) =>
    new Response(body, {
      status,
      headers: { ...baseHeaders(), 'Content-Type': 'text/plain; charset=utf-8' },
    });
  const refuse = (request: AppRequest, reason: string) => {
    log.warn('app:// request refused', { url: request.url, reason });
    return text(403, 'Forbidden');
  };

  const serve = async (request: AppRequest, filePath: string, rootReal: string): Promise<Response> => {
    const real = await realpath(filePath);
    // A symlink inside dist/renderer must not lead out of it.
    if (!isInside(rootReal, real)) return refuse(request, 'symlink escapes the root');
    const body = request.method === 'HEAD' ? null : await readFile(real);
    return new Response(body, {
      status: 200,
      headers: { ...baseHeaders(), 'Content-Type': mimeTypeOf(real), 'Cache-Control': 'no-cache' },
    });
  };

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return text(405, 'Method Not Allowed');
    const rawPath = rawPathOf(request.url);
    if (rawPath === null) return refuse(request, 'foreign host');
    const resolved = resolveSegments(rawPath);
    if (resolved.kind === 'refused') return refuse(request, resolved.reason);

    const rootAbs = resolve(root);
    let rootReal: string;
    try {
      rootReal = await realpath(rootAbs);
    } catch {
      log.warn('renderer folder missing: run `npm run build`', { root: rootAbs });
      return text(404, 'Not Found');
    }
    const target = resolve(rootAbs, ...resolved.segments);
    if (!isInside(rootAbs, target) || (target !== rootAbs && !target.startsWith(rootAbs + sep))) {
      return refuse(request, 'outside the root');
    }

    if (resolved.segments.length > 0 && (await isFile(target))) return serve(request, target, rootReal);

    // Unknown routes without a file extension belong to the single-page app; missing assets 404.
    const last = resolved.segments.at(-1) ?? '';
    if (extname(last) !== '' && resolved.segments.length > 0) return text(404, 'Not Found');
    const index = resolve(rootAbs, 'index.html');
    if (!(await isFile(index))) {
      log.warn('index.html missing: run `npm run build`', { root: rootAbs });
      return text(404, 'Not Found');
    }
    return serve(request, index, rootReal);
  };
}
