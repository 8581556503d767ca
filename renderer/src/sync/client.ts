// The sync client: one RxDB replication per collection against the hub (protocol v1), one shared
// event stream, and the connectivity logic that keeps it correct across network loss, hub restarts
// and sleep/wake. No React here: the status bar, the enrollment screen and the 冲突处理 and
// refused-rows screens subscribe to what this exposes.

import { BehaviorSubject, Subject } from 'rxjs';
import type { Subscription } from 'rxjs';
import type { RxCollection, RxReplicationPullStreamItem } from 'rxdb';
import { replicateRxCollection } from 'rxdb/plugins/replication';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import { COLLECTION_NAMES } from '#shared/domain/vocab';
import type { CollectionName } from '#shared/domain/vocab';
import { backoffDelay } from '#shared/sync/backoff';
import type { Checkpoint, CountsResponse, HealthResponse } from '#shared/protocol/v1';
import { Connectivity } from './connectivity';
import { CLIENT_ERROR_MESSAGES, HubError, asHubError, hubEndpoint, hubRequest } from './http';
import type { FetchLike } from './http';
import { countPending } from './pending';
import { setHubRestoring } from './pushed-states';
import { MemoryRefusedRowStore } from './refused-store';
import type { RefusedRowRecord } from './refused-store';
import { HubStream } from './stream';
import { createReplicationHandlers, fromHub, withLocalAttachments } from './handlers';
import type { LocalAttachmentsLookup } from './handlers';
import { startAttachmentMover } from './attachment-mover';
import type { AttachmentMover } from './attachment-mover';
import { MemoryUploadedAttachmentStore } from './uploaded-store';
import { isPhotoCollection } from '#shared/protocol/attachments';
import { createFirstPull } from './first-pull';
import { firstSyncTracker } from './first-sync-status';
import { BundleInbox } from './bundle-inbox';

import type { SyncClient, SyncClientOptions, SyncStatus } from './client-types';
export type { SyncClient, SyncClientOptions, SyncState, SyncStatus, SyncTiming } from './client-types';

const REPLICATION_RETRY_MS = 1_000;
/** While replications run online, the waiting count is refreshed at most this often. */
const PENDING_MAX_STALE_MS = 30_000;

export function createSyncClient(options: SyncClientOptions): SyncClient {
  const fetchImpl: FetchLike = options.fetchImpl ?? ((input, init) => fetch(input, init));
  const now = options.now ?? (() => Date.now());
  const random = options.random ?? Math.random;
  const nowIso = () => new Date(now()).toISOString();
  const timing = options.timing ?? {};
  const refusedStore = options.refusedStore ?? new MemoryRefusedRowStore();
  const stopController = new AbortController();
  const dbCollections = options.db.collections as Partial<Record<string, RxCollection<unknown>>>;
  const collections = (options.collections ?? COLLECTION_NAMES).filter((c) => dbCollections[c] !== undefined);

  const status$ = new BehaviorSubject<SyncStatus>({
    state: 'idle',
    lastSyncedAt: options.lastSyncedAt ?? null,
    pending: 0,
    refusedCount: 0,
  });
  const refused$ = new BehaviorSubject<RefusedRowRecord[]>([]);
  const failures$ = new Subject<HubError>();
  const replications = new Map<CollectionName, RxReplicationState<unknown, Checkpoint>>();
  const streams = new Map<CollectionName, Subject<RxReplicationPullStreamItem<unknown, Checkpoint>>>();
  const highestSeq = new Map<CollectionName, number>();
  const errors = new Map<string, string>();
  const errorAttempts = new Map<CollectionName, number>();
  const subs: Subscription[] = [];
  let fatalError: string | undefined;
  let stopped = false;
  let revoked = false;
  let streamAttempt = 0;
  let streamTimer: ReturnType<typeof setTimeout> | undefined;
  let pendingTimer: ReturnType<typeof setTimeout> | undefined;
  let anyActive = false;
  let initialDone = false;
  const attachmentLookups = new Map<CollectionName, LocalAttachmentsLookup>();
  const streamChains = new Map<CollectionName, Promise<void>>();
  const photoCollections = new Map<string, RxCollection<unknown>>();

  const firstSync = firstSyncTracker(now);
  const inbox = options.inbox ?? new BundleInbox();

  const publish = (patch: Partial<SyncStatus> = {}) => {
    const prev = status$.getValue();
    const next: SyncStatus = { ...prev, ...patch };
    const first = firstSync.summary(initialDone);
    if (first) next.firstSync = first;
    const busy = anyActive || (first !== undefined && !first.done);
    const errorText = fatalError ?? [...errors.values()][0];
    next.state = revoked
      ? 'revoked'
      : fatalError
        ? 'error'
        : !connectivity.isOnline()
          ? 'offline'
          : errors.size > 0
            ? 'error'
            : busy
              ? 'syncing'
              : 'idle';
    if (revoked) next.error = CLIENT_ERROR_MESSAGES_REVOKED;
    else if (next.state === 'offline') next.error = CLIENT_ERROR_MESSAGES.network;
    else if (errorText) next.error = errorText;
    else delete next.error;
    // 已同步 only once every collection has had its first full pull: between two collections'
    // pulls the client is briefly idle, and a new device is not in step with the hub then.
    if (prev.state === 'syncing' && next.state === 'idle' && patch.lastSyncedAt === undefined && initialDone)
      next.lastSyncedAt = nowIso();
    if (JSON.stringify(prev) !== JSON.stringify(next)) status$.next(next);
  };

  const probe = async () => {
    const health = await hubRequest<HealthResponse>(fetchImpl, hubEndpoint(options.hubUrl, '/v1/health'), {
      timeoutMs: timing.healthTimeoutMs ?? 5_000,
      signal: stopController.signal,
    });
    if (options.hubId && health.hubId !== options.hubId) {
      fatalError = '该服务器不是本设备登记时的同步服务器，请核对服务器地址。';
      publish();
    }
    epochSeen(health.epoch);
  };

  // A restored hub's sequence went back: checkpoints of the old epoch would skip new documents.
  let epochReported = false;
  const epochSeen = (epoch: string | undefined) => {
    if (epoch === undefined || epoch === (options.hubEpoch ?? '0') || epochReported) return;
    epochReported = true;
    setHubRestoring(true);
    options.onEpochChanged?.(epoch);
  };

  const resyncAll = () => {
    for (const r of replications.values()) r.reSync();
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
      streamAttempt = 0;
      stream.connect();
      resyncAll();
      publish();
    },
    onWake: () => {
      if (connectivity.isOnline()) {
        stream.connect();
        resyncAll();
      }
    },
  });

  // The operating system says the network went or came back: ask the hub now, not at the next
  // tick (an open event stream may outlive the network for minutes and hide the change).
  const onNetworkChange = () => void connectivity.probeNow();
  const browserWindow = typeof window === 'undefined' ? undefined : window;
  browserWindow?.addEventListener('offline', onNetworkChange);
  browserWindow?.addEventListener('online', onNetworkChange);

  const scheduleStreamReconnect = () => {
    if (stopped || streamTimer) return;
    const delay = backoffDelay(streamAttempt, random(), timing.backoff);
    streamAttempt += 1;
    streamTimer = setTimeout(() => {
      streamTimer = undefined;
      if (!stopped && connectivity.isOnline()) stream.connect();
    }, delay);
  };

  const stream = new HubStream({
    factory: options.eventSourceFactory,
    url: hubEndpoint(options.hubUrl, '/v1/sync/stream'),
    token: options.token,
    onOpen: () => connectivity.markOnline(),
    onResync: (epoch) => {
      streamAttempt = 0;
      epochSeen(epoch);
      resyncAll();
    },
    onChange: (change) => {
      const subject = streams.get(change.collection);
      if (!subject) return;
      // Duplicated or late events carry states a pull already delivered: never go backwards.
      if (change.checkpoint.seq <= (highestSeq.get(change.collection) ?? -1)) return;
      highestSeq.set(change.collection, change.checkpoint.seq);
      const lookup = attachmentLookups.get(change.collection);
      if (!lookup) {
        subject.next({ documents: change.documents as never[], checkpoint: change.checkpoint });
        return;
      }
      // Chained per collection so the local attachments lookup cannot reorder the changes.
      const previous = streamChains.get(change.collection) ?? Promise.resolve();
      const next = previous
        .then(() => withLocalAttachments(change.documents, lookup))
        .then((documents) => {
          if (!stopped) subject.next({ documents: documents as never[], checkpoint: change.checkpoint });
        })
        // The next pull brings the same states; a failed lookup only delays them.
        .catch(() => undefined);
      streamChains.set(change.collection, next);
    },
    onError: () => {
      if (stopped) return;
      // Changes may have been missed while the stream was down: re-pull, then decide.
      void connectivity.probeNow().then((online) => {
        if (!online || stopped) return;
        resyncAll();
        scheduleStreamReconnect();
      });
    },
  });

  let lastCounted = 0;
  const schedulePending = () => {
    if (pendingTimer || stopped) return;
    // The count walks every document changed since the upstream checkpoint, and while a pull runs
    // that checkpoint stays put: counting on each pulled change would make the initial sync
    // quadratic. While the hub is reachable and a replication runs, the status says 同步中 and
    // the count follows when it settles (or every few seconds of a long run); offline it counts.
    if (anyActive && connectivity.isOnline() && now() - lastCounted < PENDING_MAX_STALE_MS) return;
    pendingTimer = setTimeout(() => {
      pendingTimer = undefined;
      lastCounted = now();
      void Promise.all([...replications.values()].map((r) => countPending(r).catch(() => 0))).then(
        (counts) => {
          if (!stopped || revoked) publish({ pending: counts.reduce((a, b) => a + b, 0) });
        },
      );
    }, 200);
  };

  const loadRefused = async () => {
    const list = await refusedStore.list();
    refused$.next(list);
    publish({ refusedCount: list.length });
  };

  const stopAll = async () => {
    if (stopped) return;
    stopped = true;
    stopController.abort();
    connectivity.stop();
    browserWindow?.removeEventListener('offline', onNetworkChange);
    browserWindow?.removeEventListener('online', onNetworkChange);
    attachments.stop();
    stream.close();
    clearTimeout(streamTimer);
    clearTimeout(pendingTimer);
    for (const s of subs) s.unsubscribe();
    await Promise.all([...replications.values()].map((r) => r.cancel().catch(() => undefined)));
    for (const s of streams.values()) s.complete();
    publish();
  };

  const onRequestError = (collection: CollectionName, error: HubError) => {
    if (stopped) return;
    if (error.code === 'revoked') {
      if (revoked) return;
      revoked = true;
      failures$.next(error);
      void stopAll().then(() => options.onRevoked());
      return;
    }
    if (error.code === 'unauthorized') {
      fatalError = error.message;
      failures$.next(error);
      void stopAll();
      return;
    }
    if (error.isConnectivity) {
      // One lost answer is not an outage: ask the hub directly; only a failed probe means offline
      // (and fails a running 立即同步). RxDB retries the request meanwhile.
      if (connectivity.isOnline()) void connectivity.probeNow();
      return;
    }
    errors.set(collection, error.message);
    const attempt = errorAttempts.get(collection) ?? 0;
    errorAttempts.set(collection, attempt + 1);
    const replication = replications.get(collection);
    if (replication) replication.retryTime = backoffDelay(attempt, random(), timing.backoff);
    failures$.next(error);
    publish();
  };

  const onRequestSuccess = (collection: CollectionName) => {
    if (errors.delete(collection) || errorAttempts.has(collection)) {
      errorAttempts.delete(collection);
      const replication = replications.get(collection);
      if (replication) replication.retryTime = REPLICATION_RETRY_MS;
      publish();
    }
  };

  const firstPull = createFirstPull({
    batchSize: options.pullBatchSize ?? 1000,
    isStopped: () => stopped,
    retryDelay: (attempt) => backoffDelay(attempt, random(), timing.backoff),
    totals: async () =>
      (
        await hubRequest<CountsResponse>(fetchImpl, hubEndpoint(options.hubUrl, '/v1/sync/counts'), {
          token: options.token,
          signal: stopController.signal,
          timeoutMs: timing.requestTimeoutMs ?? 30_000,
        })
      ).counts,
    onProgress: (name, progress) => {
      firstSync.update(name, progress);
      publish();
    },
    onPulled: (name, seq) => {
      if (seq > (highestSeq.get(name) ?? -1)) highestSeq.set(name, seq);
    },
  });

  const epoch = options.hubEpoch && options.hubEpoch !== '0' ? `|${options.hubEpoch}` : '';
  const replicationId = `yishi-v1|${options.hubId ?? options.hubUrl}|${options.deviceScope}${epoch}`;
  for (const name of collections) {
    const collection = dbCollections[name] as RxCollection<unknown>;
    const subject = new Subject<RxReplicationPullStreamItem<unknown, Checkpoint>>();
    streams.set(name, subject);
    const withAttachments = Boolean(collection.schema.jsonSchema.attachments);
    const primaryPath = collection.schema.primaryPath as string;
    /** The documents as stored on this device (RxDB's own fields included), by id. */
    const storedDocs = async (ids: string[]) => {
      const docs = (await collection.storageInstance.findDocumentsById(ids, true)) as Record<
        string,
        unknown
      >[];
      return new Map(docs.map((d) => [String(d[primaryPath]), d]));
    };
    if (withAttachments) {
      // RxDB keeps stubs (digest, length, type) of every attachment in the stored document.
      attachmentLookups.set(name, async (ids) => {
        const docs = await storedDocs(ids);
        return new Map(
          [...docs].map(([id, d]) => [id, (d['_attachments'] ?? {}) as Record<string, unknown>]),
        );
      });
      if (isPhotoCollection(name)) photoCollections.set(name, collection);
    }
    const handlers = createReplicationHandlers({
      collection: name,
      withAttachments,
      localAttachments: attachmentLookups.get(name),
      storedDocs,
      hubUrl: options.hubUrl,
      token: options.token,
      fetchImpl,
      signal: stopController.signal,
      timeoutMs: timing.requestTimeoutMs ?? 30_000,
      gate: () => connectivity.whenOnline(),
      inbox,
      isOnline: () => connectivity.isOnline(),
      nowIso,
      onSuccess: () => onRequestSuccess(name),
      onError: (error) => onRequestError(name, asHubError(error)),
      onPulled: (seq) => {
        if (seq > (highestSeq.get(name) ?? -1)) highestSeq.set(name, seq);
      },
      onRefused: async (records) => {
        await refusedStore.add(records);
        await loadRefused();
      },
    });
    const replication = replicateRxCollection<unknown, Checkpoint>({
      replicationIdentifier: `${replicationId}|${name}`,
      collection,
      live: true,
      retryTime: REPLICATION_RETRY_MS,
      waitForLeadership: options.waitForLeadership ?? true,
      pull: {
        handler: handlers.pull,
        stream$: subject.asObservable(),
        // Pages of 1,000: fewer round trips on an initial sync, still small enough for a weak line.
        batchSize: options.pullBatchSize ?? 1000,
        modifier: (doc) => fromHub(doc, withAttachments),
      },
      push: { handler: handlers.push, batchSize: options.pushBatchSize ?? 100 },
    });
    replications.set(name, replication);
    if (options.firstPull ?? true)
      firstPull.defer({
        name,
        collection,
        replication,
        pull: handlers.pull,
        pullNewest: handlers.pullNewest,
      });
    subs.push(
      collection.$.subscribe(() => schedulePending()),
      replication.sent$.subscribe((doc) => {
        schedulePending();
        // Photos are uploaded once the hub has the document that lists them.
        if (photoCollections.has(name))
          attachments.nudge(name, String((doc as Record<string, unknown>)['id']));
      }),
    );
  }

  // Declared after the replications (it needs their photo collections); the callbacks above run later.
  const attachments: AttachmentMover = startAttachmentMover({
    collections: photoCollections,
    http: {
      fetchImpl,
      hubUrl: options.hubUrl,
      token: options.token,
      signal: stopController.signal,
      timeoutMs: timing.requestTimeoutMs ?? 30_000,
    },
    uploaded: options.uploadedStore ?? new MemoryUploadedAttachmentStore(),
    gate: () => connectivity.whenOnline(),
    random,
    backoff: timing.backoff,
    onPending: (count) => {
      if (!stopped) publish({ pendingPhotos: count });
    },
    onFatal: (error) => onRequestError('demands', error),
  });

  const activeStates = new Map<CollectionName, boolean>();
  for (const [name, replication] of replications) {
    subs.push(
      replication.active$.subscribe((active) => {
        activeStates.set(name, active);
        const nextActive = [...activeStates.values()].some(Boolean);
        if (nextActive !== anyActive) {
          anyActive = nextActive;
          if (nextActive) lastCounted = now();
          publish();
          if (!nextActive) schedulePending();
        }
      }),
    );
  }

  void Promise.all([...replications.values()].map((r) => r.awaitInitialReplication()))
    .then(() => {
      if (stopped) return;
      initialDone = true;
      // A client started after a restore was seen has now given the hub back what it lacked.
      if (!epochReported) setHubRestoring(false);
      publish(anyActive ? {} : { lastSyncedAt: nowIso() });
    })
    .catch(() => undefined);

  stream.connect();
  void loadRefused().catch(() => undefined);
  schedulePending();

  const syncNow = async (): Promise<void> => {
    if (revoked) throw new HubError('revoked', CLIENT_ERROR_MESSAGES_REVOKED);
    if (fatalError) throw new HubError('unauthorized', fatalError);
    if (stopped) throw new HubError('stopped', CLIENT_ERROR_MESSAGES.stopped);
    connectivity.hurry();
    if (!(await connectivity.probeNow())) throw new HubError('network', CLIENT_ERROR_MESSAGES.network);
    if (!stream.isOpen) stream.connect();
    resyncAll();
    let failSub: Subscription | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const failed = new Promise<never>((_, reject) => {
      failSub = failures$.subscribe((error) => reject(error));
      timer = setTimeout(
        () => reject(new HubError('timeout', '同步未能在规定时间内完成，稍后会自动重试。')),
        timing.syncNowTimeoutMs ?? 120_000,
      );
    });
    // A failure may arrive before the race below is set up; it is reported there, not as unhandled.
    failed.catch(() => undefined);
    try {
      // A tick first, so the RESYNC just requested is queued before waiting for idleness.
      await new Promise((resolve) => setTimeout(resolve, 0));
      await Promise.race([Promise.all([...replications.values()].map((r) => r.awaitInSync())), failed]);
    } finally {
      failSub?.unsubscribe();
      clearTimeout(timer);
    }
    const counts = await Promise.all([...replications.values()].map((r) => countPending(r).catch(() => 0)));
    publish({ lastSyncedAt: nowIso(), pending: counts.reduce((a, b) => a + b, 0) });
  };

  return {
    status$,
    refused$,
    syncNow,
    dismissRefused: async (key) => {
      await refusedStore.remove(key);
      await loadRefused();
    },
    stop: stopAll,
    replications,
    attachments,
    inbox,
  };
}

const CLIENT_ERROR_MESSAGES_REVOKED = '此设备已被街道管理员停用，本机数据将被清除。';
