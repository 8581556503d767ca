// Device-facing routes: enrollment, pull, push and the change stream.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { COLLECTION_NAMES } from '#shared/domain/vocab';
import type { CollectionName } from '#shared/domain/vocab';
import {
  MAX_DEVICE_NAME_LENGTH,
  PULL_LIMIT_DEFAULT,
  PULL_LIMIT_MAX,
  isCollectionName,
} from '#shared/protocol/v1';
import type {
  CountsResponse,
  DeviceInfo,
  EnrollResponse,
  PullNewestResponse,
  PullResponse,
  PushResponse,
} from '#shared/protocol/v1';
import { bundleKeyFromToken } from '#shared/protocol/bundle';
import { asSeenBy } from '#shared/domain/permissions/index';
import { generateDeviceId, generateToken, hashEnrollCode, hashToken, normalizeEnrollCode } from '../secrets';
import { prevalidate, yieldToEventLoop } from '../sync/chunked-validate';
import { pushRows } from '../sync/push';
import { hasUnstorableString, isStorableId, parsePushBody } from '../sync/rules';
import type { DeviceActor } from '../sync/rules';
import { clientAddress } from './client-address';
import { HttpError, bearerToken, readJson, sendJson } from './io';
import type { HubContext, RequestInfo } from './context';

const TOUCH_INTERVAL_MS = 60_000;
/** An enrollment is a code and a device name; anything bigger is not one. */
const ENROLL_BODY_LIMIT = 4 * 1024;

export function collectionOf(name: string): CollectionName {
  if (!isCollectionName(name)) throw new HttpError('unknown_collection');
  return name;
}

/** Resolves the device of a request: unknown token → unauthorized, revoked device → revoked. */
export async function authenticate(
  ctx: HubContext,
  req: IncomingMessage,
  info: RequestInfo,
): Promise<DeviceActor> {
  // The stream too takes its token from the header only: a URL ends up in proxy and access logs.
  const token = bearerToken(req);
  if (!token || token.length > 512) throw new HttpError('unauthorized');
  const device: DeviceInfo | null = await ctx.store.deviceByTokenHash(hashToken(token));
  if (!device) throw new HttpError('unauthorized');
  info.deviceId = device.deviceId;
  if (device.revokedAt !== null) throw new HttpError('revoked');
  const now = ctx.clock();
  const last = ctx.touched.get(device.deviceId) ?? 0;
  if (now.getTime() - last > TOUCH_INTERVAL_MS) {
    ctx.touched.set(device.deviceId, now.getTime());
    await ctx.store.touchDevice(device.deviceId, now);
    // The hub keeps no token, so a device enrolled before bundles existed gets its key here.
    await ctx.store.ensureBundleKey(device.deviceId, bundleKeyFromToken(token));
  }
  return { id: device.deviceId, role: device.role, scope: device.scope, localId: device.localId };
}

function parseNonNegativeInt(value: string | null, fallback: number, max: number): number {
  if (value === null || value === '') return fallback;
  if (!/^\d{1,16}$/.test(value)) throw new HttpError('bad_request', 'checkpoint 和 limit 必须是非负整数。');
  const n = Number(value);
  if (n > max) throw new HttpError('bad_request', `取值超出范围（最大 ${max}）。`);
  return n;
}

export async function handlePull(
  ctx: HubContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  info: RequestInfo,
  name: string,
) {
  const collection = collectionOf(name);
  const actor = await authenticate(ctx, req, info);
  const limit = parseNonNegativeInt(url.searchParams.get('limit'), PULL_LIMIT_DEFAULT, PULL_LIMIT_MAX);
  if (limit === 0) throw new HttpError('bad_request', 'limit 必须大于 0。');
  const order = url.searchParams.get('order');
  if (order === 'newest') {
    const raw = url.searchParams.get('before');
    const before = raw === null ? null : parseNonNegativeInt(raw, 0, Number.MAX_SAFE_INTEGER);
    const page = await ctx.store.pullNewest(collection, actor.scope, before, limit);
    const newest: PullNewestResponse = {
      order: 'newest',
      ...page,
      documents: page.documents.map((doc) => asSeenBy(actor.role, collection, doc)),
    };
    info.fields['before'] = before ?? 'none';
    info.fields['docs'] = page.documents.length;
    return sendJson(res, 200, newest, true);
  }
  if (order !== null && order !== 'oldest')
    throw new HttpError('bad_request', 'order 只能是 newest 或 oldest。');
  const since = parseNonNegativeInt(url.searchParams.get('checkpoint'), 0, Number.MAX_SAFE_INTEGER);
  const result = await ctx.store.pull(collection, actor.scope, since, limit);
  const body: PullResponse = {
    ...result,
    documents: result.documents.map((doc) => asSeenBy(actor.role, collection, doc)),
  };
  // With the collection, the access log shows which page each pull asked for.
  info.fields['checkpoint'] = since;
  info.fields['docs'] = result.documents.length;
  sendJson(res, 200, body, true);
}

export async function handleCounts(
  ctx: HubContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  info: RequestInfo,
) {
  const actor = await authenticate(ctx, req, info);
  const found = await ctx.store.scopeCounts(actor.scope);
  const counts = Object.fromEntries(
    COLLECTION_NAMES.map((c) => [c, found[c] ?? 0]),
  ) as CountsResponse['counts'];
  const body: CountsResponse = { counts };
  sendJson(res, 200, body, true);
}

export async function handlePush(
  ctx: HubContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  info: RequestInfo,
  name: string,
) {
  const collection = collectionOf(name);
  const actor = await authenticate(ctx, req, info);
  // A device that keeps overflowing its quarantine is slowed down; the admin sees it listed.
  const throttled = await ctx.store.quarantineThrottledUntil(actor.id, ctx.clock());
  if (throttled !== null) {
    res.setHeader('Retry-After', String(Math.max(1, Math.ceil((throttled.getTime() - Date.now()) / 1000))));
    throw new HttpError('rate_limited', '这台设备被拒收的数据过多，推送已暂停片刻；请联系管理员查看隔离区。');
  }
  const received = await readJson(req);
  await yieldToEventLoop();
  const parsed = parsePushBody(received);
  if ('error' in parsed) throw new HttpError('bad_request', parsed.error);
  await yieldToEventLoop();
  // Validated a slice at a time before the transaction, so a large push never stalls the hub.
  const policy = await prevalidate(collection, parsed.rows, ctx.policy);
  const outcome = await pushRows(ctx.store, collection, actor, parsed.rows, policy, ctx.clock());
  Object.assign(info.fields, {
    rows: parsed.rows.length,
    written: outcome.written,
    conflicts: outcome.conflicts.length,
    refused: outcome.refused.length,
  });
  const body: PushResponse = { conflicts: outcome.conflicts, refused: outcome.refused };
  sendJson(res, 200, body, true);
}

export async function handleStream(
  ctx: HubContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  info: RequestInfo,
) {
  const actor = await authenticate(ctx, req, info);
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-transform',
    Connection: 'keep-alive',
    // nginx buffers proxied responses unless told otherwise; a buffered stream is no stream.
    'X-Accel-Buffering': 'no',
    'Access-Control-Allow-Origin': '*',
  });
  const detach = ctx.fanout.attach(actor, res);
  await new Promise<void>((resolve) => {
    res.on('close', () => {
      detach();
      resolve();
    });
  });
}

export async function handleEnroll(
  ctx: HubContext,
  req: IncomingMessage,
  res: ServerResponse,
  info: RequestInfo,
) {
  const address = `client:${clientAddress(req, ctx.trustedProxies)}`;
  if (ctx.enrollLimiter.blocked(address)) throw new HttpError('rate_limited');
  const body = await readJson(req, ENROLL_BODY_LIMIT);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new HttpError('bad_request');
  const { code, deviceName, localDeviceId } = body as Record<string, unknown>;
  if (typeof code !== 'string' || typeof deviceName !== 'string') {
    throw new HttpError('bad_request', 'code 和 deviceName 必须是字符串。');
  }
  if (localDeviceId !== undefined && !isStorableId(localDeviceId)) {
    throw new HttpError('bad_request', 'localDeviceId 必须是 1 到 64 个字符的标识。');
  }
  const name = deviceName.trim();
  if (name === '' || name.length > MAX_DEVICE_NAME_LENGTH || hasUnstorableString(name)) {
    throw new HttpError('bad_request', `设备名称必须是 1 到 ${MAX_DEVICE_NAME_LENGTH} 个字符。`);
  }
  const normalized = normalizeEnrollCode(code);
  if (normalized === null) {
    ctx.enrollLimiter.fail(address);
    throw new HttpError('code_invalid');
  }
  const codeHash = hashEnrollCode(normalized);
  // Per code as well: one code tried again and again from many addresses is stopped too.
  const codeKey = `code:${codeHash}`;
  if (ctx.codeLimiter.blocked(codeKey)) throw new HttpError('rate_limited');
  const token = generateToken();
  const deviceId = generateDeviceId();
  const result = await ctx.store.redeemEnrollCode({
    codeHash,
    deviceId,
    deviceName: name,
    tokenHash: hashToken(token),
    localId: localDeviceId ?? null,
    now: ctx.clock(),
  });
  if (!result.ok && result.code === 'identity_taken') {
    throw new HttpError(
      'forbidden',
      `本设备此前已在本服务器登记为“${result.holder}”，该登记仍在使用。请街道管理员先停用旧登记（npm run hub -- revoke），再用新的登记码连接；登记码尚未用掉。`,
    );
  }
  if (!result.ok) {
    ctx.enrollLimiter.fail(address);
    ctx.codeLimiter.fail(codeKey);
    throw new HttpError(result.code);
  }
  info.deviceId = deviceId;
  // What lets this hub check the device's sync bundles later, without the token itself.
  await ctx.store.ensureBundleKey(deviceId, bundleKeyFromToken(token));
  Object.assign(info.fields, { scope: result.scope, role: result.role });
  ctx.log.info('device enrolled', { deviceId, scope: result.scope, role: result.role });
  const answer: EnrollResponse = {
    deviceId,
    token,
    scope: result.scope,
    role: result.role,
    hubId: ctx.store.hubId,
    epoch: ctx.store.epoch,
  };
  sendJson(res, 200, answer, true);
}
