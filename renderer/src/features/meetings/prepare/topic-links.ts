import { topicMachine, transition } from '#shared/domain/machines/index';
import type { Actor } from '#shared/domain/permissions/index';
import type { Stakeholder, TopicDoc } from '#shared/schema/index';
import type { YishiDatabase } from '../../../db/create-database';
import { updated } from '../../../db/write';

// 主体确定 and 议事组织 on the topic itself: the stakeholders are kept on the topic, and the
// topic's machine moves collecting → stakeholders → scheduled as the meeting is prepared.

export async function setStakeholders(
  db: YishiDatabase,
  actor: Actor,
  topic: TopicDoc,
  stakeholders: Stakeholder[],
): Promise<string | null> {
  const doc = await db.topics.findOne(topic.id).exec();
  if (!doc) return '找不到议题';
  let status = topic.status;
  if (status === 'collecting' && topic.track === 'inDepth' && stakeholders.length > 0) {
    const step = transition(topicMachine, status, 'selectStakeholders', {
      actor,
      track: topic.track,
      level: topic.level,
      artefacts: { stakeholders },
    });
    if (!step.ok) return step.message;
    status = step.state;
  }
  await doc.incrementalPatch({ stakeholders, status, ...updated({ deviceId: actor.id }) });
  return null;
}

/** Links the topic to the meeting; a topic whose stakeholders are chosen becomes scheduled. */
export async function linkTopicToMeeting(
  db: YishiDatabase,
  actor: Actor,
  topicId: string,
  meetingId: string,
): Promise<void> {
  const doc = await db.topics.findOne(topicId).exec();
  if (!doc) return;
  const topic = doc.toJSON() as TopicDoc;
  const meetingIds = topic.meetingIds.includes(meetingId)
    ? topic.meetingIds
    : [...topic.meetingIds, meetingId];
  let status = topic.status;
  if (status === 'stakeholders') {
    const step = transition(topicMachine, status, 'schedule', {
      actor,
      track: topic.track,
      level: topic.level,
      artefacts: { meetingId },
    });
    if (step.ok) status = step.state;
  }
  if (meetingIds === topic.meetingIds && status === topic.status) return;
  await doc.incrementalPatch({ meetingIds: [...meetingIds], status, ...updated({ deviceId: actor.id }) });
}
