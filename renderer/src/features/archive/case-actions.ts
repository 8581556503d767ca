// Writing 成果: the shared archive commands decide (draft from a topic's whole history, edits,
// publishing, with their permission check); this loads the history and commits. Loading reads the
// collections directly (a topic has tens of documents, not thousands).
import {
  collectTopicHistory,
  editCase,
  generateCaseDraft,
  type CaseEdit,
} from '#shared/domain/archive/index';
import { refuse, type Decided, type Outcome } from '#shared/domain/commands/index';
import type { CaseKind } from '#shared/domain/vocab';
import type {
  CaseDoc,
  DemandDoc,
  FollowUpDoc,
  MeetingDoc,
  MeetingRecordDoc,
  TaskDoc,
  TopicDoc,
} from '#shared/schema/index';
import { commandContext } from '../../db/command-context';
import { commit, commitDecided } from '../../db/commit';
import type { YishiDatabase } from '../../db/create-database';
import type { DeviceSettings } from '../../db/settings';

export interface CaseActor {
  db: YishiDatabase;
  settings: Pick<DeviceSettings, 'deviceId' | 'role' | 'homeScope'>;
}

const json = <T>(docs: readonly { toJSON(): unknown }[]) => docs.map((d) => d.toJSON() as T);

async function loadHistory(db: YishiDatabase, topic: TopicDoc, placeName: string) {
  const byIds = await db.demands.findByIds([...topic.demandIds]).exec();
  const pointing = await db.demands.find({ selector: { topicId: topic.id } }).exec();
  const demands = new Map([...byIds.values(), ...pointing].map((d) => [d.id, d.toJSON() as DemandDoc]));
  const meetings = json<MeetingDoc>(await db.meetings.find().exec()).filter(
    (m) => topic.meetingIds.includes(m.id) || m.agenda.some((a) => a.topicId === topic.id),
  );
  const records = json<MeetingRecordDoc>(
    await db.meetingRecords.find({ selector: { meetingId: { $in: meetings.map((m) => m.id) } } }).exec(),
  );
  const tasks = json<TaskDoc>(await db.tasks.find({ selector: { topicId: topic.id } }).exec());
  const subjects = [topic.id, ...tasks.map((t) => t.id), ...demands.keys()];
  const followUps = new Map(
    [
      ...(await db.followUps.find({ selector: { subjectId: { $in: subjects } } }).exec()),
      ...(await db.followUps.find({ selector: { demandId: { $in: [...demands.keys()] } } }).exec()),
    ].map((f) => [f.id, f.toJSON() as FollowUpDoc]),
  );
  return collectTopicHistory(topic, placeName, {
    demands: [...demands.values()],
    meetings,
    records,
    tasks,
    followUps: [...followUps.values()],
  });
}

/** Generates a draft of the given kind from the topic's history and stores it. */
export async function generateFromTopic(
  actor: CaseActor,
  topicId: string,
  kind: CaseKind,
  placeName: string,
): Promise<Decided<{ doc: CaseDoc }>> {
  const topicDoc = await actor.db.topics.findOne(topicId).exec();
  if (!topicDoc) return refuse('找不到该议题');
  const history = await loadHistory(actor.db, topicDoc.toJSON() as TopicDoc, placeName);
  const decided = generateCaseDraft(history, kind, commandContext(actor.settings));
  if (!decided.ok) return decided;
  const written = await commit(actor.db, decided.change);
  return written.ok ? { ok: true, doc: decided.doc } : written;
}

/** Saves an edit of the stored case (or publishes it); refused with the reason. */
export async function saveCase(actor: CaseActor, id: string, edit: CaseEdit): Promise<Outcome> {
  const doc = await actor.db.cases.findOne(id).exec();
  if (!doc) return refuse('找不到该成果');
  return commitDecided(actor.db, editCase(doc.toJSON() as CaseDoc, edit, commandContext(actor.settings)));
}
