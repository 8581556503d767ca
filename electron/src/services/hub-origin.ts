import type { SetHubOriginResult } from '#shared/bridge/contract';
import type { Logger } from '../log';
import { parseHubOrigin, writeHubOrigin } from '../settings';
import type { SenderContents } from './types';

// The hub origin the CSP's connect-src names. It is kept in memory so every app:// response reads
// it without touching the disk, and written to settings.json so it survives a restart. A page's
// CSP is fixed when the page loads, so the bridge reloads the caller after a change.

export interface HubOriginStore {
  /** What the CSP of the next app:// response allows; read on every request. */
  current(): string | null;
  get(): Promise<string | null>;
  /** `origin` has passed the contract's guard; it is stored in canonical form. */
  set(origin: string | null): Promise<SetHubOriginResult>;
}

export interface HubOriginStoreOptions {
  readonly userDataDir: string;
  /** From readSettings at start-up. */
  readonly initial: string | null;
  readonly log: Logger;
  /** Whether the origin answers as a Yishi hub (default: asks its /v1/health). */
  readonly confirm?: (origin: string) => Promise<boolean>;
}

/**
 * Asks the origin's /v1/health from the main process, which no CSP limits: only an address that
 * answers as a Yishi hub (protocol 1, a hub id) is let into the page's connect-src, so a mistyped
 * or hostile address never becomes a place the renderer may send data to.
 */
export async function answersAsHub(origin: string, timeoutMs = 5_000): Promise<boolean> {
  try {
    const response = await fetch(`${origin}/v1/health`, { signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) return false;
    const body = (await response.json()) as { protocol?: unknown; hubId?: unknown } | null;
    return body?.protocol === 1 && typeof body.hubId === 'string' && body.hubId.length > 0;
  } catch {
    return false;
  }
}

export function createHubOriginStore({
  userDataDir,
  initial,
  log,
  confirm = answersAsHub,
}: HubOriginStoreOptions): HubOriginStore {
  let current = initial;
  // One write at a time, so the file and the memory always agree on the last call.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  return {
    current: () => current,
    get: async () => current,
    set: (origin) =>
      serial(async () => {
        const canonical = origin === null ? null : parseHubOrigin(origin);
        if (origin !== null && canonical === null)
          throw new Error('hub origin refused: not an http(s) origin');
        if (canonical !== null && canonical !== current && !(await confirm(canonical))) {
          log.warn('hub origin refused: it does not answer as a Yishi hub', { hubOrigin: canonical });
          return { status: 'notAHub', origin: current } as const;
        }
        await writeHubOrigin(userDataDir, canonical, log);
        current = canonical;
        log.info('hub origin saved', { hubOrigin: canonical });
        return { status: 'saved', origin: canonical } as const;
      }),
  };
}

/**
 * Reloads the page after the current IPC reply has gone out, so the caller receives its result
 * first and the reloaded page gets the new CSP.
 */
export function reloadSoon(contents: Pick<SenderContents, 'reload' | 'isDestroyed'>): void {
  setTimeout(() => {
    if (!contents.isDestroyed()) contents.reload();
  }, 0);
}
