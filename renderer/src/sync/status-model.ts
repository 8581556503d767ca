// What the status bar shows, derived in one place from the facts the sync client collects: the
// hub's verdicts (revoked, a fatal error, per-collection errors), connectivity, whether any
// replication runs, and the first sync's progress. `deriveStatus` is pure; the model keeps the
// facts and publishes a new status only when it differs.

import { BehaviorSubject } from 'rxjs';
import type { CollectionName } from '#shared/domain/vocab';
import { CLIENT_ERROR_MESSAGES, HubError } from './http';
import type { FirstPullProgress } from './first-pull';
import { firstSyncTracker } from './first-sync-status';
import type { FirstSyncStatus } from './first-sync-status';
import type { SyncStatus } from './client-types';

type StatusCode = NonNullable<SyncStatus['errorCode']>;

export const REVOKED_MESSAGE = '此设备已被街道管理员停用，本机数据将被清除。';

export interface StatusFacts {
  revoked: boolean;
  fatalError: string | undefined;
  /** The code of the fatal error (default: unauthorized). */
  fatalCode?: StatusCode;
  online: boolean;
  /** Error texts of collections whose last request failed, first one shown. */
  errors: readonly string[];
  /** Their codes, in the same order. */
  errorCodes?: readonly StatusCode[];
  anyActive: boolean;
  /** Every replication has had its first full pull. */
  initialDone: boolean;
  firstSync: FirstSyncStatus | undefined;
  nowIso: string;
}

export function deriveStatus(prev: SyncStatus, patch: Partial<SyncStatus>, facts: StatusFacts): SyncStatus {
  const next: SyncStatus = { ...prev, ...patch };
  if (facts.firstSync) next.firstSync = facts.firstSync;
  const busy = facts.anyActive || (facts.firstSync !== undefined && !facts.firstSync.done);
  const errorText = facts.fatalError ?? facts.errors[0];
  next.state = facts.revoked
    ? 'revoked'
    : facts.fatalError
      ? 'error'
      : !facts.online
        ? 'offline'
        : facts.errors.length > 0
          ? 'error'
          : busy
            ? 'syncing'
            : 'idle';
  const errorCode = facts.fatalError ? (facts.fatalCode ?? 'unauthorized') : facts.errorCodes?.[0];
  delete next.errorCode;
  if (facts.revoked) {
    next.error = REVOKED_MESSAGE;
    next.errorCode = 'revoked';
  } else if (next.state === 'offline') {
    next.error = CLIENT_ERROR_MESSAGES.network;
    next.errorCode = 'network';
  } else if (errorText) {
    next.error = errorText;
    if (errorCode) next.errorCode = errorCode;
  } else delete next.error;
  // 已同步 only once every collection has had its first full pull: between two collections'
  // pulls the client is briefly idle, and a new device is not in step with the hub then.
  if (
    prev.state === 'syncing' &&
    next.state === 'idle' &&
    patch.lastSyncedAt === undefined &&
    facts.initialDone
  )
    next.lastSyncedAt = facts.nowIso;
  return next;
}

export interface StatusModelOptions {
  lastSyncedAt?: string | null | undefined;
  now: () => number;
  /** Read at every publish (the connectivity is created after the model). */
  isOnline: () => boolean;
}

export function createStatusModel(options: StatusModelOptions) {
  const status$ = new BehaviorSubject<SyncStatus>({
    state: 'idle',
    lastSyncedAt: options.lastSyncedAt ?? null,
    pending: 0,
    refusedCount: 0,
  });
  const firstSync = firstSyncTracker(options.now);
  const errors = new Map<string, { message: string; code: StatusCode }>();
  let fatalError: string | undefined;
  let fatalCode: StatusCode = 'unauthorized';
  let revoked = false;
  let anyActive = false;
  let initialDone = false;

  const publish = (patch: Partial<SyncStatus> = {}) => {
    const prev = status$.getValue();
    const next = deriveStatus(prev, patch, {
      revoked,
      fatalError,
      fatalCode,
      online: options.isOnline(),
      errors: [...errors.values()].map((e) => e.message),
      errorCodes: [...errors.values()].map((e) => e.code),
      anyActive,
      initialDone,
      firstSync: firstSync.summary(initialDone),
      nowIso: new Date(options.now()).toISOString(),
    });
    if (JSON.stringify(prev) !== JSON.stringify(next)) status$.next(next);
  };

  return {
    status$,
    publish,
    get revoked() {
      return revoked;
    },
    get fatalError() {
      return fatalError;
    },
    get anyActive() {
      return anyActive;
    },
    get initialDone() {
      return initialDone;
    },
    /** Why 立即同步 cannot run at all, if so. */
    refusal(stopped: boolean): HubError | undefined {
      if (revoked) return new HubError('revoked', REVOKED_MESSAGE);
      if (fatalError) return new HubError(fatalCode, fatalError);
      return stopped ? new HubError('stopped', CLIENT_ERROR_MESSAGES.stopped) : undefined;
    },
    markRevoked() {
      revoked = true;
    },
    setFatal(message: string, code: StatusCode = 'unauthorized') {
      fatalError = message;
      fatalCode = code;
    },
    setError(collection: CollectionName, message: string, code: StatusCode = 'server') {
      errors.set(collection, { message, code });
    },
    /** True when the collection had an error. */
    clearError: (collection: CollectionName) => errors.delete(collection),
    /** True when it changed. */
    setActive(active: boolean): boolean {
      if (active === anyActive) return false;
      anyActive = active;
      return true;
    },
    markInitialDone() {
      initialDone = true;
    },
    firstSyncProgress(name: CollectionName, progress: FirstPullProgress) {
      firstSync.update(name, progress);
    },
  };
}

export type StatusModel = ReturnType<typeof createStatusModel>;
