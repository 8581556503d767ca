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

export function navigate(path: string): void {
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
