import { change, type Decided } from '#shared/domain/commands/index';
import { recordDemand, type IntakeDraft, type IntakePlace } from '#shared/domain/ledger/index';
import type { DemandDoc } from '#shared/schema/index';
import { commandContext } from '../../db/command-context';
import { commit } from '../../db/commit';
import type { YishiDatabase } from '../../db/create-database';
import type { DeviceSettings } from '../../db/settings';
import { mergePhotos } from '../../sync';
import type { Remembered } from './intake-form';
import { photoAttachmentId } from '../../kit/photos';

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
 * Records the demand (the shared command decides, with its permission check) and its photos as
 * attachments of the same document (they travel with it); resolves once they are stored, with the
 * audit entry still on its way. Everything is local: it works the same with the network off.
 */
export async function saveIntake(
  db: YishiDatabase,
  settings: Pick<DeviceSettings, 'deviceId' | 'role' | 'homeScope'>,
  draft: IntakeDraft,
  place: IntakePlace,
  photos: readonly Blob[],
): Promise<Decided<SavedIntake>> {
  const decided = recordDemand(draft, place, commandContext(settings));
  if (!decided.ok) return decided;
  const { demand } = decided;
  // The Change's own order (demand, then audit) in two commits, so that the confirmation waits
  // for the demand only; an entry is never started for a demand that failed.
  const written = await commit(db, { ...decided.change, audit: [] });
  if (!written.ok) return written;
  const audited = commit(db, change({ audit: decided.change.audit })).then((result) => {
    if (!result.ok) throw new Error(result.message);
  });
  // Handled here too, so that a failure with nobody listening (the photos failed first) is not
  // an unhandled rejection; the caller still sees it through `audited`.
  audited.catch(() => undefined);
  if (photos.length > 0) {
    const doc = await db.demands.findOne(demand.id).exec();
    if (!doc) throw new Error(`demand ${demand.id} vanished after saving`);
    const attachments = await doc.putAttachments(
      photos.map((data, i) => ({ id: photoAttachmentId(i), type: 'image/jpeg', data })),
    );
    // The replicated list is what makes the hub and other devices fetch the bytes.
    await doc.getLatest().incrementalModify((d) => ({ ...d, photos: mergePhotos(d.photos, attachments) }));
  }
  return { ok: true, demand, audited };
}
