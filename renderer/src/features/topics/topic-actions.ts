// Writing topics: every lifecycle step goes through the shared state machines, so the device
// refuses exactly what the hub would refuse, with the machine's own Chinese reason.
import {
  deadlineFor,
  demandMachine,
  escalateTopic,
  nextLevel,
  topicMachine,
  transition,
} from '#shared/domain/machines/index';
import { scopeAtLevel } from '#shared/domain/places/index';
import { moveInOrder, ordersByPriority, topicPriority } from '#shared/domain/topics/priority';
import type { ActorRole, DemandCategory, DemandEvent, TopicTrack } from '#shared/domain/vocab';
import type { DemandDoc, TopicDoc } from '#shared/schema/index';
import type { YishiDatabase } from '../../db/create-database';
import { newId, nowIso } from '../../db/ids';
import { audit, created, updated, type Author } from '../../db/write';
import { applyEffects, insertByPriority, topicHome } from './topic-model';

export interface TopicActor {
  db: YishiDatabase;
  author: Author;
  role: ActorRole;
  homeScope: string;
}

export class RefusedError extends Error {}

async function demandsOf(db: YishiDatabase, ids: readonly string[]): Promise<DemandDoc[]> {
  const found = await db.demands.findByIds([...ids]).exec();
  return ids.flatMap((id) => {
    const doc = found.get(id);
    return doc ? [doc.toJSON() as DemandDoc] : [];
  });
}

async function topicsAt(db: YishiDatabase, scope: string): Promise<TopicDoc[]> {
  return (await db.topics.find({ selector: { scope } }).exec()).map((d) => d.toJSON() as TopicDoc);
}

/** Runs demand events in order through the demand machine; throws its reason when one is refused. */
function stepDemand(
  actor: TopicActor,
  demand: DemandDoc,
  events: DemandEvent[],
  artefacts: Record<string, unknown>,
  at: string,
): DemandDoc {
  let doc = demand;
  for (const event of events) {
    const result = transition(demandMachine, doc.status, event, { actor: { role: actor.role }, artefacts });
    if (!result.ok) throw new RefusedError(`诉求“${doc.title}”：${result.message}`);
    doc = { ...applyEffects(doc, result.effects, at, actor.author.deviceId), status: result.state };
  }
  return { ...doc, ...updated(actor.author, at) };
}

const joinEvents = (demand: DemandDoc): DemandEvent[] =>
  demand.status === 'received' ? ['accept', 'addToTopic'] : ['addToTopic'];

async function writeOrders(actor: TopicActor, changes: Map<string, number>, at: string) {
  if (changes.size === 0) return;
  const docs = await actor.db.topics.findByIds([...changes.keys()]).exec();
  await actor.db.topics.bulkUpsert(
    [...docs.values()].map((d) => ({
      ...(d.toJSON() as TopicDoc),
      order: changes.get(d.id) as number,
      ...updated(actor.author, at),
    })),
  );
}

export interface NewTopic {
  title: string;
  description: string;
  category: DemandCategory;
  track: TopicTrack;
  demandIds: string[];
  /** Where a topic without demands belongs (未诉先办: acting before anyone complains). */
  scope?: string;
}

export async function createTopic(actor: TopicActor, input: NewTopic): Promise<TopicDoc> {
  const at = nowIso();
  const demands = await demandsOf(actor.db, input.demandIds);
  if (demands.length === 0 && !input.scope) throw new RefusedError('请至少选择一件诉求');
  const { scope, level } = topicHome(
    demands.length > 0 ? demands.map((d) => d.scope) : [input.scope as string],
  );
  const id = newId('topic');
  const joined = demands.map((d) => ({
    ...stepDemand(actor, d, joinEvents(d), { topicId: id }, at),
    topicId: id,
  }));
  const priority = topicPriority(demands, at).score;
  const { order, changes } = insertByPriority(await topicsAt(actor.db, scope), priority);
  const topic: TopicDoc = {
    ...created(actor.author, scope, id, at),
    title: input.title.trim(),
    description: input.description.trim(),
    category: input.category,
    level,
    originScope: scope,
    originLevel: level,
    track: input.track,
    status: 'collecting',
    demandIds: demands.map((d) => d.id),
    priority,
    order,
    stakeholders: [],
    escalations: [],
    meetingIds: [],
    deadlineAt: deadlineFor(input.track, at),
  };
  await writeOrders(actor, changes, at);
  await actor.db.topics.insert(topic);
  await actor.db.demands.bulkUpsert(joined);
  await audit(actor.db, actor.author, scope, 'topic.create', {
    collection: 'topics',
    id,
    detail: `${topic.title}（${demands.length} 件诉求${input.scope ? '，未诉先办' : ''}）`,
  });
  return topic;
}

async function saveWithDemands(actor: TopicActor, topic: TopicDoc, demandIds: string[], at: string) {
  const all = await demandsOf(actor.db, demandIds);
  await actor.db.topics.upsert({
    ...topic,
    demandIds,
    priority: topicPriority(all, at).score,
    ...updated(actor.author, at),
  });
}

export async function addToTopic(actor: TopicActor, topic: TopicDoc, demandIds: string[]): Promise<void> {
  const at = nowIso();
  const demands = (await demandsOf(actor.db, demandIds)).filter((d) => !topic.demandIds.includes(d.id));
  const joined = demands.map((d) => ({
    ...stepDemand(actor, d, joinEvents(d), { topicId: topic.id }, at),
    topicId: topic.id,
  }));
  await actor.db.demands.bulkUpsert(joined);
  await saveWithDemands(actor, topic, [...topic.demandIds, ...demands.map((d) => d.id)], at);
  await audit(actor.db, actor.author, topic.scope, 'topic.merge', {
    collection: 'topics',
    id: topic.id,
    detail: `并入 ${demands.length} 件诉求`,
  });
}

/**
 * Takes a demand out of a topic again. The demand machine has no event for this: it is a
 * correction of the grouping, not a step of the demand's handling, so the demand simply returns
 * to 已受理 without its topic.
 */
export async function splitFromTopic(actor: TopicActor, topic: TopicDoc, demandId: string): Promise<void> {
  const at = nowIso();
  const [demand] = await demandsOf(actor.db, [demandId]);
  if (demand && demand.topicId === topic.id && demand.status === 'inTopic') {
    const { topicId: _dropped, ...rest } = demand;
    await actor.db.demands.upsert({ ...rest, status: 'accepted', ...updated(actor.author, at) });
  }
  await saveWithDemands(
    actor,
    topic,
    topic.demandIds.filter((id) => id !== demandId),
    at,
  );
  await audit(actor.db, actor.author, topic.scope, 'topic.split', {
    collection: 'topics',
    id: topic.id,
    detail: `移出诉求 ${demandId}`,
  });
}

export async function moveTopic(actor: TopicActor, topics: TopicDoc[], id: string, direction: 'up' | 'down') {
  await writeOrders(actor, moveInOrder(topics, id, direction), nowIso());
}

export async function rerankByPriority(actor: TopicActor, topics: TopicDoc[]) {
  const at = nowIso();
  const fresh = await Promise.all(
    topics.map(async (t) => ({
      ...t,
      priority: topicPriority(await demandsOf(actor.db, t.demandIds), at).score,
    })),
  );
  const orders = ordersByPriority(fresh);
  await actor.db.topics.bulkUpsert(
    fresh.map((t) => ({ ...t, order: orders.get(t.id) as number, ...updated(actor.author, at) })),
  );
}

function topicStep(
  actor: TopicActor,
  topic: TopicDoc,
  event: 'escalate' | 'answer' | 'deepen',
  artefacts: Record<string, unknown>,
) {
  const result = transition(topicMachine, topic.status, event, {
    actor: { role: actor.role },
    artefacts,
    track: topic.track,
    level: topic.level,
  });
  if (!result.ok) throw new RefusedError(result.message);
  return result;
}

/** 上报: the topic here becomes 已上报; a copy at the next level carries on, keeping its origin. */
export async function escalate(actor: TopicActor, topic: TopicDoc, reason: string): Promise<TopicDoc> {
  const at = nowIso();
  const step = topicStep(actor, topic, 'escalate', { reason });
  const toLevel = nextLevel(topic.level);
  const toScope = toLevel ? scopeAtLevel(topic.scope, toLevel) : null;
  if (!toScope) throw new RefusedError('街道层级的议题不能再上报');
  const result = escalateTopic(topic, { at, by: actor.author.deviceId, reason: reason.trim(), toScope });
  if (!result.ok) throw new RefusedError(result.message);
  const id = newId('topic');
  const { conflicts: _c, quickAnswer: _q, answeredAt: _a, ...carried } = topic;
  const there = await topicsAt(actor.db, toScope);
  const copy: TopicDoc = {
    ...carried,
    ...created(actor.author, toScope, id, at),
    ...result.fields,
    order: there.length,
    meetingIds: [],
  };
  await actor.db.topics.upsert({
    ...applyEffects(topic, step.effects, at, actor.author.deviceId),
    status: step.state,
    ...updated(actor.author, at),
  });
  await actor.db.topics.insert(copy);
  // The demands follow the topic that is still being worked on.
  const demands = await demandsOf(actor.db, topic.demandIds);
  await actor.db.demands.bulkUpsert(
    demands.map((d) => ({ ...d, topicId: id, ...updated(actor.author, at) })),
  );
  await audit(actor.db, actor.author, toScope, 'topic.escalate', {
    collection: 'topics',
    id,
    detail: `${topic.scope} → ${toScope}：${reason.trim()}`,
  });
  return copy;
}

/** 即时议: the answer is recorded directly; the topic and each of its demands are answered. */
export async function answerQuick(actor: TopicActor, topic: TopicDoc, answer: string): Promise<void> {
  const at = nowIso();
  const text = answer.trim();
  const step = topicStep(actor, topic, 'answer', { answerText: text });
  const demands = await demandsOf(actor.db, topic.demandIds);
  const answered = demands.map((d) =>
    d.status === 'inTopic'
      ? { ...stepDemand(actor, d, ['answer'], { answerText: text }, at), answer: text }
      : d,
  );
  await actor.db.demands.bulkUpsert(answered);
  await actor.db.topics.upsert({
    ...applyEffects(topic, step.effects, at, actor.author.deviceId),
    status: step.state,
    quickAnswer: text,
    ...updated(actor.author, at),
  });
  await audit(actor.db, actor.author, topic.scope, 'topic.answer', {
    collection: 'topics',
    id: topic.id,
    detail: text.slice(0, 200),
  });
}

/** 即时议 → 深入议, with a new deadline for the meeting. */
export async function deepen(actor: TopicActor, topic: TopicDoc, reason: string): Promise<void> {
  const at = nowIso();
  const step = topicStep(actor, topic, 'deepen', { reason });
  const next = applyEffects(topic, step.effects, at, actor.author.deviceId);
  await actor.db.topics.upsert({
    ...next,
    status: step.state,
    deadlineAt: deadlineFor(next.track, at),
    ...updated(actor.author, at),
  });
  await audit(actor.db, actor.author, topic.scope, 'topic.deepen', {
    collection: 'topics',
    id: topic.id,
    detail: reason.trim(),
  });
}
