import { describe, it, expect } from 'vitest';
import { SseParser, createFetchEventSourceFactory } from './sse';

describe('SseParser', () => {
  it('splits events on blank lines across chunk boundaries and line-ending styles', () => {
    const events: Array<[string, string]> = [];
    const parser = new SseParser((type, data) => events.push([type, data]));
    parser.push(': keep-alive\n\nevent: resync\ndata: {}\n');
    parser.push('\nevent: change\r\ndata: {"a":');
    parser.push('1}\r');
    parser.push('\n\r\ndata: line1\ndata: line2\n\n');
    expect(events).toEqual([
      ['resync', '{}'],
      ['change', '{"a":1}'],
      ['message', 'line1\nline2'],
    ]);
  });

  it('ignores events without data and unknown fields', () => {
    const events: string[] = [];
    const parser = new SseParser((type) => events.push(type));
    parser.push('event: nothing\nid: 3\nretry: 10\n\n');
    expect(events).toEqual([]);
  });
});

describe('createFetchEventSourceFactory', () => {
  it('sends the token as a header, reports open, events and the end of the stream as an error', async () => {
    const encoder = new TextEncoder();
    let seenAuth = '';
    const fetchImpl = async (_url: string, init?: RequestInit) => {
      seenAuth = new Headers(init?.headers).get('authorization') ?? '';
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(encoder.encode('event: resync\ndata: {}\n\n'));
          controller.close();
        },
      });
      return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
    };
    const source = createFetchEventSourceFactory(fetchImpl)('http://hub/v1/sync/stream', 'tok');
    const seen: string[] = [];
    const ended = new Promise<void>((resolve) => source.addEventListener('error', () => resolve()));
    source.addEventListener('open', () => seen.push('open'));
    source.addEventListener('resync', (e) => seen.push(`resync ${e.data}`));
    await ended;
    expect(seenAuth).toBe('Bearer tok');
    expect(seen).toEqual(['open', 'resync {}']);
  });

  it('reports a refused connection as an error without opening', async () => {
    const source = createFetchEventSourceFactory(async () => new Response('{}', { status: 401 }))(
      'http://hub/s',
      't',
    );
    const seen: string[] = [];
    source.addEventListener('open', () => seen.push('open'));
    await new Promise<void>((resolve) => source.addEventListener('error', () => resolve()));
    expect(seen).toEqual([]);
  });
});
