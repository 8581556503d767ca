import type { DemandDoc } from '#shared/schema/index';
import type { YishiDatabase } from '../../db/create-database';
import { newId, nowIso } from '../../db/ids';
import { mergePhotos } from '../../sync/photos';
import { audit } from '../../db/write';
import { buildDemand, type IntakeDraft, type Remembered } from './intake-form';
import { photoAttachmentId } from './photos';

const REMEMBERED_KEY = 'yishi.intake.last';

export function readRememberedRaw(): string | null {
  return localStorage.getItem(REMEMBERED_KEY);
}

export function remember(value: Remembered): void {
  localStorage.setItem(REMEMBERED_KEY, JSON.stringify(value));
}

/**
 * Writes the demand, its photos as attachments of the same document (they travel with it) and
 * the audit entry. Everything is local: it works the same with the network off.
 */
export async function saveIntake(
  db: YishiDatabase,
  deviceId: string,
  draft: IntakeDraft,
  place: { id: string; scope: string },
  photos: readonly Blob[],
): Promise<DemandDoc> {
  const demand = buildDemand(draft, { id: newId('demand'), at: nowIso(), deviceId, place });
  const doc = await db.demands.insert(demand);
  if (photos.length > 0) {
    const attachments = await doc.putAttachments(
      photos.map((data, i) => ({ id: photoAttachmentId(i), type: 'image/jpeg', data })),
    );
    // The replicated list is what makes the hub and other devices fetch the bytes.
    await doc.getLatest().incrementalModify((d) => ({ ...d, photos: mergePhotos(d.photos, attachments) }));
  }
  await audit(
    db,
    { deviceId },
    demand.scope,
    demand.status === 'duplicate' ? 'demand.duplicate' : 'demand.create',
    {
      collection: 'demands',
      id: demand.id,
      detail: demand.duplicateOf ? `重复于 ${demand.duplicateOf}` : demand.title,
    },
  );
  return demand;
}
