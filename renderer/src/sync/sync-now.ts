// 立即同步: ask the hub now, pull and push every collection, and resolve once all are in step, or
// reject with the first failure (in Chinese) or after a time limit.

import type { Observable, Subscription } from 'rxjs';
import { CLIENT_ERROR_MESSAGES, HubError } from './http';

export interface SyncNowDeps {
  /** Why the client cannot sync at all (revoked, unauthorized, stopped), if so. */
  refusal: () => HubError | undefined;
  connectivity: { hurry(): void; probeNow(): Promise<boolean> };
  stream: { readonly isOpen: boolean; connect(): void };
  replications: { resyncAll(): void; awaitInSync(): Promise<unknown> };
  failures$: Observable<HubError>;
  timeoutMs: number;
  /** After every collection is in step: stamp the time, refresh the waiting count. */
  done: () => Promise<void>;
}

export async function runSyncNow(deps: SyncNowDeps): Promise<void> {
  const refusal = deps.refusal();
  if (refusal) throw refusal;
  deps.connectivity.hurry();
  if (!(await deps.connectivity.probeNow())) throw new HubError('network', CLIENT_ERROR_MESSAGES.network);
  if (!deps.stream.isOpen) deps.stream.connect();
  deps.replications.resyncAll();
  let failSub: Subscription | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const failed = new Promise<never>((_, reject) => {
    failSub = deps.failures$.subscribe((error) => reject(error));
    timer = setTimeout(
      () => reject(new HubError('timeout', '同步未能在规定时间内完成，稍后会自动重试。')),
      deps.timeoutMs,
    );
  });
  // A failure may arrive before the race below is set up; it is reported there, not as unhandled.
  failed.catch(() => undefined);
  try {
    // A tick first, so the RESYNC just requested is queued before waiting for idleness.
    await new Promise((resolve) => setTimeout(resolve, 0));
    await Promise.race([deps.replications.awaitInSync(), failed]);
  } finally {
    failSub?.unsubscribe();
    clearTimeout(timer);
  }
  await deps.done();
}
