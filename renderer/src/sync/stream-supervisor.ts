// Keeps the one event stream to the hub open: it reconnects with backoff after an error (once the
// hub answers a probe, re-pulling first, because changes may have been missed meanwhile), starts
// over from a short delay when the hub says resync, and hands each change on.

import type { StreamChange } from '#shared/protocol/v1';
import { backoffDelay } from '#shared/sync/backoff';
import type { BackoffOptions } from '#shared/sync/backoff';
import type { EventSourceFactory } from './sse';
import { HubStream } from './stream';

export interface StreamSupervisorOptions {
  factory: EventSourceFactory;
  url: string;
  token: string;
  random: () => number;
  backoff?: BackoffOptions | undefined;
  isStopped: () => boolean;
  isOnline: () => boolean;
  /** Asks the hub now; true when it answered. */
  probeNow: () => Promise<boolean>;
  onOpen: () => void;
  onChange: (change: StreamChange) => void;
  /** The hub's epoch, as the stream's resync event says (absent from hubs before epochs). */
  onEpoch?: (epoch: string | undefined) => void;
  /** Every replication pulls from its checkpoint again. */
  resyncAll: () => void;
}

export interface StreamSupervisor {
  readonly isOpen: boolean;
  connect(): void;
  close(): void;
  /** The hub is back: the next reconnect starts from the shortest delay. */
  resetBackoff(): void;
  stop(): void;
}

export function createStreamSupervisor(options: StreamSupervisorOptions): StreamSupervisor {
  let attempt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const scheduleReconnect = () => {
    if (options.isStopped() || timer) return;
    const delay = backoffDelay(attempt, options.random(), options.backoff);
    attempt += 1;
    timer = setTimeout(() => {
      timer = undefined;
      if (!options.isStopped() && options.isOnline()) stream.connect();
    }, delay);
  };

  const stream = new HubStream({
    factory: options.factory,
    url: options.url,
    token: options.token,
    onOpen: options.onOpen,
    onResync: (epoch) => {
      attempt = 0;
      options.onEpoch?.(epoch);
      options.resyncAll();
    },
    onChange: options.onChange,
    onError: () => {
      if (options.isStopped()) return;
      // Changes may have been missed while the stream was down: re-pull, then decide.
      void options.probeNow().then((online) => {
        if (!online || options.isStopped()) return;
        options.resyncAll();
        scheduleReconnect();
      });
    },
  });

  return {
    get isOpen() {
      return stream.isOpen;
    },
    connect: () => stream.connect(),
    close: () => stream.close(),
    resetBackoff() {
      attempt = 0;
    },
    stop() {
      stream.close();
      clearTimeout(timer);
      timer = undefined;
    },
  };
}
