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

/** What the inbox did for one collection since the bundle was loaded. */
export interface InboxProgress {
  pulled: boolean;
  /** Pushed rows answered from the bundle. */
  answered: number;
}

export class BundleInbox {
  private loaded: Loaded | null = null;
  private wake: () => void = () => undefined;
  private next: Promise<void>;
  private readonly progress = new Map<CollectionName, InboxProgress>();

  constructor() {
    this.next = new Promise((resolve) => (this.wake = resolve));
  }

  /** Takes a verified return bundle and wakes every handler waiting for the hub. */
  load(bundle: ReturnBundle, carried: CarriedDigests): void {
    this.loaded = { bundle, carried };
    this.progress.clear();
    const wake = this.wake;
    this.next = new Promise((resolve) => (this.wake = resolve));
    wake();
  }

  /** Resolves the next time a bundle is loaded (handlers race it against the hub's return). */
  arrived(): Promise<void> {
    return this.next;
  }

  get bundle(): ReturnBundle | null {
    return this.loaded?.bundle ?? null;
  }

  progressOf(collection: CollectionName): InboxProgress {
    return this.progress.get(collection) ?? { pulled: false, answered: 0 };
  }

  pull(
    collection: CollectionName,
    checkpoint: Checkpoint | undefined,
  ): { documents: Doc[]; checkpoint: Checkpoint } | null {
    if (!this.loaded) return null;
    const answer = answerPull(this.loaded.bundle, collection, checkpoint?.seq);
    if (answer && answer.documents.length > 0)
      this.progress.set(collection, { ...this.progressOf(collection), pulled: true });
    return answer;
  }

  push(collection: CollectionName, rows: PushRow[]): PushAnswer | null {
    if (!this.loaded) return null;
    const answer = answerPush(this.loaded.bundle, this.loaded.carried[collection], collection, rows);
    if (answer) {
      const before = this.progressOf(collection);
      this.progress.set(collection, { ...before, answered: before.answered + rows.length });
    }
    return answer;
  }
}
