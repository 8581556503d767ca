// Records a document's photo attachments in its replicated `photos` list. Protocol v1 does not
// carry `_attachments`; this list is what makes other devices fetch the bytes from the hub.

import { PHOTO_MAX_COUNT, PHOTO_MAX_BYTES } from '#shared/schema/photos';
import { isPhotoType } from '#shared/protocol/attachments';
import type { PhotoEntry } from '#shared/protocol/attachments';

/** What RxDB's RxAttachment exposes (its digest is the hex sha256 of the bytes). */
export interface AttachmentLike {
  id: string;
  type: string;
  length: number;
  digest: string;
}

/** The list with `added` replacing entries of the same id; non-photo attachments are left out. */
export function mergePhotos(
  current: readonly PhotoEntry[] | undefined,
  added: readonly AttachmentLike[],
): PhotoEntry[] {
  const byId = new Map((current ?? []).map((p) => [p.id, p]));
  for (const a of added) {
    if (!isPhotoType(a.type) || a.length > PHOTO_MAX_BYTES) continue;
    byId.set(a.id, { id: a.id, digest: a.digest, type: a.type, length: a.length });
  }
  return [...byId.values()].slice(0, PHOTO_MAX_COUNT);
}
