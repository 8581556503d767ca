// The two attachment requests (shared/src/protocol/attachments.ts): raw bytes instead of JSON,
// the same error mapping as every other hub request.

import { attachmentPath } from '#shared/protocol/attachments';
import { ERROR_CODES, ERROR_MESSAGES } from '#shared/protocol/v1';
import type { ErrorCode } from '#shared/protocol/v1';
import { CLIENT_ERROR_MESSAGES, HubError, hubEndpoint } from './http';
import type { FetchLike } from './http';

export interface AttachmentTarget {
  collection: string;
  docId: string;
  attId: string;
}

export interface AttachmentHttp {
  fetchImpl: FetchLike;
  hubUrl: string;
  token: string;
  signal: AbortSignal;
  timeoutMs: number;
}

/** The body of a 2xx answer, or a HubError. */
async function send(http: AttachmentHttp, url: string, init: RequestInit): Promise<ArrayBuffer> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, http.timeoutMs);
  try {
    if (http.signal.aborted) throw new HubError('stopped', CLIENT_ERROR_MESSAGES.stopped);
    const headers = { ...(init.headers as Record<string, string>), authorization: `Bearer ${http.token}` };
    let response: Response;
    try {
      response = await http.fetchImpl(url, {
        ...init,
        headers,
        signal: AbortSignal.any([http.signal, controller.signal]),
      });
      if (response.ok) return await response.arrayBuffer();
    } catch (error) {
      if (error instanceof HubError) throw error;
      if (http.signal.aborted) throw new HubError('stopped', CLIENT_ERROR_MESSAGES.stopped);
      throw new HubError(
        timedOut ? 'timeout' : 'network',
        CLIENT_ERROR_MESSAGES[timedOut ? 'timeout' : 'network'],
      );
    }
    let code: unknown;
    try {
      code = ((await response.json()) as { error?: { code?: unknown } }).error?.code;
    } catch {
      code = undefined;
    }
    if (typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code))
      throw new HubError(code as ErrorCode, ERROR_MESSAGES[code as ErrorCode], response.status);
    if (response.status >= 500 || response.status === 429)
      throw new HubError('server', CLIENT_ERROR_MESSAGES.server, response.status);
    throw new HubError('bad_response', CLIENT_ERROR_MESSAGES.bad_response, response.status);
  } finally {
    clearTimeout(timer);
  }
}

function urlOf(http: AttachmentHttp, t: AttachmentTarget): string {
  return hubEndpoint(http.hubUrl, attachmentPath(t.collection, t.docId, t.attId));
}

export async function uploadAttachment(
  http: AttachmentHttp,
  target: AttachmentTarget,
  data: Blob,
  type: string,
): Promise<void> {
  await send(http, urlOf(http, target), {
    method: 'PUT',
    headers: { 'content-type': type },
    body: new Uint8Array(await data.arrayBuffer()),
  });
}

export async function downloadAttachment(
  http: AttachmentHttp,
  target: AttachmentTarget,
  digest: string,
): Promise<Uint8Array<ArrayBuffer>> {
  const url = `${urlOf(http, target)}?digest=${encodeURIComponent(digest)}`;
  return new Uint8Array(await send(http, url, { method: 'GET', headers: {} }));
}

/** Lowercase hex sha256, the digest RxDB stores for an attachment. */
export async function sha256Hex(data: Uint8Array<ArrayBuffer>): Promise<string> {
  const hash = await crypto.subtle.digest('SHA-256', data);
  return Array.from(new Uint8Array(hash), (b) => b.toString(16).padStart(2, '0')).join('');
}
