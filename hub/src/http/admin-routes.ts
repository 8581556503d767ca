// Loopback-only admin routes used by the CLI while the hub serves the data folder.

import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { issueEnrollCode, listDevicesAudited, parseEnrollOrder, revokeDeviceAudited } from '../admin/actions';
import { isStorableId } from '../sync/rules';
import { parseQuarantineOrder, runQuarantineOrder } from '../admin/quarantine-action';
import { backupAudited, parseBackupOrder } from '../backup/backup-action';
import { purgePii } from '../retention/purge-pii';
import { parsePublishOrder, publishUpdateAudited } from '../updates/publish-action';
import { HttpError, bearerToken, isLoopback, readJson, sendJson } from './io';
import type { HubContext } from './context';

function adminActor(req: IncomingMessage): string {
  const header = req.headers['x-admin-actor'];
  const name = typeof header === 'string' ? header.replace(/[^\w.@-]/g, '').slice(0, 64) : '';
  return `cli:${name || 'unknown'}`;
}

export function authorizeAdmin(ctx: HubContext, req: IncomingMessage): string {
  if (!isLoopback(req) || ctx.adminSecretHash === null) throw new HttpError('forbidden');
  const token = bearerToken(req);
  if (!token) throw new HttpError('unauthorized');
  const given = createHash('sha256').update(token).digest();
  if (!timingSafeEqual(given, ctx.adminSecretHash)) throw new HttpError('unauthorized');
  return adminActor(req);
}

export async function handleAdminEnroll(ctx: HubContext, req: IncomingMessage, res: ServerResponse) {
  const actor = authorizeAdmin(ctx, req);
  const order = parseEnrollOrder(await readJson(req));
  if (typeof order === 'string') throw new HttpError('bad_request', order);
  const issued = await issueEnrollCode(ctx.store, order, actor, ctx.clock());
  ctx.log.info('enroll code issued', { scope: order.scope, role: order.role, expiresAt: issued.expiresAt });
  sendJson(res, 200, issued, false);
}

export async function handleAdminDevices(ctx: HubContext, req: IncomingMessage, res: ServerResponse) {
  const actor = authorizeAdmin(ctx, req);
  sendJson(res, 200, { devices: await listDevicesAudited(ctx.store, actor, ctx.clock()) }, false);
}

export async function handleAdminRevoke(
  ctx: HubContext,
  req: IncomingMessage,
  res: ServerResponse,
  deviceId: string,
) {
  const actor = authorizeAdmin(ctx, req);
  if (!isStorableId(deviceId)) throw new HttpError('not_found', '没有这个设备。');
  const device = await revokeDeviceAudited(ctx.store, deviceId, actor, ctx.clock());
  if (!device) throw new HttpError('not_found', '没有这个设备。');
  ctx.log.info('device revoked', { deviceId });
  sendJson(res, 200, { device }, false);
}

export async function handleAdminSeed(ctx: HubContext, req: IncomingMessage, res: ServerResponse) {
  const actor = authorizeAdmin(ctx, req);
  // A training session or a test may load the street as it stood at a given moment.
  const asOf = new URL(req.url ?? '/', 'http://hub').searchParams.get('asOf');
  const at = asOf === null ? undefined : new Date(asOf);
  if (at !== undefined && Number.isNaN(at.getTime())) throw new HttpError('bad_request', 'asOf 不是有效时间');
  const outcome = await ctx.seedDemo(actor, at);
  ctx.log.info('demo street seeded', { ...outcome });
  sendJson(res, 200, outcome, false);
}

/** POST /v1/admin/publish-update: the CLI's publish-update while the hub serves the data folder. */
export async function handleAdminPublishUpdate(ctx: HubContext, req: IncomingMessage, res: ServerResponse) {
  const actor = authorizeAdmin(ctx, req);
  if (req.method !== 'POST') throw new HttpError('method_not_allowed');
  if (!ctx.updatesDir) throw new HttpError('not_found', '此同步服务没有更新目录。');
  const order = parsePublishOrder(await readJson(req));
  if (typeof order === 'string') throw new HttpError('bad_request', order);
  const outcome = await publishUpdateAudited(ctx.store, ctx.updatesDir, order, actor, ctx.clock());
  if (typeof outcome === 'string') throw new HttpError('bad_request', outcome);
  ctx.log.info('update published', { version: outcome.version, removed: outcome.removed.join(',') });
  sendJson(res, 200, outcome, false);
}

/** POST /v1/admin/quarantine: the CLI's quarantine list|show|purge while the hub serves the data folder. */
export async function handleAdminQuarantine(ctx: HubContext, req: IncomingMessage, res: ServerResponse) {
  const actor = authorizeAdmin(ctx, req);
  if (req.method !== 'POST') throw new HttpError('method_not_allowed');
  const order = parseQuarantineOrder(await readJson(req));
  if (typeof order === 'string') throw new HttpError('bad_request', order);
  const answer = await runQuarantineOrder(ctx.store, order, actor, ctx.clock());
  if (answer.op === 'purge') ctx.log.info('quarantine purged', { purged: answer.purged });
  sendJson(res, 200, answer, false);
}

/** POST /v1/admin/backup: the CLI's backup while the hub serves the data folder. */
export async function handleAdminBackup(ctx: HubContext, req: IncomingMessage, res: ServerResponse) {
  const actor = authorizeAdmin(ctx, req);
  if (req.method !== 'POST') throw new HttpError('method_not_allowed');
  const order = parseBackupOrder(await readJson(req));
  if (typeof order === 'string') throw new HttpError('bad_request', order);
  const summary = await backupAudited(ctx.store, order.file, actor, ctx.clock());
  ctx.log.info('backup written', { sha256: summary.sha256 });
  sendJson(res, 200, summary, false);
}

/** POST /v1/admin/purge-pii: the CLI's purge-pii while the hub serves the data folder. */
export async function handleAdminPurgePii(ctx: HubContext, req: IncomingMessage, res: ServerResponse) {
  const actor = authorizeAdmin(ctx, req);
  if (req.method !== 'POST') throw new HttpError('method_not_allowed');
  const before = ((await readJson(req)) as { before?: unknown } | null)?.before;
  if (typeof before !== 'string' || Number.isNaN(Date.parse(before)))
    throw new HttpError('bad_request', 'before 不是有效日期');
  const outcome = await purgePii(ctx.store, new Date(before), actor, ctx.clock());
  ctx.log.info('pii purged', { ...outcome });
  sendJson(res, 200, outcome, false);
}
