// The one Server-Sent Events connection a device keeps to the hub for all collections. It only
// translates events; when to reconnect is the sync client's decision (the browser's own
// EventSource retry is switched off by closing the source on the first error).

import { isCollectionName } from '#shared/protocol/v1';
import type { StreamChange } from '#shared/protocol/v1';
import type { EventSourceFactory, EventSourceLike } from './sse';

export interface HubStreamOptions {
  factory: EventSourceFactory;
  url: string;
  token: string;
  onOpen: () => void;
  onChange: (change: StreamChange) => void;
  /** `epoch`: the hub's epoch, as its first event says (absent from hubs before epochs). */
  onResync: (epoch?: string) => void;
  onError: () => void;
}

function parseChange(data: string): StreamChange | null {
  try {
    const value = JSON.parse(data) as Partial<StreamChange>;
    if (!isCollectionName(value.collection) || !Array.isArray(value.documents)) return null;
    const seq = value.checkpoint?.seq;
    if (typeof seq !== 'number' || !Number.isFinite(seq)) return null;
    return { collection: value.collection, documents: value.documents, checkpoint: { seq } };
  } catch {
    return null;
  }
}

function parseEpoch(data: string): string | undefined {
  try {
    const epoch = (JSON.parse(data) as { epoch?: unknown } | null)?.epoch;
    return typeof epoch === 'string' ? epoch : undefined;
  } catch {
    return undefined;
  }
}

export class HubStream {
  private source: EventSourceLike | null = null;
  private generation = 0;

  constructor(private readonly options: HubStreamOptions) {}

  get isOpen(): boolean {
    return this.source !== null;
  }

  /** (Re)opens the stream; events of an older connection are ignored from now on. */
  connect(): void {
    this.close();
    const generation = ++this.generation;
    const current = () => generation === this.generation;
    const source = this.options.factory(this.options.url, this.options.token);
    this.source = source;
    source.addEventListener('open', () => {
      if (current()) this.options.onOpen();
    });
    source.addEventListener('error', () => {
      if (!current()) return;
      this.close();
      this.options.onError();
    });
    source.addEventListener('resync', (event) => {
      if (current()) this.options.onResync(parseEpoch(event.data));
    });
    source.addEventListener('change', (event) => {
      if (!current()) return;
      const change = parseChange(event.data);
      // A garbled event cannot be applied; a re-pull from the checkpoint recovers it.
      if (change) this.options.onChange(change);
      else this.options.onResync();
    });
  }

  close(): void {
    this.generation += 1;
    const source = this.source;
    this.source = null;
    source?.close();
  }
}
