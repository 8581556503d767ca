// Server-Sent Events behind a small interface, read with streaming fetch: the token travels in
// the Authorization header (the hub accepts it nowhere else, since a URL ends up in proxy logs),
// which the browser's EventSource cannot send; Node 20 has no EventSource at all.

import type { FetchLike } from './http';

export interface SseMessage {
  data: string;
}

/** The part of EventSource the sync client uses. The client never relies on its auto-reconnect. */
export interface EventSourceLike {
  addEventListener(type: 'open' | 'error', listener: () => void): void;
  addEventListener(type: string, listener: (event: SseMessage) => void): void;
  close(): void;
}

/** Opens the hub's event stream at `url` authenticated with `token`. */
export type EventSourceFactory = (url: string, token: string) => EventSourceLike;

/** Splits an SSE byte stream into events (WHATWG "event stream interpretation"). */
export class SseParser {
  private buffer = '';
  private eventType = '';
  private data: string[] = [];
  constructor(private readonly dispatch: (type: string, data: string) => void) {}

  push(chunk: string): void {
    this.buffer += chunk;
    for (;;) {
      const match = /\r\n|\r|\n/.exec(this.buffer);
      // A lone '\r' at the end may be the first half of '\r\n': wait for more input.
      if (!match || (match[0] === '\r' && match.index === this.buffer.length - 1)) return;
      const line = this.buffer.slice(0, match.index);
      this.buffer = this.buffer.slice(match.index + match[0].length);
      this.line(line);
    }
  }

  private line(line: string): void {
    if (line === '') {
      if (this.data.length > 0) this.dispatch(this.eventType || 'message', this.data.join('\n'));
      this.eventType = '';
      this.data = [];
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.eventType = value;
    else if (field === 'data') this.data.push(value);
  }
}

/** An EventSource built on streaming fetch, sending the token as a Bearer header. */
export function createFetchEventSourceFactory(
  fetchImpl: FetchLike = (input, init) => fetch(input, init),
): EventSourceFactory {
  return (url, token) => {
    const listeners = new Map<string, Array<(event: SseMessage) => void>>();
    const controller = new AbortController();
    let closed = false;
    const emit = (type: string, data = '') => {
      if (closed) return;
      for (const listener of listeners.get(type) ?? []) listener({ data });
    };
    const fail = () => {
      if (closed) return;
      emit('error');
      closed = true;
      controller.abort();
    };
    void (async () => {
      try {
        const response = await fetchImpl(url, {
          headers: { accept: 'text/event-stream', authorization: `Bearer ${token}` },
          signal: controller.signal,
        });
        if (!response.ok || !response.body) {
          await response.body?.cancel().catch(() => undefined);
          fail();
          return;
        }
        emit('open');
        const parser = new SseParser((type, data) => emit(type, data));
        const reader = response.body.getReader();
        const decoder = new TextDecoder();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          parser.push(decoder.decode(value, { stream: true }));
        }
        fail();
      } catch {
        fail();
      }
    })();
    return {
      addEventListener(type: string, listener: (event: SseMessage) => void) {
        const list = listeners.get(type) ?? [];
        list.push(listener);
        listeners.set(type, list);
      },
      close() {
        closed = true;
        controller.abort();
      },
    };
  };
}
