// What the sync client takes and gives: its options, its status and its handle. Kept apart from
// client.ts so that screens and tests can use the types without the client's wiring.

import type { UnsyncedSnapshot } from './bundle-io';
import type { BehaviorSubject } from 'rxjs';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import type { CollectionName } from '#shared/domain/vocab';
import type { BackoffOptions } from '#shared/sync/backoff';
import type { Checkpoint } from '#shared/protocol/v1';
import type { AttachmentMover } from './attachment-mover';
import type { BundleInbox } from './bundle-inbox';
import type { ClientErrorCode, FetchLike } from './http';
import type { ErrorCode } from '#shared/protocol/v1';
import type { RefusedRowRecord, RefusedRowStore } from './refused-store';
import type { EventSourceFactory } from './sse';
import type { FirstSyncStatus } from './first-sync-status';
import type { UploadedAttachmentStore } from './uploaded-store';
import type { SyncSession } from './sync-session';

export type SyncState = 'idle' | 'syncing' | 'offline' | 'error' | 'revoked';

export interface SyncStatus {
  state: SyncState;
  /** ISO time of the last moment every collection was in sync with the hub. */
  lastSyncedAt: string | null;
  /** Local changes the hub has not acknowledged yet. */
  pending: number;
  /** Chinese, for the status bar. */
  error?: string;
  /** What `error` is about, for showing it in another language. */
  errorCode?: ErrorCode | ClientErrorCode;
  refusedCount: number;
  /** Photos still to upload to or download from the hub (they do not change `state`). */
  pendingPhotos?: number;
  /** A new or restored device's first sync, while and after it ran in this session. */
  firstSync?: FirstSyncStatus;
}

export interface SyncTiming {
  /** Period of the sleep/wake detector (default 5 s). */
  tickMs?: number;
  /** Extra delay of a tick that counts as sleep/wake (default 10 s). */
  gapMs?: number;
  requestTimeoutMs?: number;
  healthTimeoutMs?: number;
  /** How long 立即同步 waits before giving up (default 120 s). */
  syncNowTimeoutMs?: number;
  backoff?: BackoffOptions;
}

export interface SyncClientOptions {
  /** The Yishi database (any RxDatabase: the client only moves JSON states). */
  db: { collections: object };
  hubUrl: string;
  token: string;
  deviceScope: string;
  /** From enrollment; part of the replication identity and checked against `/v1/health`. */
  hubId?: string;
  /**
   * The hub epoch this device last synced with ('0' or absent: before any restore). Part of the
   * replication identity: a new epoch means a fresh replication (pull from the beginning, push
   * every local state).
   */
  hubEpoch?: string;
  /** Called once when the hub answers with another epoch (it was restored from a backup). */
  onEpochChanged?: (epoch: string) => void;
  eventSourceFactory: EventSourceFactory;
  fetchImpl?: FetchLike;
  /** Epoch milliseconds (tests move it to simulate sleep). */
  now?: () => number;
  /** In [0, 1): jitter of the retry delays. */
  random?: () => number;
  refusedStore?: RefusedRowStore;
  /** Photo bytes the hub already has (default: in memory; the app passes the Dexie store). */
  uploadedStore?: UploadedAttachmentStore;
  /** Called once after the hub answered `revoked` and everything stopped: warn and wipe. */
  onRevoked: () => void | Promise<void>;
  /** Default: every Yishi collection the database has. */
  collections?: readonly CollectionName[];
  lastSyncedAt?: string | null;
  pullBatchSize?: number;
  pushBatchSize?: number;
  /**
   * A collection with nothing stored and no checkpoint is first pulled by the client's own write
   * path (first-pull.ts) before RxDB's replication takes it over (default true).
   */
  firstPull?: boolean;
  /** Several windows share one database: only the elected leader replicates (default true). */
  waitForLeadership?: boolean;
  timing?: SyncTiming;
  /** Kept across restarts of the client, so that a loaded return bundle outlives one client. */
  inbox?: BundleInbox;
  /** Shared with the database's conflict handlers (default: the database's own, `syncSessionOf`). */
  session?: SyncSession;
}

export interface SyncClient {
  readonly status$: BehaviorSubject<SyncStatus>;
  /** Refused rows (hub said no), newest list after every change. */
  readonly refused$: BehaviorSubject<RefusedRowRecord[]>;
  /** Pull and push every collection now; resolves when in sync, rejects with a Chinese message. */
  syncNow(): Promise<void>;
  /** Removes a refused row from the list after a person dealt with it. */
  dismissRefused(key: string): Promise<void>;
  stop(): Promise<void>;
  /** What a revoked device had not pushed when the hub refused it (null: not revoked, or unread). */
  unsyncedAtRevocation(): UnsyncedSnapshot | null;
  /** For tests and diagnostics. */
  readonly replications: ReadonlyMap<CollectionName, RxReplicationState<unknown, Checkpoint>>;
  /** Moves photo bytes; `settled()` resolves when nothing is left to move. */
  readonly attachments: AttachmentMover;
  /** A return bundle loaded here answers the replications while the hub is unreachable. */
  readonly inbox: BundleInbox;
}
