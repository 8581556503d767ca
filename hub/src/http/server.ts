// The hub's HTTP server on node:http: routing, CORS preflight, one log line per request,
// and a graceful shutdown that finishes in-flight batches before the database closes.

import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseAttachmentRoute } from '#shared/protocol/attachments';
import { PROTOCOL_VERSION, parseRoute } from '#shared/protocol/v1';
import type { HealthResponse } from '#shared/protocol/v1';
import {
  handleAdminDevices,
  handleAdminEnroll,
  handleAdminPublishUpdate,
  handleAdminQuarantine,
  handleAdminBackup,
  handleAdminPurgePii,
  handleAdminRevoke,
  handleAdminSeed,
} from './admin-routes';
import { handleGetAttachment, handlePutAttachment } from './attachment-routes';
import { handleAdminImportBundle, handleBundleUpload } from './bundle-routes';
import type { HubContext, RequestInfo } from './context';
import { CORS_HEADERS, HttpError, sendError, sendJson } from './io';
import { hasUnstorableTarget } from './path-check';
import { isAppRequest, serveApp } from './static-app';
import { handleUpdate } from './update-routes';
import { parseUpdateRoute } from '#shared/protocol/updates';
import { handleCounts, handleEnroll, handlePull, handlePush, handleStream } from './sync-routes';

export interface HubServer {
  server: Server;
  listen(port: number, host: string): Promise<string>;
  /** Stops accepting, waits for in-flight requests, closes streams. The caller closes the store. */
  shutdown(graceMs?: number): Promise<void>;
}

async function route(
  ctx: HubContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  info: RequestInfo,
) {
  if (ctx.app && isAppRequest(req.method, url.pathname)) {
    info.route = 'app';
    return serveApp(ctx.app, req, res, url.pathname);
  }
  if (url.pathname === '/v1/admin/publish-update') {
    info.route = 'adminPublishUpdate';
    return handleAdminPublishUpdate(ctx, req, res);
  }
  if (url.pathname === '/v1/admin/purge-pii') {
    info.route = 'adminPurgePii';
    return handleAdminPurgePii(ctx, req, res);
  }
  if (url.pathname === '/v1/admin/backup') {
    info.route = 'adminBackup';
    return handleAdminBackup(ctx, req, res);
  }
  if (url.pathname === '/v1/admin/quarantine') {
    info.route = 'adminQuarantine';
    return handleAdminQuarantine(ctx, req, res);
  }
  if (url.pathname === '/v1/admin/import-bundle') {
    info.route = 'adminImportBundle';
    return handleAdminImportBundle(ctx, req, res);
  }
  if (url.pathname === '/v1/sync/bundles') {
    info.route = 'bundleUpload';
    return handleBundleUpload(ctx, req, res, url, info);
  }
  const update = parseUpdateRoute(req.method ?? 'GET', url.pathname);
  if (update !== null) {
    if (typeof update === 'string') throw new HttpError(update);
    info.route = update.kind === 'policy' ? 'updatePolicy' : 'updateFile';
    return handleUpdate(ctx.updatesDir, req, res, update);
  }
  const attachment = parseAttachmentRoute(req.method ?? 'GET', url.pathname);
  if (attachment === 'method_not_allowed') throw new HttpError('method_not_allowed');
  if (attachment) {
    info.route = attachment.method === 'PUT' ? 'putAttachment' : 'getAttachment';
    info.fields['collection'] = attachment.collection.slice(0, 32);
    return attachment.method === 'PUT'
      ? handlePutAttachment(ctx, req, res, url, info, attachment)
      : handleGetAttachment(ctx, req, res, url, info, attachment);
  }
  const parsed = parseRoute(req.method ?? 'GET', url.pathname);
  if ('error' in parsed) throw new HttpError(parsed.error);
  const r = parsed.route;
  info.route = r.kind;
  switch (r.kind) {
    case 'health': {
      const body: HealthResponse = {
        ok: true,
        version: ctx.version,
        protocol: PROTOCOL_VERSION,
        database: ctx.store.kind,
        hubId: ctx.store.hubId,
        epoch: ctx.store.epoch,
      };
      return sendJson(res, 200, body, true);
    }
    case 'enroll':
      return handleEnroll(ctx, req, res, info);
    case 'pull':
      info.fields['collection'] = r.collection.slice(0, 32);
      return handlePull(ctx, req, res, url, info, r.collection);
    case 'push':
      info.fields['collection'] = r.collection.slice(0, 32);
      return handlePush(ctx, req, res, url, info, r.collection);
    case 'stream':
      return handleStream(ctx, req, res, url, info);
    case 'counts':
      return handleCounts(ctx, req, res, url, info);
    case 'adminEnroll':
      return handleAdminEnroll(ctx, req, res);
    case 'adminDevices':
      return handleAdminDevices(ctx, req, res);
    case 'adminRevoke':
      return handleAdminRevoke(ctx, req, res, r.deviceId);
    case 'adminSeedDemo':
      return handleAdminSeed(ctx, req, res);
  }
}

/** The request target as a URL on a fixed base; absolute or unparsable targets are refused. */
function parseUrl(target: string): URL {
  if (!target.startsWith('/') || target.startsWith('//')) throw new HttpError('not_found');
  try {
    return new URL(target, 'http://hub.invalid');
  } catch {
    throw new HttpError('bad_request');
  }
}

export function createHubServer(ctx: HubContext): HubServer {
  let inFlight = 0;
  let closing = false;
  let drained: (() => void) | null = null;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now();
    const info: RequestInfo = { route: 'unknown', fields: {} };
    // A proxy's (or client's) request id ties the two log lines of a request together.
    const header = req.headers['x-request-id'];
    const requestId = typeof header === 'string' && /^[\w-]{1,64}$/.test(header) ? header : randomUUID();
    res.setHeader('X-Request-Id', requestId);
    ctx.log.debug('request received', { method: req.method?.slice(0, 8), requestId });
    const isAdmin = (req.url ?? '').startsWith('/v1/admin/');
    try {
      if (closing) throw new HttpError('unavailable');
      const url = parseUrl(req.url ?? '/');
      if (hasUnstorableTarget(url)) throw new HttpError('bad_request', '请求地址中含有无法处理的字符。');
      if (req.method === 'OPTIONS' && !isAdmin) {
        res.writeHead(204, CORS_HEADERS);
        res.end();
        return;
      }
      await route(ctx, req, res, url, info);
    } catch (err) {
      if (err instanceof HttpError) {
        if (err.code === 'too_large') res.setHeader('Connection', 'close');
        sendError(res, err, !isAdmin);
      } else {
        ctx.log.error('request failed', { route: info.route, error: (err as Error).message });
        sendError(res, new HttpError('internal'), !isAdmin);
      }
    } finally {
      ctx.log.info('request', {
        method: req.method?.slice(0, 8),
        route: info.route,
        status: res.statusCode,
        ms: Math.round(performance.now() - started),
        deviceId: info.deviceId,
        requestId,
        ...info.fields,
      });
    }
  };

  const server = createServer((req, res) => {
    // Streams stay open until shutdown; counting them would make every shutdown wait the grace.
    const counted = !(req.url ?? '').startsWith('/v1/sync/stream');
    if (counted) inFlight += 1;
    // Done only when the handler has returned AND the answer has left (or the client went away),
    // so a shutdown never closes the database under a running batch or cuts an acknowledgement.
    const sent = new Promise((resolve) => res.once('close', resolve));
    void Promise.all([handle(req, res), sent]).finally(() => {
      if (!counted) return;
      inFlight -= 1;
      if (closing && inFlight === 0) drained?.();
    });
  });
  server.requestTimeout = 120_000;
  server.headersTimeout = 30_000;
  server.keepAliveTimeout = 5_000;
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  return {
    server,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const address = server.address() as AddressInfo;
          const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
          resolve(`http://${shownHost}:${address.port}`);
        });
      });
    },
    async shutdown(graceMs = 15_000) {
      closing = true;
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      await ctx.fanout.close();
      server.closeIdleConnections();
      if (inFlight > 0) {
        await Promise.race([
          new Promise<void>((resolve) => {
            drained = resolve;
          }),
          new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref()),
        ]);
      }
      server.closeAllConnections();
      await stopped;
    },
  };
}
