import { useSyncExternalStore } from 'react';

// Hash routes work the same under app://yishi/ in Electron and on a plain static server.
function read(): string {
  const hash = window.location.hash.replace(/^#/, '');
  return hash.startsWith('/') ? hash : '/';
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): string {
  return useSyncExternalStore(subscribe, read);
}

/**
 * A screen with unsaved work may hold in-app navigation: the guard gets the path asked for and
 * returns false to stay (it then asks the person and calls `navigate(path, { force: true })`).
 */
let leaveGuard: ((path: string) => boolean) | null = null;

export function setLeaveGuard(guard: ((path: string) => boolean) | null): void {
  leaveGuard = guard;
}

export function navigate(path: string, options: { force?: boolean } = {}): void {
  if (!options.force && leaveGuard && !leaveGuard(path)) return;
  window.location.hash = path;
}

/** Splits `/demands/xg.gyj?status=open` into its path segments and query. */
export function parseRoute(route: string): { segments: string[]; query: URLSearchParams } {
  const [path = '/', query = ''] = route.split('?');
  return {
    segments: path.split('/').filter(Boolean).map(decodeURIComponent),
    query: new URLSearchParams(query),
  };
}
