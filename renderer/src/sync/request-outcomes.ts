// What the client does with the outcome of a request to the hub: a revoked device stops (once) and
// hands over to the wipe; a rejected token stops with a fatal error; a lost answer makes it ask the
// hub directly (only a failed probe means offline); any other error shows on the status bar and
// slows that collection's retries down until a request succeeds again.

import type { CollectionName } from '#shared/domain/vocab';
import type { HubError } from './http';
import { REPLICATION_RETRY_MS } from './replication-set';
import type { StatusModel } from './status-model';

export interface RequestOutcomeDeps {
  status: Pick<StatusModel, 'revoked' | 'markRevoked' | 'setFatal' | 'setError' | 'clearError' | 'publish'>;
  isStopped: () => boolean;
  isOnline: () => boolean;
  probeNow: () => void;
  retryDelay: (attempt: number) => number;
  setRetryTime: (name: CollectionName, ms: number) => void;
  /** Fails a running 立即同步. */
  fail: (error: HubError) => void;
  stop: () => Promise<void>;
  onRevoked: () => void | Promise<void>;
}

export function createRequestOutcomes(deps: RequestOutcomeDeps) {
  const attempts = new Map<CollectionName, number>();
  return {
    onError(collection: CollectionName, error: HubError) {
      if (deps.isStopped()) return;
      if (error.code === 'revoked') {
        if (deps.status.revoked) return;
        deps.status.markRevoked();
        deps.fail(error);
        void deps.stop().then(() => deps.onRevoked());
        return;
      }
      if (error.code === 'unauthorized') {
        deps.status.setFatal(error.message, error.code);
        deps.fail(error);
        void deps.stop();
        return;
      }
      if (error.isConnectivity) {
        // RxDB retries the request meanwhile.
        if (deps.isOnline()) deps.probeNow();
        return;
      }
      deps.status.setError(collection, error.message, error.code);
      const attempt = attempts.get(collection) ?? 0;
      attempts.set(collection, attempt + 1);
      deps.setRetryTime(collection, deps.retryDelay(attempt));
      deps.fail(error);
      deps.status.publish();
    },
    onSuccess(collection: CollectionName) {
      if (deps.status.clearError(collection) || attempts.has(collection)) {
        attempts.delete(collection);
        deps.setRetryTime(collection, REPLICATION_RETRY_MS);
        deps.status.publish();
      }
    },
  };
}
