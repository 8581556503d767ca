// Browser mode's offline start: registers the service worker that vite-plugin-pwa generates
// (precached app shell, versioned caches) and tells the app when a new build is waiting. The
// new build takes over only when the person asks for it (applyUpdate), never by itself.

export interface AppUpdateState {
  /** The app is cached and starts without a network. */
  offlineReady: boolean;
  /** A newer build is installed and waits for 刷新. */
  updateWaiting: boolean;
}

let state: AppUpdateState = { offlineReady: false, updateWaiting: false };
const listeners = new Set<() => void>();
let apply: ((reload?: boolean) => Promise<void>) | null = null;
let started = false;

function set(next: Partial<AppUpdateState>): void {
  state = { ...state, ...next };
  for (const listener of listeners) listener();
}

export function appUpdateState(): AppUpdateState {
  return state;
}

export function subscribeAppUpdate(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Activates the waiting build and reloads the page with it. */
export async function applyAppUpdate(): Promise<void> {
  if (apply) await apply(true);
}

/** How often an open page asks for a new build, besides every start and every return online. */
const CHECK_EVERY_MS = 30 * 60_000;

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
    apply = registerSW({
      immediate: true,
      onOfflineReady: () => set({ offlineReady: true }),
      onNeedRefresh: () => set({ updateWaiting: true }),
      onRegisteredSW: (_url, registration) => {
        if (!registration) return;
        if (registration.active) set({ offlineReady: true });
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
