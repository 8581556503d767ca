// One RxDB replication per collection against the hub, built alike: the protocol v1 handlers, the
// pull stream fed by the hub's change events, the stored-documents lookups that keep photos and
// hold back outdated rows, and the first pull of a new device. `createStreamRouter` hands each
// change event to its collection's replication, never going back behind what a pull delivered.

import { Subject } from 'rxjs';
import type { RxCollection, RxReplicationPullStreamItem } from 'rxdb';
import { replicateRxCollection } from 'rxdb/plugins/replication';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import type { CollectionName } from '#shared/domain/vocab';
import type { Checkpoint, StreamChange } from '#shared/protocol/v1';
import { isPhotoCollection } from '#shared/protocol/attachments';
import { createReplicationHandlers, fromHub, withLocalAttachments } from './handlers';
import type { HandlerContext, LocalAttachmentsLookup } from './handlers';
import type { FirstPull } from './first-pull';

export const REPLICATION_RETRY_MS = 1_000;

type PullStream = Subject<RxReplicationPullStreamItem<unknown, Checkpoint>>;

export interface StreamRouter {
  /** A change event from the hub. */
  deliver(change: StreamChange): void;
  /** A pull delivered up to `seq`: events up to there carry nothing newer. */
  notePulled(name: CollectionName, seq: number): void;
}

export function createStreamRouter(
  streams: ReadonlyMap<CollectionName, PullStream>,
  lookups: ReadonlyMap<CollectionName, LocalAttachmentsLookup>,
  isStopped: () => boolean,
): StreamRouter {
  const highestSeq = new Map<CollectionName, number>();
  const chains = new Map<CollectionName, Promise<void>>();
  const notePulled = (name: CollectionName, seq: number) => {
    if (seq > (highestSeq.get(name) ?? -1)) highestSeq.set(name, seq);
  };
  return {
    notePulled,
    deliver(change) {
      const subject = streams.get(change.collection);
      if (!subject) return;
      // Duplicated or late events carry states a pull already delivered: never go backwards.
      if (change.checkpoint.seq <= (highestSeq.get(change.collection) ?? -1)) return;
      highestSeq.set(change.collection, change.checkpoint.seq);
      const lookup = lookups.get(change.collection);
      if (!lookup) {
        subject.next({ documents: change.documents as never[], checkpoint: change.checkpoint });
        return;
      }
      // Chained per collection so the local attachments lookup cannot reorder the changes.
      const next = (chains.get(change.collection) ?? Promise.resolve())
        .then(() => withLocalAttachments(change.documents, lookup))
        .then((documents) => {
          if (!isStopped()) subject.next({ documents: documents as never[], checkpoint: change.checkpoint });
        })
        // The next pull brings the same states; a failed lookup only delays them.
        .catch(() => undefined);
      chains.set(change.collection, next);
    },
  };
}

/** What every collection's handlers share; the per-collection parts are added here. */
export type SharedHandlerContext = Omit<
  HandlerContext,
  'collection' | 'withAttachments' | 'localAttachments' | 'storedDocs' | 'onSuccess' | 'onError' | 'onPulled'
> & {
  onSuccess: (name: CollectionName) => void;
  onError: (name: CollectionName, error: unknown) => void;
};

export interface ReplicationSetOptions {
  collections: ReadonlyArray<[CollectionName, RxCollection<unknown>]>;
  handlers: SharedHandlerContext;
  replicationId: string;
  pullBatchSize: number;
  pushBatchSize: number;
  waitForLeadership: boolean;
  /** Absent: RxDB's own pull from the start. */
  firstPull: FirstPull | undefined;
  isStopped: () => boolean;
}

export function createReplicationSet(options: ReplicationSetOptions) {
  const replications = new Map<CollectionName, RxReplicationState<unknown, Checkpoint>>();
  const streams = new Map<CollectionName, PullStream>();
  const lookups = new Map<CollectionName, LocalAttachmentsLookup>();
  const photoCollections = new Map<string, RxCollection<unknown>>();
  const router = createStreamRouter(streams, lookups, options.isStopped);

  for (const [name, collection] of options.collections) {
    const subject: PullStream = new Subject();
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
      lookups.set(name, async (ids) => {
        const docs = await storedDocs(ids);
        return new Map(
          [...docs].map(([id, d]) => [id, (d['_attachments'] ?? {}) as Record<string, unknown>]),
        );
      });
      if (isPhotoCollection(name)) photoCollections.set(name, collection);
    }
    const handlers = createReplicationHandlers({
      ...options.handlers,
      collection: name,
      withAttachments,
      localAttachments: lookups.get(name),
      storedDocs,
      onSuccess: () => options.handlers.onSuccess(name),
      onError: (error) => options.handlers.onError(name, error),
      onPulled: (seq) => router.notePulled(name, seq),
    });
    const replication = replicateRxCollection<unknown, Checkpoint>({
      replicationIdentifier: `${options.replicationId}|${name}`,
      collection,
      live: true,
      retryTime: REPLICATION_RETRY_MS,
      waitForLeadership: options.waitForLeadership,
      pull: {
        handler: handlers.pull,
        stream$: subject.asObservable(),
        // Pages of 1,000: fewer round trips on an initial sync, still small enough for a weak line.
        batchSize: options.pullBatchSize,
        modifier: (doc) => fromHub(doc, withAttachments),
      },
      push: { handler: handlers.push, batchSize: options.pushBatchSize },
    });
    replications.set(name, replication);
    options.firstPull?.defer({
      name,
      collection,
      replication,
      pull: handlers.pull,
      pullNewest: handlers.pullNewest,
    });
  }

  const all = () => [...replications.values()];
  return {
    replications,
    photoCollections,
    router,
    resyncAll() {
      for (const r of all()) r.reSync();
    },
    setRetryTime(name: CollectionName, ms: number) {
      const replication = replications.get(name);
      if (replication) replication.retryTime = ms;
    },
    awaitInitial: () => Promise.all(all().map((r) => r.awaitInitialReplication())),
    awaitInSync: () => Promise.all(all().map((r) => r.awaitInSync())),
    async cancel() {
      await Promise.all(all().map((r) => r.cancel().catch(() => undefined)));
      for (const s of streams.values()) s.complete();
    },
  };
}

export type ReplicationSet = ReturnType<typeof createReplicationSet>;
