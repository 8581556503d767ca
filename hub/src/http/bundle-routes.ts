// Sync bundles over HTTP. `POST /v1/admin/import-bundle` is the CLI's import-bundle while the hub
// serves the data folder (the hub reads the file itself, as publish-update does);
// `POST /v1/sync/bundles` lets a street-office device upload a bundle a hall brought on a stick.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { liesUnder } from '#shared/domain/places/index';
import { MAX_BUNDLE_BYTES, parseBundle } from '#shared/protocol/bundle';
import { bundleText, importBundleAudited, readBundleFile } from '../admin/bundle-action';
import { authenticate } from './sync-routes';
import { authorizeAdmin } from './admin-routes';
import { HttpError, readBody, readJson, sendJson } from './io';
import type { HubContext, RequestInfo } from './context';

/** Only street-office staff take in other devices' bundles. */
const UPLOADER_ROLE = 'street-staff';

export async function handleAdminImportBundle(ctx: HubContext, req: IncomingMessage, res: ServerResponse) {
  const actor = authorizeAdmin(ctx, req);
  if (req.method !== 'POST') throw new HttpError('method_not_allowed');
  const body = await readJson(req);
  const file = (body as { file?: unknown } | null)?.file;
  const fromRevoked = (body as { fromRevoked?: unknown } | null)?.fromRevoked === true;
  if (typeof file !== 'string' || file === '' || file.includes('\0'))
    throw new HttpError('bad_request', 'file 必须是同步包文件的路径');
  const text = await readBundleFile(file);
  if (typeof text !== 'string') throw new HttpError('bad_request', text.error);
  const report = await importBundleAudited(ctx.store, ctx.policy, text, actor, ctx.clock(), { fromRevoked });
  if ('error' in report) throw new HttpError('bad_request', report.error);
  ctx.log.info('bundle imported', { deviceId: report.device.deviceId, written: report.written });
  sendJson(res, 200, report, false);
}

export async function handleBundleUpload(
  ctx: HubContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  info: RequestInfo,
) {
  if (req.method !== 'POST') throw new HttpError('method_not_allowed');
  const uploader = await authenticate(ctx, req, info);
  if (uploader.role !== UPLOADER_ROLE) {
    throw new HttpError('forbidden', '只有街道工作人员的设备可以代为导入同步包。');
  }
  const text = bundleText(await readBody(req, MAX_BUNDLE_BYTES));
  if (typeof text !== 'string') throw new HttpError('bad_request', text.error);
  // The uploader must be responsible for the hall: its scope contains the bundle's device.
  const parsed = parseBundle(text);
  if ('bundle' in parsed) {
    const sender = await ctx.store.deviceBundleKey(parsed.bundle.deviceId);
    if (sender && !liesUnder(sender.device.scope, uploader.scope)) {
      throw new HttpError('forbidden', '该同步包的设备不在本设备负责的范围内。');
    }
  }
  const report = await importBundleAudited(ctx.store, ctx.policy, text, `device:${uploader.id}`, ctx.clock());
  if ('error' in report) throw new HttpError('bad_request', report.error);
  Object.assign(info.fields, {
    from: report.device.deviceId,
    written: report.written,
    replay: report.replay,
  });
  sendJson(res, 200, report, true);
}
