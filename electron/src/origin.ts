// The renderer's own origin. Node's WHATWG URL reports 'null' as the origin of schemes it does not
// know (app:), so origins are compared by scheme and host explicitly.
export const APP_SCHEME = 'app';
export const APP_HOST = 'yishi';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** `scheme://host[:port]` for app:, http: and https: URLs; null for anything else. */
export function originOf(url: string): string | null {
  const parsed = parse(url);
  if (!parsed) return null;
  if (parsed.protocol === `${APP_SCHEME}:`) {
    return parsed.host === '' ? null : `${APP_SCHEME}://${parsed.host}`;
  }
  if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return parsed.origin;
  return null;
}

export function isHttpUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && (parsed.protocol === 'http:' || parsed.protocol === 'https:');
}

/**
 * The Vite dev server given by scripts/dev.mjs through YISHI_DEV_URL. Only a loopback http
 * origin is accepted, so a stray environment variable cannot point the app at a remote site.
 */
export function parseDevOrigin(value: string | undefined): string | null {
  if (!value) return null;
  const parsed = parse(value);
  if (!parsed || parsed.protocol !== 'http:') return null;
  const loopback = ['127.0.0.1', 'localhost', '[::1]'];
  return loopback.includes(parsed.hostname) ? parsed.origin : null;
}

/** The origins whose pages may use the bridge: app://yishi, plus the dev server in dev mode. */
export function trustedOrigins(devOrigin: string | null): readonly string[] {
  return devOrigin ? [APP_ORIGIN, devOrigin] : [APP_ORIGIN];
}

/** Where a window loads a renderer route (hash routing: the renderer is built with base './'). */
export function rendererUrl(route: string, devOrigin: string | null): string {
  const base = devOrigin ? `${devOrigin}/` : `${APP_ORIGIN}/`;
  return route === '/' ? base : `${base}#${route}`;
}
