// Moves photo bytes between the device and the hub (shared/src/protocol/attachments.ts). Every
// document of a photo collection lists its photos in `photos`; the mover uploads the ones the
// device holds and has not delivered yet, and downloads the ones it lacks, checking the digest.
// It never touches the status of document sync: failures are retried with backoff, quietly.

import type { RxCollection, RxDocument } from 'rxdb';
import type { Subscription } from 'rxjs';
import type { BackoffOptions } from '#shared/sync/backoff';
import { backoffDelay } from '#shared/sync/backoff';
import { photosOf } from '#shared/protocol/attachments';
import type { PhotoEntry } from '#shared/protocol/attachments';
import { downloadAttachment, sha256Hex, uploadAttachment } from './attachment-http';
import type { AttachmentHttp } from './attachment-http';
import { asHubError } from './http';
import type { HubError } from './http';
import type { UploadedAttachmentStore } from './uploaded-store';

export interface AttachmentMoverOptions {
  /** The photo collections of the database, by name. */
  collections: ReadonlyMap<string, RxCollection<unknown>>;
  http: AttachmentHttp;
  uploaded: UploadedAttachmentStore;
  /** Resolves when the hub is reachable. */
  gate: () => Promise<void>;
  random: () => number;
  backoff?: BackoffOptions;
  /** Photos still to upload or download. */
  onPending: (count: number) => void;
  /** Revoked or unknown device: the client stops everything. */
  onFatal: (error: HubError) => void;
}

export interface AttachmentMover {
  /** Look at one document again (after a change or an acknowledgement), or at all of them. */
  nudge(collection?: string, docId?: string): void;
  /** Resolves when no pass is running and nothing is left to move (for tests and 立即同步). */
  settled(): Promise<void>;
  stop(): void;
}

type Outcome = 'done' | 'retry';

/** Photo moves that cannot succeed by waiting: the hub refused them for good. */
const FINAL_CODES = new Set(['forbidden', 'too_large', 'bad_request', 'unknown_collection']);

function hasPhotos(data: unknown): boolean {
  return photosOf(data as Record<string, unknown>).length > 0;
}

export function startAttachmentMover(options: AttachmentMoverOptions): AttachmentMover {
  const work = new Map<string, { collection: string; docId: string }>();
  const outstanding = new Map<string, number>();
  const subs: Subscription[] = [];
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let waiters: Array<() => void> = [];

  const keyOf = (collection: string, docId: string) => `${collection}\u0000${docId}`;
  const publishPending = () => options.onPending([...outstanding.values()].reduce((a, b) => a + b, 0));

  const moveOne = async (
    collection: string,
    doc: RxDocument<unknown>,
    photo: PhotoEntry,
  ): Promise<Outcome> => {
    const target = { collection, docId: doc.primary, attId: photo.id };
    const uploadedKey = `${collection}/${doc.primary}/${photo.id}/${photo.digest}`;
    const local = doc.getAttachment(photo.id);
    if (local && local.digest === photo.digest) {
      if (await options.uploaded.has(uploadedKey)) return 'done';
      await options.gate();
      await uploadAttachment(options.http, target, await local.getData(), photo.type);
      await options.uploaded.add(uploadedKey);
      return 'done';
    }
    await options.gate();
    const bytes = await downloadAttachment(options.http, target, photo.digest);
    // The hub checked the digest on upload; checking again guards against a broken store or proxy.
    if (bytes.length !== photo.length || (await sha256Hex(bytes)) !== photo.digest) return 'retry';
    const latest = doc.getLatest();
    if (!photosOf(latest.toJSON() as Record<string, unknown>).some((p) => p.digest === photo.digest))
      return 'done';
    await latest.putAttachment({
      id: photo.id,
      data: new Blob([bytes], { type: photo.type }),
      type: photo.type,
    });
    // The hub has these bytes: a device that downloaded them never uploads them again.
    await options.uploaded.add(uploadedKey);
    return 'done';
  };

  const moveDoc = async (collection: string, docId: string): Promise<Outcome> => {
    const rx = options.collections.get(collection);
    const doc = rx ? await rx.findOne(docId).exec() : null;
    const key = keyOf(collection, docId);
    if (!doc) {
      outstanding.delete(key);
      return 'done';
    }
    const photos = photosOf(doc.toJSON() as Record<string, unknown>);
    let left = 0;
    for (const photo of photos) {
      if (stopped) return 'retry';
      try {
        if ((await moveOne(collection, doc, photo)) === 'retry') left += 1;
      } catch (error) {
        const e = asHubError(error);
        if (e.code === 'revoked' || e.code === 'unauthorized') {
          options.onFatal(e);
          throw e;
        }
        if (e.code === 'stopped') return 'retry';
        if (!FINAL_CODES.has(e.code)) left += 1;
      }
    }
    if (left > 0) outstanding.set(key, left);
    else outstanding.delete(key);
    return left > 0 ? 'retry' : 'done';
  };

  const pass = async () => {
    let retry = false;
    for (const [key, item] of [...work]) {
      if (stopped) return;
      work.delete(key);
      const outcome = await moveDoc(item.collection, item.docId);
      if (outcome === 'retry') {
        retry = true;
        work.set(key, item);
      }
      publishPending();
    }
    if (retry && !stopped) {
      const delay = backoffDelay(attempt, options.random(), options.backoff);
      attempt += 1;
      clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        schedule();
      }, delay);
    } else attempt = 0;
  };

  const schedule = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        await pass().catch(() => undefined);
      } while (again && !stopped);
    })().finally(() => {
      running = null;
      if (work.size === 0 || stopped) {
        const done = waiters;
        waiters = [];
        for (const w of done) w();
      }
    });
  };

  const nudge = (collection?: string, docId?: string) => {
    if (stopped) return;
    if (collection !== undefined && docId !== undefined) {
      work.set(keyOf(collection, docId), { collection, docId });
      attempt = 0;
      schedule();
      return;
    }
    // Everything: documents with photos, found without an index (photos is not indexed).
    void (async () => {
      for (const [name, rx] of options.collections) {
        const docs = await rx.find({ selector: { photos: { $exists: true } } as never }).exec();
        for (const d of docs)
          if (hasPhotos(d.toJSON())) work.set(keyOf(name, d.primary), { collection: name, docId: d.primary });
      }
      attempt = 0;
      schedule();
    })().catch(() => undefined);
  };

  for (const [name, rx] of options.collections) {
    subs.push(
      rx.$.subscribe((event) => {
        if (hasPhotos(event.documentData)) nudge(name, event.documentId);
      }),
    );
  }
  nudge();

  return {
    nudge,
    settled: () =>
      new Promise<void>((resolve) => {
        if (!running && work.size === 0) resolve();
        else waiters.push(resolve);
      }),
    stop() {
      stopped = true;
      clearTimeout(timer);
      for (const s of subs) s.unsubscribe();
      const done = waiters;
      waiters = [];
      for (const w of done) w();
    },
  };
}
