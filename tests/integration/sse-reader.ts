// A small Server-Sent Events reader for Node 20 (which has no EventSource): opens the stream
// over node:http, parses events per the HTML spec's line rules, and lets a test wait for the
// next event that matches a predicate.

import { request } from 'node:http';
import type { ClientRequest, IncomingMessage } from 'node:http';

export interface SseEvent {
  event: string;
  data: string;
  id?: string;
}

type Waiter = {
  match: (e: SseEvent) => boolean;
  resolve: (e: SseEvent) => void;
  reject: (err: Error) => void;
};

export class SseReader {
  /** Every event received so far, in order. */
  readonly events: SseEvent[] = [];
  comments = 0;
  retryMs: number | null = null;
  closed = false;
  private buffer = '';
  private cursor = 0;
  private waiters: Waiter[] = [];
  private endWaiters: Array<() => void> = [];

  private constructor(
    private readonly req: ClientRequest,
    readonly response: IncomingMessage,
  ) {
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => this.feed(chunk));
    const end = () => {
      this.closed = true;
      for (const w of this.waiters) w.reject(new Error('stream closed'));
      this.waiters = [];
      for (const done of this.endWaiters) done();
    };
    response.on('end', end);
    response.on('close', end);
    response.on('error', end);
  }

  /** Opens a stream; resolves once the status line is in (a non-200 answer is not an error here). */
  static open(url: string, headers: Record<string, string> = {}): Promise<SseReader> {
    return new Promise((resolve, reject) => {
      const req = request(url, { headers: { Accept: 'text/event-stream', ...headers } }, (res) => {
        resolve(new SseReader(req, res));
      });
      req.on('error', reject);
      req.end();
    });
  }

  get status(): number {
    return this.response.statusCode ?? 0;
  }

  /** Resolves with the first event (from the reader's cursor on) that matches; consumes up to it. */
  next(match: (e: SseEvent) => boolean = () => true, timeoutMs = 10_000): Promise<SseEvent> {
    while (this.cursor < this.events.length) {
      const e = this.events[this.cursor] as SseEvent;
      this.cursor += 1;
      if (match(e)) return Promise.resolve(e);
    }
    if (this.closed) return Promise.reject(new Error('stream closed'));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`no matching SSE event within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter: Waiter = {
        match,
        resolve: (e) => {
          clearTimeout(timer);
          resolve(e);
        },
        reject: (err) => {
          clearTimeout(timer);
          reject(err);
        },
      };
      this.waiters.push(waiter);
    });
  }

  /** Resolves when the server ends the stream. */
  ended(timeoutMs = 10_000): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('stream did not end')), timeoutMs);
      this.endWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  close(): void {
    this.req.destroy();
    this.response.destroy();
  }

  private feed(chunk: string): void {
    this.buffer += chunk;
    for (;;) {
      const match = /\r\n\r\n|\n\n|\r\r/.exec(this.buffer);
      if (!match) return;
      const block = this.buffer.slice(0, match.index);
      this.buffer = this.buffer.slice(match.index + match[0].length);
      this.parseBlock(block);
    }
  }

  private parseBlock(block: string): void {
    let event = 'message';
    const data: string[] = [];
    let id: string | undefined;
    let hasField = false;
    for (const line of block.split(/\r\n|\n|\r/)) {
      if (line.startsWith(':')) {
        this.comments += 1;
        continue;
      }
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      let value = colon === -1 ? '' : line.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
      if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
      else if (field === 'id') id = value;
      else if (field === 'retry' && /^\d+$/.test(value)) this.retryMs = Number(value);
      else continue;
      hasField = true;
    }
    if (!hasField || data.length === 0) return;
    const e: SseEvent = { event, data: data.join('\n'), ...(id !== undefined ? { id } : {}) };
    this.events.push(e);
    const waiter = this.waiters.find((w) => w.match(e));
    if (waiter) {
      this.waiters = this.waiters.filter((w) => w !== waiter);
      this.cursor = this.events.length;
      waiter.resolve(e);
    }
  }
}
