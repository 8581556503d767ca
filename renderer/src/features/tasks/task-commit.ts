// Every step of a task is written here: the step's Change with its evidence photos (进展, 完成,
// 验收) as attachments of the task named after the follow-up that took them, then the topic's
// closing when the step settled its last open work. The decisions are the shared commands'.
import { docsOf, type Change, type Outcome } from '#shared/domain/commands/index';
import type { CommandContext } from '#shared/domain/commands/index';
import { closeSettledTopic, type TaskStep, type TaskStepResult } from '#shared/domain/handling/index';
import type { MeetingDoc, TaskDoc, TopicDoc } from '#shared/schema/index';
import { commit } from '../../db/commit';
import type { YishiDatabase } from '../../db/create-database';
import { photoAttachmentId } from '../../kit/photos';
import { mergePhotos } from '../../sync';

/** The attachment ids of one follow-up's photos start with this. */
export const followUpPhotoPrefix = (followUpId: string) => `${followUpId}-`;

/**
 * The step's Change with the photos in the same write as the task: the attachments inline and the
 * replicated list that names them. One write, so no state of the task ever lists photos it lacks
 * or holds photos it does not list (the hub answers every state it is sent).
 */
async function withPhotos(
  db: YishiDatabase,
  step: TaskStep,
  followUpId: string,
  photos: readonly Blob[],
): Promise<Change> {
  const attachments = photos.map((data, i) => ({
    id: photoAttachmentId(i, followUpPhotoPrefix(followUpId)),
    type: 'image/jpeg',
    data,
  }));
  // The digests the database itself will store, so the list and the bytes agree.
  const entries = await Promise.all(
    attachments.map(async (a) => ({ ...a, length: a.data.size, digest: await db.hashFunction(a.data) })),
  );
  const updates = docsOf(step.change, 'update', 'tasks');
  const stored = await db.tasks.findOne(step.task.id).exec();
  const base = updates.find((t) => t.id === step.task.id) ?? (stored?.toJSON() as TaskDoc | undefined);
  if (!base) throw new Error(`task ${step.task.id} not found`);
  const task = {
    ...base,
    photos: mergePhotos(stored?.toJSON().photos ?? base.photos, entries),
    _attachments: attachments,
  } as TaskDoc;
  return {
    ...step.change,
    update: { ...step.change.update, tasks: [...updates.filter((t) => t.id !== task.id), task] },
  };
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
  const followUp = docsOf(step.change, 'insert', 'followUps')[0];
  if (photos.length > 0 && !followUp) return { ok: false, message: '照片未能保存：这一步没有跟进记录' };
  const change =
    followUp && photos.length > 0 ? await withPhotos(db, step, followUp.id, photos) : step.change;
  const written = await commit(db, change);
  if (!written.ok) return written;
  await closeTopicIfSettled(db, step.task, ctx);
  return { ok: true };
}
