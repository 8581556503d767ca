// Evidence photos of a task's steps (进展, 完成, 验收): the step's Change is committed first, then
// the photos are stored as attachments of the task, named after the follow-up that took them,
// and listed in the replicated `photos` so the hub and the other devices fetch the bytes.
import { docsOf, type Outcome } from '#shared/domain/commands/index';
import type { TaskStepResult } from '#shared/domain/handling/index';
import { commit } from '../../db/commit';
import type { YishiDatabase } from '../../db/create-database';
import { photoAttachmentId } from '../../kit/photos';
import { mergePhotos } from '../../sync';

/** The attachment ids of one follow-up's photos start with this. */
export const followUpPhotoPrefix = (followUpId: string) => `${followUpId}-`;

export async function commitStepWithPhotos(
  db: YishiDatabase,
  step: TaskStepResult,
  photos: readonly Blob[],
): Promise<Outcome> {
  if (!step.ok) return step;
  const written = await commit(db, step.change);
  if (!written.ok) return written;
  if (photos.length === 0) return { ok: true };
  const followUp = docsOf(step.change, 'insert', 'followUps')[0];
  const doc = await db.tasks.findOne(step.task.id).exec();
  if (!followUp || !doc) return { ok: false, message: '照片未能保存：找不到该任务的记录' };
  const attachments = await doc.putAttachments(
    photos.map((data, i) => ({
      id: photoAttachmentId(i, followUpPhotoPrefix(followUp.id)),
      type: 'image/jpeg',
      data,
    })),
  );
  await doc.getLatest().incrementalModify((d) => ({ ...d, photos: mergePhotos(d.photos, attachments) }));
  return { ok: true };
}
