// Browser mode's offline start: registers the service worker that vite-plugin-pwa generates
// (precached app shell, versioned caches) and reports a waiting new build to app-update.ts. The
// new build takes over only when the person asks for it, never by itself.

import { setAppUpdate } from './app-update';

/** How often an open page asks for a new build, besides every start and every return online. */
const CHECK_EVERY_MS = 30 * 60_000;
let started = false;

/**
 * Only a page served over http(s) in a browser registers: Electron's app:// pages are updated by
 * the installer, and the dev server has no service worker.
 */
export function startServiceWorker(): void {
  if (started || import.meta.env.DEV) return;
  if (window.yishi || !('serviceWorker' in navigator)) return;
  if (location.protocol !== 'http:' && location.protocol !== 'https:') return;
  started = true;
  void import('virtual:pwa-register').then(({ registerSW }) => {
    const update = registerSW({
      immediate: true,
      onOfflineReady: () => setAppUpdate({ offlineReady: true }),
      onNeedRefresh: () => setAppUpdate({ waiting: { kind: 'reload', version: null } }, () => update(true)),
      onRegisteredSW: (_url, registration) => {
        if (!registration) return;
        if (registration.active) setAppUpdate({ offlineReady: true });
        const check = () => {
          if (navigator.onLine) void registration.update().catch(() => undefined);
        };
        window.addEventListener('online', check);
        window.setInterval(check, CHECK_EVERY_MS);
      },
      // Offline start is a convenience on top of a working app: a failed registration (private
      // window, blocked storage) must not stop anyone from working.
      onRegisterError: () => undefined,
    });
  });
}
