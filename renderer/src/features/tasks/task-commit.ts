// Every step of a task is written here: the step's Change, then its evidence photos (进展, 完成,
// 验收) as attachments of the task named after the follow-up that took them, then the topic's
// closing when the step settled its last open work. The decisions are the shared commands'.
import { docsOf, type Outcome } from '#shared/domain/commands/index';
import type { CommandContext } from '#shared/domain/commands/index';
import { closeSettledTopic, type TaskStepResult } from '#shared/domain/handling/index';
import type { MeetingDoc, TaskDoc, TopicDoc } from '#shared/schema/index';
import { commit } from '../../db/commit';
import type { YishiDatabase } from '../../db/create-database';
import { photoAttachmentId } from '../../kit/photos';
import { mergePhotos } from '../../sync';

/** The attachment ids of one follow-up's photos start with this. */
export const followUpPhotoPrefix = (followUpId: string) => `${followUpId}-`;

async function attachPhotos(db: YishiDatabase, task: TaskDoc, followUpId: string, photos: readonly Blob[]) {
  const doc = await db.tasks.findOne(task.id).exec();
  if (!doc) throw new Error(`task ${task.id} vanished after saving`);
  const attachments = await doc.putAttachments(
    photos.map((data, i) => ({
      id: photoAttachmentId(i, followUpPhotoPrefix(followUpId)),
      type: 'image/jpeg',
      data,
    })),
  );
  // The replicated list is what makes the hub and the other devices fetch the bytes.
  await doc.getLatest().incrementalModify((d) => ({ ...d, photos: mergePhotos(d.photos, attachments) }));
}

/**
 * Closes the task's topic when no task of it owes work any more (the shared rule: minutes
 * approved, every share accepted, handed on and settled, or withdrawn). Quietly nothing otherwise.
 */
export async function closeTopicIfSettled(db: YishiDatabase, task: TaskDoc, ctx: CommandContext) {
  if (!task.topicId) return;
  const topic = await db.topics.findOne(task.topicId).exec();
  if (!topic || topic.status !== 'handling') return;
  const tasks = (await db.tasks.find({ selector: { topicId: task.topicId } }).exec()).map(
    (d) => d.toJSON() as TaskDoc,
  );
  const meeting = task.meetingId ? await db.meetings.findOne(task.meetingId).exec() : null;
  const minutes = meeting ? (meeting.toJSON() as MeetingDoc) : undefined;
  const closing = closeSettledTopic(topic.toJSON() as TopicDoc, tasks, minutes, ctx);
  if (closing) await commit(db, closing.change);
}

export async function commitTaskStep(
  db: YishiDatabase,
  step: TaskStepResult,
  ctx: CommandContext,
  photos: readonly Blob[] = [],
): Promise<Outcome> {
  if (!step.ok) return step;
  const written = await commit(db, step.change);
  if (!written.ok) return written;
  const followUp = docsOf(step.change, 'insert', 'followUps')[0];
  if (photos.length > 0) {
    if (!followUp) return { ok: false, message: '照片未能保存：这一步没有跟进记录' };
    await attachPhotos(db, step.task, followUp.id, photos);
  }
  await closeTopicIfSettled(db, step.task, ctx);
  return { ok: true };
}
