// Photo attachments over the hub (an addition to protocol v1; its document routes are unchanged).
// Documents carry a replicated `photos` list; the bytes travel separately:
//   PUT /v1/sync/:collection/:docId/attachments/:attId   raw body, Content-Type of the entry
//   GET /v1/sync/:collection/:docId/attachments/:attId?digest=<sha256 hex>
// The hub stores the bytes only when their sha256 equals the entry of its current document.

import { PHOTO_TYPES } from '#shared/domain/vocab';
import type { CollectionName, PhotoType } from '#shared/domain/vocab';
import { PHOTO_DIGEST_MAX, PHOTO_ID_MAX, PHOTO_MAX_BYTES } from '#shared/schema/photos';
import { MAX_ID_LENGTH } from './v1';

export const ATTACHMENT_MAX_BYTES = PHOTO_MAX_BYTES;

/** The collections whose documents list photos (the schemas with `photos` and `attachments`). */
export const PHOTO_COLLECTIONS = [
  'demands',
  'projects',
  'tasks',
] as const satisfies readonly CollectionName[];
export type PhotoCollection = (typeof PHOTO_COLLECTIONS)[number];

export interface PhotoEntry {
  id: string;
  digest: string;
  type: PhotoType;
  length: number;
}

export interface AttachmentRoute {
  method: 'GET' | 'PUT';
  collection: string;
  docId: string;
  attId: string;
}

/** Answer of a successful PUT: `stored` is false when the hub already had these bytes. */
export interface PutAttachmentResponse {
  ok: true;
  stored: boolean;
}

export function isPhotoCollection(name: string): name is PhotoCollection {
  return (PHOTO_COLLECTIONS as readonly string[]).includes(name);
}

export function isPhotoType(value: unknown): value is PhotoType {
  return typeof value === 'string' && (PHOTO_TYPES as readonly string[]).includes(value);
}

/** A sha256 digest as RxDB writes it: 64 lowercase hex digits. */
export function isSha256Hex(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);
}

function isPhotoEntry(value: unknown): value is PhotoEntry {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Record<string, unknown>;
  return (
    typeof e['id'] === 'string' &&
    e['id'].length <= PHOTO_ID_MAX &&
    typeof e['digest'] === 'string' &&
    e['digest'].length <= PHOTO_DIGEST_MAX &&
    isPhotoType(e['type']) &&
    Number.isInteger(e['length']) &&
    (e['length'] as number) >= 0 &&
    (e['length'] as number) <= PHOTO_MAX_BYTES
  );
}

/** The well-formed entries of a document's `photos` (anything else in the list is ignored). */
export function photosOf(doc: Record<string, unknown> | null | undefined): PhotoEntry[] {
  const list = doc?.['photos'];
  return Array.isArray(list) ? list.filter(isPhotoEntry) : [];
}

/**
 * Maps a request to an attachment route, or null when the path is not one (then the v1 routes
 * apply). Segments are decoded once; one that fails to decode or hides a '/' does not match.
 */
export function parseAttachmentRoute(
  method: string,
  pathname: string,
): AttachmentRoute | 'method_not_allowed' | null {
  const parts = pathname.split('/');
  if (parts.length !== 7 || parts[0] !== '' || parts[1] !== 'v1' || parts[2] !== 'sync') return null;
  if (parts[5] !== 'attachments') return null;
  let decoded: string[];
  try {
    decoded = [parts[3], parts[4], parts[6]].map((p) => decodeURIComponent(p ?? ''));
  } catch {
    return null;
  }
  const [collection, docId, attId] = decoded as [string, string, string];
  if ([collection, docId, attId].some((p) => p === '' || p.includes('/'))) return null;
  if (docId.length > MAX_ID_LENGTH || attId.length > PHOTO_ID_MAX) return null;
  if (method !== 'GET' && method !== 'PUT') return 'method_not_allowed';
  return { method, collection, docId, attId };
}

/** The path of an attachment, each segment encoded. */
export function attachmentPath(collection: string, docId: string, attId: string): string {
  return `/v1/sync/${encodeURIComponent(collection)}/${encodeURIComponent(docId)}/attachments/${encodeURIComponent(attId)}`;
}
