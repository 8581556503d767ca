// A return bundle waiting to be taken in. While it is loaded, the replication handlers ask it
// before they wait for the hub: its documents come in through RxDB's own pull (downstream,
// conflict handler, checkpoints) and its verdicts answer RxDB's own push, exactly as if the
// hub had answered over the line. The decisions are shared/sync/bundle-exchange.ts.

import type { CollectionName } from '#shared/domain/vocab';
import type { ReturnBundle } from '#shared/protocol/bundle';
import type { Checkpoint, Doc, PushRow } from '#shared/protocol/v1';
import { answerPull, answerPush } from '#shared/sync/bundle-exchange';
import type { CarriedDigests, PushAnswer } from '#shared/sync/bundle-exchange';

interface Loaded {
  bundle: ReturnBundle;
  carried: CarriedDigests;
}

export class BundleInbox {
  private loaded: Loaded | null = null;
  private wake: () => void = () => undefined;
  private next: Promise<void>;

  constructor() {
    this.next = new Promise((resolve) => (this.wake = resolve));
  }

  /** Takes a verified return bundle and wakes every handler waiting for the hub. */
  load(bundle: ReturnBundle, carried: CarriedDigests): void {
    this.loaded = { bundle, carried };
    const wake = this.wake;
    this.next = new Promise((resolve) => (this.wake = resolve));
    wake();
  }

  /** The hub is reachable again: what it says now supersedes the bundle. */
  clear(): void {
    this.loaded = null;
  }

  /** Resolves the next time a bundle is loaded (handlers race it against the hub's return). */
  arrived(): Promise<void> {
    return this.next;
  }

  pull(
    collection: CollectionName,
    checkpoint: Checkpoint | undefined,
  ): { documents: Doc[]; checkpoint: Checkpoint } | null {
    return this.loaded ? answerPull(this.loaded.bundle, collection, checkpoint?.seq) : null;
  }

  push(collection: CollectionName, rows: PushRow[]): PushAnswer | null {
    return this.loaded
      ? answerPush(this.loaded.bundle, this.loaded.carried[collection], collection, rows)
      : null;
  }
}
