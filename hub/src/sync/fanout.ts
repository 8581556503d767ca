// Change fan-out to Server-Sent Events streams. Every hub process hears the NOTIFY of every
// commit (its own and other processes'), reads the new rows once, and sends each stream the
// documents its device may see.

import type { ServerResponse } from 'node:http';
import { visibleToDevice } from '#shared/domain/places/index';
import { asSeenBy } from '#shared/domain/permissions/index';
import type { ActorRole } from '#shared/domain/vocab';
import { KEEPALIVE_MS } from '#shared/protocol/v1';
import type { Doc, StreamChange } from '#shared/protocol/v1';
import type { CollectionName } from '#shared/domain/vocab';
import type { Logger } from '../log';
import type { ChangeNotice, ChangedDoc, Store } from '../store/store';

/**
 * Rows per read. PGlite answers in the hub's own thread, so one read of 1000 large documents
 * would stall every request for ~100 ms; smaller reads with a turn of the event loop between them
 * keep the hub responsive.
 */
const READ_BATCH = 200;
const EVENT_DOCS = 500;
/** A client that stops reading is dropped before its buffer grows without bound; it resyncs. */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;
/**
 * Streams one device may hold open. A device needs one; a few cover a reconnect racing the old
 * connection's close. Beyond that the oldest is ended, so a looping client cannot pile up
 * connections (each holds a socket and a share of every fan-out).
 */
export const MAX_STREAMS_PER_DEVICE = 3;

interface StreamClient {
  deviceId: string;
  scope: string;
  /** What the device may receive: no PII for a role without `pii.read`. */
  role: ActorRole;
  res: ServerResponse;
}

/** The device a stream belongs to. */
export interface StreamDevice {
  id: string;
  scope: string;
  role: ActorRole;
}

export interface Fanout {
  /** Registers a stream, sends the RESYNC hint; returns a function that detaches it. */
  attach(device: StreamDevice, res: ServerResponse): () => void;
  streamCount(): number;
  close(): Promise<void>;
}

function groupByCollection(changes: ChangedDoc[]): Map<string, ChangedDoc[]> {
  const groups = new Map<string, ChangedDoc[]>();
  for (const change of changes) {
    const list = groups.get(change.collection) ?? [];
    list.push(change);
    groups.set(change.collection, list);
  }
  return groups;
}

export async function startFanout(
  store: Store,
  log: Logger,
  keepaliveMs: number = KEEPALIVE_MS,
): Promise<Fanout> {
  const clients = new Set<StreamClient>();
  let lastSeq = 0;
  let reading: Promise<void> = Promise.resolve();
  let wanted = false;

  const send = (client: StreamClient, event: string, data: unknown) => {
    if (client.res.writableEnded || client.res.destroyed) return;
    client.res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    if (client.res.writableLength > MAX_BUFFERED_BYTES) {
      log.warn('stream dropped: client not reading', { deviceId: client.deviceId });
      client.res.destroy();
    }
  };

  const deliver = (changes: ChangedDoc[]) => {
    for (const [collection, group] of groupByCollection(changes)) {
      for (const client of clients) {
        const visible = group.filter((c) => visibleToDevice(c.doc.scope, collection, client.scope));
        for (let i = 0; i < visible.length; i += EVENT_DOCS) {
          const slice = visible.slice(i, i + EVENT_DOCS);
          const last = slice[slice.length - 1];
          if (!last) continue;
          const change: StreamChange = {
            collection: collection as CollectionName,
            documents: slice.map((c): Doc => asSeenBy(client.role, collection as CollectionName, c.doc)),
            checkpoint: { seq: last.seq },
          };
          send(client, 'change', change);
        }
      }
    }
  };

  // Reads are serialised; a notice during a read just asks for one more read afterwards.
  const catchUp = () => {
    wanted = true;
    reading = reading.then(async () => {
      while (wanted) {
        wanted = false;
        try {
          for (;;) {
            // Nobody to send to: skip the rows (a stream that attaches later starts with RESYNC).
            if (clients.size === 0) {
              lastSeq = Math.max(lastSeq, await store.maxSeq());
              break;
            }
            const changes = await store.changesSince(lastSeq, READ_BATCH);
            const last = changes[changes.length - 1];
            if (!last) break;
            lastSeq = last.seq;
            deliver(changes);
            if (changes.length < READ_BATCH) break;
            await new Promise<void>((resolve) => setImmediate(resolve));
          }
        } catch (err) {
          log.error('fan-out read failed', { error: (err as Error).message });
        }
      }
    });
  };

  const onNotice = (notice: ChangeNotice) => {
    if (notice.t === 'docs') {
      if (notice.maxSeq > lastSeq) catchUp();
      return;
    }
    for (const client of clients) {
      if (client.deviceId === notice.deviceId) client.res.end();
    }
  };

  // Subscribe first, then read the high-water mark, so no commit falls between the two.
  const unsubscribe = await store.subscribe(onNotice, catchUp);
  lastSeq = await store.maxSeq();

  const keepalive = setInterval(() => {
    for (const client of clients) if (!client.res.writableEnded) client.res.write(': keepalive\n\n');
  }, keepaliveMs);
  keepalive.unref();

  return {
    attach(device, res) {
      const client: StreamClient = { deviceId: device.id, scope: device.scope, role: device.role, res };
      const own = [...clients].filter((c) => c.deviceId === device.id);
      for (const old of own.slice(0, Math.max(0, own.length - MAX_STREAMS_PER_DEVICE + 1))) {
        log.warn('stream replaced: too many streams for one device', { deviceId: device.id });
        clients.delete(old);
        old.res.end();
      }
      clients.add(client);
      res.write('retry: 2000\n\n');
      // The epoch tells a device whose last contact was before a restore to start over.
      send(client, 'resync', { epoch: store.epoch });
      return () => {
        clients.delete(client);
      };
    },
    streamCount: () => clients.size,
    async close() {
      clearInterval(keepalive);
      for (const client of clients) client.res.end();
      clients.clear();
      await unsubscribe();
      await reading;
    },
  };
}
