// Writing topics: the shared topic commands decide (through the state machines, so the device
// refuses exactly what the hub would refuse); this reads what they need and commits their Change.
import type { Outcome } from '#shared/domain/commands/index';
import * as topics from '#shared/domain/topics/index';
import type { DemandDoc, TopicDoc } from '#shared/schema/index';
import { commit, commitDecided } from '../../db/commit';
import { commandContext } from '../../db/command-context';
import type { YishiDatabase } from '../../db/create-database';
import type { DeviceSettings } from '../../db/settings';

export type { NewTopic } from '#shared/domain/topics/index';

export interface TopicActor {
  db: YishiDatabase;
  settings: Pick<DeviceSettings, 'deviceId' | 'role' | 'homeScope'>;
}

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

/** The new topic, or why it was refused (or could not be saved). */
export async function createTopic(
  actor: TopicActor,
  input: topics.NewTopic,
): Promise<{ ok: true; topic: TopicDoc } | { ok: false; message: string }> {
  const demands = await demandsOf(actor.db, input.demandIds);
  const home = topics.newTopicHome(input, demands);
  const siblings = home ? await topicsAt(actor.db, home.scope) : [];
  const decided = topics.createTopic(input, { demands, siblings }, commandContext(actor.settings));
  if (!decided.ok) return decided;
  const written = await commit(actor.db, decided.change);
  return written.ok ? { ok: true, topic: decided.topic } : written;
}

export async function addToTopic(actor: TopicActor, topic: TopicDoc, demandIds: string[]): Promise<Outcome> {
  const joining = await demandsOf(actor.db, demandIds);
  const current = await demandsOf(actor.db, topic.demandIds);
  return commitDecided(
    actor.db,
    topics.addToTopic(topic, { joining, current }, commandContext(actor.settings)),
  );
}

export async function splitFromTopic(actor: TopicActor, topic: TopicDoc, demandId: string): Promise<Outcome> {
  const [demand] = await demandsOf(actor.db, [demandId]);
  const remaining = await demandsOf(
    actor.db,
    topic.demandIds.filter((id) => id !== demandId),
  );
  return commitDecided(
    actor.db,
    topics.splitFromTopic(
      topic,
      demandId,
      { ...(demand ? { demand } : {}), remaining },
      commandContext(actor.settings),
    ),
  );
}

export async function moveTopic(
  actor: TopicActor,
  list: TopicDoc[],
  id: string,
  direction: 'up' | 'down',
): Promise<Outcome> {
  return commitDecided(actor.db, topics.moveTopic(list, id, direction, commandContext(actor.settings)));
}

export async function rerankByPriority(actor: TopicActor, list: TopicDoc[]): Promise<Outcome> {
  const demands = new Map(
    (
      await demandsOf(
        actor.db,
        list.flatMap((t) => t.demandIds),
      )
    ).map((d) => [d.id, d]),
  );
  const of = (t: TopicDoc) => t.demandIds.flatMap((id) => demands.get(id) ?? []);
  return commitDecided(actor.db, topics.rerankByPriority(list, of, commandContext(actor.settings)));
}

/** The copy at the next level, or why it was refused (or could not be saved). */
export async function escalate(
  actor: TopicActor,
  topic: TopicDoc,
  reason: string,
): Promise<{ ok: true; copy: TopicDoc } | { ok: false; message: string }> {
  const toScope = topics.escalationScope(topic);
  const there = toScope ? await topicsAt(actor.db, toScope) : [];
  const demands = await demandsOf(actor.db, topic.demandIds);
  const decided = topics.escalate(topic, reason, { there, demands }, commandContext(actor.settings));
  if (!decided.ok) return decided;
  const written = await commit(actor.db, decided.change);
  return written.ok ? { ok: true, copy: decided.copy } : written;
}

export async function answerQuick(actor: TopicActor, topic: TopicDoc, answer: string): Promise<Outcome> {
  const demands = await demandsOf(actor.db, topic.demandIds);
  return commitDecided(
    actor.db,
    topics.answerQuick(topic, answer, { demands }, commandContext(actor.settings)),
  );
}

export async function deepen(actor: TopicActor, topic: TopicDoc, reason: string): Promise<Outcome> {
  return commitDecided(actor.db, topics.deepen(topic, reason, commandContext(actor.settings)));
}

export async function takeUp(actor: TopicActor, topic: TopicDoc): Promise<Outcome> {
  return commitDecided(actor.db, topics.takeUp(topic, commandContext(actor.settings)));
}
