// Photo bytes of documents' `photos` entries (shared/src/protocol/attachments.ts). The hub keeps
// only bytes its current document asks for, from devices that may write that document, and hands
// them only to devices that may see it.

import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CollectionName } from '#shared/domain/vocab';
import { ATTACHMENT_MAX_BYTES, isPhotoCollection, isSha256Hex, photosOf } from '#shared/protocol/attachments';
import type { AttachmentRoute, PutAttachmentResponse } from '#shared/protocol/attachments';
import { liesUnder, visibleToDevice } from '#shared/domain/places/index';
import type { Doc } from '#shared/protocol/v1';
import type { DeviceActor } from '../sync/rules';
import type { HubContext, RequestInfo } from './context';
import { CORS_HEADERS, HttpError, readBody, sendJson } from './io';
import { authenticate, collectionOf } from './sync-routes';

/** The document behind an attachment route, if the device may see it; otherwise not_found. */
async function visibleDocument(
  ctx: HubContext,
  actor: DeviceActor,
  collection: CollectionName,
  docId: string,
): Promise<Doc> {
  if (!isPhotoCollection(collection)) throw new HttpError('not_found', '此类记录没有照片附件。');
  const doc = await ctx.store.document(collection, docId);
  // Same answer for "absent" and "not yours", so a device cannot probe other communities' ids.
  if (!doc || doc._deleted || !visibleToDevice(doc.scope, collection, actor.scope)) {
    throw new HttpError('not_found', '没有找到这条记录。');
  }
  return doc;
}

function mayWrite(ctx: HubContext, actor: DeviceActor, collection: CollectionName, doc: Doc): boolean {
  if (!liesUnder(doc.scope, actor.scope)) return false;
  // The photos came with the document, so the device that created it may complete it as well
  // as any device that may update it.
  return (
    ctx.policy.authorize(actor, collection, doc, doc) === null ||
    ctx.policy.authorize(actor, collection, null, doc) === null
  );
}

function contentTypeOf(req: IncomingMessage): string {
  const header = req.headers['content-type'];
  return typeof header === 'string' ? (header.split(';')[0] ?? '').trim().toLowerCase() : '';
}

export async function handlePutAttachment(
  ctx: HubContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  info: RequestInfo,
  route: AttachmentRoute,
) {
  const collection = collectionOf(route.collection);
  const actor = await authenticate(ctx, req, info);
  const type = contentTypeOf(req);
  if (!type.startsWith('image/')) throw new HttpError('bad_request', '照片的 Content-Type 必须是 image/*。');
  const data = await readBody(req, ATTACHMENT_MAX_BYTES);
  const doc = await visibleDocument(ctx, actor, collection, route.docId);
  if (!mayWrite(ctx, actor, collection, doc)) throw new HttpError('forbidden');
  const digest = createHash('sha256').update(data).digest('hex');
  info.fields['bytes'] = data.length;
  const entry = photosOf(doc).find((p) => p.id === route.attId);
  if (!entry) throw new HttpError('attachment_mismatch', '这条记录没有列出此照片，请先同步记录本身。');
  if (entry.digest !== digest || entry.length !== data.length || entry.type !== type) {
    throw new HttpError('attachment_mismatch', '照片内容与记录中登记的不一致。');
  }
  const stored = await ctx.store.putAttachment({
    collection,
    docId: route.docId,
    attId: route.attId,
    digest,
    contentType: type,
    data,
  });
  info.fields['stored'] = stored;
  const body: PutAttachmentResponse = { ok: true, stored };
  sendJson(res, stored ? 201 : 200, body, true);
}

export async function handleGetAttachment(
  ctx: HubContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  info: RequestInfo,
  route: AttachmentRoute,
) {
  const collection = collectionOf(route.collection);
  const actor = await authenticate(ctx, req, info);
  const digest = url.searchParams.get('digest');
  if (!isSha256Hex(digest)) throw new HttpError('bad_request', 'digest 必须是 64 位十六进制的 sha256。');
  await visibleDocument(ctx, actor, collection, route.docId);
  const found = await ctx.store.attachment(collection, route.docId, route.attId, digest);
  if (!found) throw new HttpError('not_found', '同步服务还没有这张照片。');
  info.fields['bytes'] = found.data.length;
  res.writeHead(200, {
    'Content-Type': found.contentType,
    'Content-Length': found.data.length,
    // Bytes under one digest never change; they are still private to devices of the scope.
    'Cache-Control': 'private, max-age=31536000, immutable',
    'X-Content-Type-Options': 'nosniff',
    ...CORS_HEADERS,
  });
  res.end(found.data);
}
