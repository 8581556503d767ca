// The sync client: one RxDB replication per collection against the hub (protocol v1), one shared
// event stream, and the connectivity logic that keeps it correct across network loss, hub restarts
// and sleep/wake. No React here: the status bar, the enrollment screen and the 冲突处理 and
// refused-rows screens subscribe to what this exposes. This file only composes the status model,
// replication set, stream supervisor, pending counter and the database's sync session.

import { BehaviorSubject, Subject } from 'rxjs';
import type { Subscription } from 'rxjs';
import type { RxCollection } from 'rxdb';
import { COLLECTION_NAMES } from '#shared/domain/vocab';
import type { CollectionName } from '#shared/domain/vocab';
import { backoffDelay } from '#shared/sync/backoff';
import type { CountsResponse, HealthResponse } from '#shared/protocol/v1';
import { Connectivity } from './connectivity';
import { CLIENT_ERROR_MESSAGES, HubError, asHubError, hubEndpoint, hubRequest } from './http';
import type { FetchLike } from './http';
import { countPending } from './pending';
import { MemoryRefusedRowStore } from './refused-store';
import type { RefusedRowRecord } from './refused-store';
import { startAttachmentMover } from './attachment-mover';
import type { AttachmentMover } from './attachment-mover';
import { MemoryUploadedAttachmentStore } from './uploaded-store';
import { createFirstPull } from './first-pull';
import { BundleInbox } from './bundle-inbox';
import { createStatusModel } from './status-model';
import { createReplicationSet } from './replication-set';
import { createRequestOutcomes } from './request-outcomes';
import { createStreamSupervisor } from './stream-supervisor';
import { createPendingCounter } from './pending-counter';
import { syncSessionOf, watchEpoch } from './sync-session';
import { runSyncNow } from './sync-now';
import { snapshotWithin } from './bundle-io';
import type { UnsyncedSnapshot } from './bundle-io';

import type { SyncClient, SyncClientOptions } from './client-types';
export type { SyncClient, SyncClientOptions, SyncState, SyncStatus, SyncTiming } from './client-types';

export function createSyncClient(options: SyncClientOptions): SyncClient {
  const fetchImpl: FetchLike = options.fetchImpl ?? ((input, init) => fetch(input, init));
  const now = options.now ?? (() => Date.now());
  const random = options.random ?? Math.random;
  const nowIso = () => new Date(now()).toISOString();
  const timing = options.timing ?? {};
  const requestTimeoutMs = timing.requestTimeoutMs ?? 30_000;
  const refusedStore = options.refusedStore ?? new MemoryRefusedRowStore();
  const stopController = new AbortController();
  const dbCollections = options.db.collections as Partial<Record<string, RxCollection<unknown>>>;
  const collections = (options.collections ?? COLLECTION_NAMES).filter((c) => dbCollections[c] !== undefined);
  const inbox = options.inbox ?? new BundleInbox();
  const refused$ = new BehaviorSubject<RefusedRowRecord[]>([]);
  const failures$ = new Subject<HubError>();
  const subs: Subscription[] = [];
  let stopped = false;
  const session = options.session ?? syncSessionOf(options.db);
  const epoch = watchEpoch(session, options.hubEpoch, options.onEpochChanged);

  const status = createStatusModel({
    lastSyncedAt: options.lastSyncedAt,
    now,
    isOnline: () => connectivity.isOnline(),
  });
  const { publish } = status;

  const probe = async () => {
    const health = await hubRequest<HealthResponse>(fetchImpl, hubEndpoint(options.hubUrl, '/v1/health'), {
      timeoutMs: timing.healthTimeoutMs ?? 5_000,
      signal: stopController.signal,
    });
    if (options.hubId && health.hubId !== options.hubId) {
      status.setFatal(CLIENT_ERROR_MESSAGES.wrong_hub, 'wrong_hub');
      publish();
    }
    epoch.seen(health.epoch);
  };

  const connectivity = new Connectivity({
    probe,
    now,
    random,
    backoff: timing.backoff,
    tickMs: timing.tickMs ?? 5_000,
    gapMs: timing.gapMs ?? 10_000,
    onOffline: () => {
      stream.close();
      failures$.next(new HubError('network', CLIENT_ERROR_MESSAGES.network));
      publish();
    },
    onOnline: () => {
      inbox.clear();
      stream.resetBackoff();
      stream.connect();
      set.resyncAll();
      publish();
    },
    onWake: () => {
      if (connectivity.isOnline()) {
        stream.connect();
        set.resyncAll();
      }
    },
  });

  // The operating system says the network went or came back: ask the hub now, not at the next
  // tick (an open event stream may outlive the network for minutes and hide the change).
  const onNetworkChange = () => void connectivity.probeNow();
  const browserWindow = typeof window === 'undefined' ? undefined : window;
  browserWindow?.addEventListener('offline', onNetworkChange);
  browserWindow?.addEventListener('online', onNetworkChange);

  const stream = createStreamSupervisor({
    factory: options.eventSourceFactory,
    url: hubEndpoint(options.hubUrl, '/v1/sync/stream'),
    token: options.token,
    random,
    backoff: timing.backoff,
    isStopped: () => stopped,
    isOnline: () => connectivity.isOnline(),
    probeNow: () => connectivity.probeNow(),
    onOpen: () => connectivity.markOnline(),
    onChange: (change) => set.router.deliver(change),
    onEpoch: (e) => epoch.seen(e),
    resyncAll: () => set.resyncAll(),
  });

  const countAll = async () =>
    (await Promise.all([...set.replications.values()].map((r) => countPending(r).catch(() => 0)))).reduce(
      (a, b) => a + b,
      0,
    );
  const pending = createPendingCounter({
    now,
    count: countAll,
    isBusy: () => status.anyActive && connectivity.isOnline(),
    mayReport: () => !stopped || status.revoked,
    onCount: (count) => publish({ pending: count }),
  });

  const loadRefused = async () => {
    const list = await refusedStore.list();
    refused$.next(list);
    publish({ refusedCount: list.length });
  };

  let atRevocation: UnsyncedSnapshot | null = null;
  const stopAll = async () => {
    if (stopped) return;
    stopped = true;
    stopController.abort();
    connectivity.stop();
    browserWindow?.removeEventListener('offline', onNetworkChange);
    browserWindow?.removeEventListener('online', onNetworkChange);
    attachments.stop();
    stream.stop();
    pending.stop();
    for (const s of subs) s.unsubscribe();
    await set.cancel();
    publish();
  };

  const outcomes = createRequestOutcomes({
    status,
    isStopped: () => stopped,
    isOnline: () => connectivity.isOnline(),
    probeNow: () => void connectivity.probeNow(),
    retryDelay: (attempt) => backoffDelay(attempt, random(), timing.backoff),
    setRetryTime: (name, ms) => set.setRetryTime(name, ms),
    fail: (error) => failures$.next(error),
    // Read before the replications' bookkeeping closes: a revoked device hands it to the street office.
    stop: async () => {
      if (status.revoked && !stopped) atRevocation = await snapshotWithin(set.replications, 10_000);
      await stopAll();
    },
    onRevoked: options.onRevoked,
  });

  const firstPull = createFirstPull({
    batchSize: options.pullBatchSize ?? 1000,
    isStopped: () => stopped,
    retryDelay: (attempt) => backoffDelay(attempt, random(), timing.backoff),
    totals: async () =>
      (
        await hubRequest<CountsResponse>(fetchImpl, hubEndpoint(options.hubUrl, '/v1/sync/counts'), {
          token: options.token,
          signal: stopController.signal,
          timeoutMs: requestTimeoutMs,
        })
      ).counts,
    onProgress: (name, progress) => {
      status.firstSyncProgress(name, progress);
      publish();
    },
    onPulled: (name, seq) => set.router.notePulled(name, seq),
  });

  const set = createReplicationSet({
    collections: collections.map((name) => [name, dbCollections[name] as RxCollection<unknown>]),
    replicationId: `yishi-v1|${options.hubId ?? options.hubUrl}|${options.deviceScope}${epoch.idSuffix}`,
    pullBatchSize: options.pullBatchSize ?? 1000,
    pushBatchSize: options.pushBatchSize ?? 100,
    waitForLeadership: options.waitForLeadership ?? true,
    firstPull: (options.firstPull ?? true) ? firstPull : undefined,
    isStopped: () => stopped,
    handlers: {
      session,
      hubUrl: options.hubUrl,
      token: options.token,
      fetchImpl,
      signal: stopController.signal,
      timeoutMs: requestTimeoutMs,
      gate: () => connectivity.whenOnline(),
      inbox,
      isOnline: () => connectivity.isOnline(),
      nowIso,
      onSuccess: outcomes.onSuccess,
      onError: (name, error) => outcomes.onError(name, asHubError(error)),
      onRefused: async (records) => {
        await refusedStore.add(records);
        await loadRefused();
      },
    },
  });

  // Declared after the replications (it needs their photo collections).
  const attachments: AttachmentMover = startAttachmentMover({
    collections: set.photoCollections,
    http: {
      fetchImpl,
      hubUrl: options.hubUrl,
      token: options.token,
      signal: stopController.signal,
      timeoutMs: requestTimeoutMs,
    },
    uploaded: options.uploadedStore ?? new MemoryUploadedAttachmentStore(),
    gate: () => connectivity.whenOnline(),
    random,
    backoff: timing.backoff,
    onPending: (count) => {
      if (!stopped) publish({ pendingPhotos: count });
    },
    onFatal: (error) => outcomes.onError('demands', error),
  });

  const activeStates = new Map<CollectionName, boolean>();
  for (const [name, replication] of set.replications) {
    const collection = dbCollections[name] as RxCollection<unknown>;
    subs.push(
      collection.$.subscribe(() => pending.schedule()),
      replication.sent$.subscribe((doc) => {
        pending.schedule();
        // Photos are uploaded once the hub has the document that lists them.
        if (set.photoCollections.has(name))
          attachments.nudge(name, String((doc as Record<string, unknown>)['id']));
      }),
      replication.active$.subscribe((active) => {
        activeStates.set(name, active);
        const anyActive = [...activeStates.values()].some(Boolean);
        if (!status.setActive(anyActive)) return;
        if (anyActive) pending.markFresh();
        publish();
        if (!anyActive) pending.schedule();
      }),
    );
  }

  void set
    .awaitInitial()
    .then(() => {
      if (stopped) return;
      status.markInitialDone();
      epoch.firstRoundDone();
      void session.restored.finish().catch(() => undefined); // a restored device's bases served

      publish(status.anyActive ? {} : { lastSyncedAt: nowIso() });
    })
    .catch(() => undefined);

  stream.connect();
  void loadRefused().catch(() => undefined);
  pending.schedule();

  const syncNow = () =>
    runSyncNow({
      refusal: () => status.refusal(stopped),
      connectivity,
      stream,
      replications: set,
      failures$,
      timeoutMs: timing.syncNowTimeoutMs ?? 120_000,
      done: async () => {
        const waiting = await countAll();
        publish({ lastSyncedAt: nowIso(), pending: waiting });
      },
    });

  return {
    status$: status.status$,
    refused$,
    syncNow,
    dismissRefused: async (key) => {
      await refusedStore.remove(key);
      await loadRefused();
    },
    stop: stopAll,
    unsyncedAtRevocation: () => atRevocation,
    replications: set.replications,
    attachments,
    inbox,
  };
}
