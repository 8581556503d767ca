import type { DemandDoc } from '#shared/schema/index';
import type { YishiDatabase } from '../../db/create-database';
import { newId, nowIso } from '../../db/ids';
import { mergePhotos } from '../../sync';
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

export interface SavedIntake {
  demand: DemandDoc;
  /**
   * The audit entry, written after the demand: the confirmation does not wait for it, but a
   * failure is reported (the demand itself is saved by then).
   */
  audited: Promise<void>;
}

/**
 * Writes the demand and its photos as attachments of the same document (they travel with it);
 * resolves once they are stored, with the audit entry still on its way. Everything is local: it
 * works the same with the network off.
 */
export async function saveIntake(
  db: YishiDatabase,
  deviceId: string,
  draft: IntakeDraft,
  place: { id: string; scope: string },
  photos: readonly Blob[],
): Promise<SavedIntake> {
  const demand = buildDemand(draft, { id: newId('demand'), at: nowIso(), deviceId, place });
  const doc = await db.demands.insert(demand);
  // Started only once the demand is stored: an entry must never name a demand that failed.
  const audited = audit(
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
  // Handled here too, so that a failure with nobody listening (the photos failed first) is not
  // an unhandled rejection; the caller still sees it through `audited`.
  audited.catch(() => undefined);
  if (photos.length > 0) {
    const attachments = await doc.putAttachments(
      photos.map((data, i) => ({ id: photoAttachmentId(i), type: 'image/jpeg', data })),
    );
    // The replicated list is what makes the hub and other devices fetch the bytes.
    await doc.getLatest().incrementalModify((d) => ({ ...d, photos: mergePhotos(d.photos, attachments) }));
  }
  return { demand, audited };
}
