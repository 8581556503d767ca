// Request and response plumbing: bounded body reading, JSON answers, protocol errors and CORS.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { ERROR_MESSAGES, ERROR_STATUS, MAX_BODY_BYTES, errorBody } from '#shared/protocol/v1';
import type { ErrorCode } from '#shared/protocol/v1';

export class HttpError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = ERROR_MESSAGES[code],
  ) {
    super(message);
  }
}

/**
 * The renderer is served from another origin (a 127.0.0.1 port or app://yishi); tokens travel in
 * the Authorization header, never in cookies, so any origin may call without credentials.
 */
export const CORS_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, PUT, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type',
  'Access-Control-Max-Age': '600',
};

export function sendJson(res: ServerResponse, status: number, body: unknown, cors: boolean): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...(cors ? CORS_HEADERS : {}),
  });
  res.end(text);
}

export function sendError(res: ServerResponse, err: HttpError, cors: boolean): void {
  sendJson(res, ERROR_STATUS[err.code], errorBody(err.code, err.message), cors);
}

/** Beyond this an oversized body is cut off instead of read to the end and discarded. */
const DRAIN_LIMIT = 64 * 1024 * 1024;

/**
 * Reads the rest of an oversized body without keeping it, so the client (still sending) can read
 * the 413 instead of failing on a reset connection.
 */
async function discard(req: IncomingMessage, seen: number): Promise<void> {
  let size = seen;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > DRAIN_LIMIT) {
      req.destroy();
      return;
    }
  }
}

/** Reads at most MAX_BODY_BYTES; larger bodies become `too_large` without being buffered. */
export async function readBody(req: IncomingMessage, limit: number = MAX_BODY_BYTES): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? '0');
  if (Number.isFinite(declared) && declared > limit) {
    if (declared <= DRAIN_LIMIT) await discard(req, 0);
    throw new HttpError('too_large');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      chunks.length = 0;
      await discard(req, size);
      throw new HttpError('too_large');
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * Reads and parses a JSON body. The text is decoded chunk by chunk as it arrives and the parse
 * runs on a turn of its own, so a 5 MiB body never holds the event loop for decoding and parsing
 * together.
 */
export async function readJson(req: IncomingMessage, limit: number = MAX_BODY_BYTES): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? '0');
  if (Number.isFinite(declared) && declared > limit) {
    if (declared <= DRAIN_LIMIT) await discard(req, 0);
    throw new HttpError('too_large');
  }
  const decoder = new TextDecoder('utf-8');
  const parts: string[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      parts.length = 0;
      await discard(req, size);
      throw new HttpError('too_large');
    }
    parts.push(decoder.decode(chunk, { stream: true }));
  }
  parts.push(decoder.decode());
  await new Promise<void>((resolve) => setImmediate(resolve));
  try {
    return JSON.parse(parts.join('')) as unknown;
  } catch {
    throw new HttpError('bad_json');
  }
}

/** The bearer token of the Authorization header, or null. */
export function bearerToken(req: IncomingMessage): string | null {
  const header = req.headers['authorization'];
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+(\S{1,512})\s*$/i.exec(header);
  return match?.[1] ?? null;
}

export function isLoopback(req: IncomingMessage): boolean {
  const address = req.socket.remoteAddress ?? '';
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}
