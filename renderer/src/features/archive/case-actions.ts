// Writing 成果: a draft generated from a topic's whole history, then edited by people. Loading the
// history reads the collections directly (a topic has tens of documents, not thousands).
import { caseProblems, collectTopicHistory, generateCase } from '#shared/domain/archive/index';
import { can } from '#shared/domain/permissions/index';
import type { ActorRole, CaseKind, CaseState } from '#shared/domain/vocab';
import type {
  CaseDoc,
  DemandDoc,
  FollowUpDoc,
  MeetingDoc,
  MeetingRecordDoc,
  TaskDoc,
  TopicDoc,
} from '#shared/schema/index';
import type { YishiDatabase } from '../../db/create-database';
import { newId, nowIso } from '../../db/ids';
import { audit, created, updated, type Author } from '../../db/write';

export interface CaseActor {
  db: YishiDatabase;
  author: Author;
  role: ActorRole;
  homeScope: string;
}

export class RefusedError extends Error {}

function allow(actor: CaseActor, scope: string) {
  if (
    !can({ id: actor.author.deviceId, role: actor.role, scope: actor.homeScope }, 'case.edit', {
      scope,
      collection: 'cases',
    })
  ) {
    throw new RefusedError('本设备无权编辑该地点的成果');
  }
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
): Promise<CaseDoc> {
  const topicDoc = await actor.db.topics.findOne(topicId).exec();
  if (!topicDoc) throw new RefusedError('找不到该议题');
  const topic = topicDoc.toJSON() as TopicDoc;
  allow(actor, topic.scope);
  const at = nowIso();
  const draft = generateCase(await loadHistory(actor.db, topic, placeName), kind, at);
  const doc: CaseDoc = {
    ...created(actor.author, draft.scope, newId('case'), at),
    kind,
    title: draft.title,
    body: draft.body,
    topicId: topic.id,
    status: 'draft',
    generatedAt: at,
  };
  await actor.db.cases.insert(doc);
  await audit(actor.db, actor.author, doc.scope, 'case.generate', {
    collection: 'cases',
    id: doc.id,
    detail: doc.title,
  });
  return doc;
}

export async function saveCase(
  actor: CaseActor,
  id: string,
  edit: { title: string; body: string; kind: CaseKind; status?: CaseState },
): Promise<void> {
  const doc = await actor.db.cases.findOne(id).exec();
  if (!doc) throw new RefusedError('找不到该成果');
  allow(actor, doc.scope);
  const problems = caseProblems(edit);
  if (problems.length > 0) throw new RefusedError(problems.join('；'));
  await doc.incrementalPatch({
    title: edit.title.trim(),
    body: edit.body,
    kind: edit.kind,
    ...(edit.status ? { status: edit.status } : {}),
    ...updated(actor.author),
  });
  await audit(actor.db, actor.author, doc.scope, edit.status === 'published' ? 'case.publish' : 'case.edit', {
    collection: 'cases',
    id,
    detail: edit.title,
  });
}
