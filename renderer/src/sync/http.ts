// Talking to the hub over HTTP: one place that turns every way a request can fail into a HubError
// with a machine-readable code and a Chinese message for the status bar.

import { ERROR_CODES, ERROR_MESSAGES } from '#shared/protocol/v1';
import type { ErrorCode } from '#shared/protocol/v1';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** Failure kinds the client adds to the hub's own error codes. */
export type ClientErrorCode =
  'network' | 'timeout' | 'bad_response' | 'server' | 'stopped' | 'bad_address' | 'wrong_hub';

export const CLIENT_ERROR_MESSAGES: Record<ClientErrorCode, string> = {
  network: '无法连接同步服务器，请检查网络连接和服务器地址。',
  timeout: '同步服务器响应超时，请稍后重试。',
  bad_response: '同步服务器返回了无法识别的内容，请确认服务器地址是否正确。',
  server: '同步服务器暂时不可用，请稍后重试。',
  stopped: '同步已停止。',
  bad_address: '服务器地址格式不正确，例如 http://192.168.1.10:8787',
  wrong_hub: '该服务器不是本设备登记时的同步服务器，请核对服务器地址。',
};

export class HubError extends Error {
  readonly code: ErrorCode | ClientErrorCode;
  readonly status: number | undefined;
  constructor(code: ErrorCode | ClientErrorCode, message: string, status?: number) {
    super(message);
    this.name = 'HubError';
    this.code = code;
    this.status = status;
  }

  /** The hub could not be reached or is restarting: wait for it rather than report a fault. */
  get isConnectivity(): boolean {
    return (
      this.code === 'network' ||
      this.code === 'timeout' ||
      this.code === 'server' ||
      this.code === 'unavailable' ||
      this.code === 'internal' ||
      this.code === 'rate_limited'
    );
  }
}

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** Joins the hub's base URL (with or without a trailing slash) and an absolute path. */
export function hubEndpoint(hubUrl: string, path: string): string {
  return hubUrl.replace(/\/+$/, '') + path;
}

export interface RequestOptions {
  method?: 'GET' | 'POST';
  token?: string;
  body?: unknown;
  timeoutMs?: number;
  /** Aborts the request when the client stops. */
  signal?: AbortSignal;
  /** Show the hub's own message (it explains a refusal in Chinese) instead of the code's. */
  hubMessage?: boolean;
}

/** Sends one request and returns the parsed JSON body of a 2xx answer, or throws a HubError. */
export async function hubRequest<T>(
  fetchImpl: FetchLike,
  url: string,
  options: RequestOptions = {},
): Promise<T> {
  const controller = new AbortController();
  const timeoutMs = options.timeoutMs ?? 30_000;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  // One combined signal instead of a listener per request on the client's shared stop signal.
  const signal = options.signal ? AbortSignal.any([options.signal, controller.signal]) : controller.signal;
  try {
    if (options.signal?.aborted) throw new HubError('stopped', CLIENT_ERROR_MESSAGES.stopped);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.token) headers['authorization'] = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json; charset=utf-8';
    let response: Response;
    let text: string;
    try {
      response = await fetchImpl(url, {
        method: options.method ?? 'GET',
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal,
      });
      text = await response.text();
    } catch (error) {
      if (error instanceof HubError) throw error;
      if (options.signal?.aborted) throw new HubError('stopped', CLIENT_ERROR_MESSAGES.stopped);
      if (timedOut) throw new HubError('timeout', CLIENT_ERROR_MESSAGES.timeout);
      throw new HubError('network', CLIENT_ERROR_MESSAGES.network);
    }
    let parsed: unknown;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    if (response.ok) {
      if (parsed === undefined)
        throw new HubError('bad_response', CLIENT_ERROR_MESSAGES.bad_response, response.status);
      return parsed as T;
    }
    const error = (parsed as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
    const code = error?.code;
    if (isErrorCode(code)) {
      const own = options.hubMessage && typeof error?.message === 'string' ? error.message.slice(0, 500) : '';
      throw new HubError(code, own || ERROR_MESSAGES[code], response.status);
    }
    if (response.status >= 500 || response.status === 429)
      throw new HubError('server', CLIENT_ERROR_MESSAGES.server, response.status);
    throw new HubError('bad_response', CLIENT_ERROR_MESSAGES.bad_response, response.status);
  } finally {
    clearTimeout(timer);
  }
}

/** Any thrown value as a HubError (unknown failures count as unreachable hub). */
export function asHubError(error: unknown): HubError {
  if (error instanceof HubError) return error;
  return new HubError('network', CLIENT_ERROR_MESSAGES.network);
}
