// What the app knows about a newer version of itself, from either source: browser mode's service
// worker (a new build waits for 刷新) or the desktop app's updater (a downloaded, verified
// installer waits for 立即重启更新). The person always chooses when; see app/UpdateNotice.tsx.

export interface AppUpdateState {
  /** The app is cached and starts without a network (browser mode). */
  offlineReady: boolean;
  /** A newer version is ready and waits for the person: which kind decides the button. */
  waiting: { kind: 'reload' | 'restart'; version: string | null } | null;
  /** The hub asks for at least this version, and this one is older. */
  belowMinimum: { minimum: string; current: string } | null;
}

let state: AppUpdateState = { offlineReady: false, waiting: null, belowMinimum: null };
const listeners = new Set<() => void>();
let apply: (() => Promise<void>) | null = null;

export function setAppUpdate(next: Partial<AppUpdateState>, applyWaiting?: () => Promise<void>): void {
  if (applyWaiting) apply = applyWaiting;
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

/** Takes the waiting version: reloads into the new build, or restarts into the new install. */
export async function applyAppUpdate(): Promise<void> {
  if (apply) await apply();
}
