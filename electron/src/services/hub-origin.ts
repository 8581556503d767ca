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
}

export function createHubOriginStore({ userDataDir, initial, log }: HubOriginStoreOptions): HubOriginStore {
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
