import {
  auditEntry,
  change,
  newBase,
  refuse,
  touched,
  type Change,
  type CommandContext,
  type Decided,
  type Refusal,
} from '#shared/domain/commands/index';
import { applyEffects } from '#shared/domain/handling/index';
import { deadlineFor, demandMachine, transition } from '#shared/domain/machines/index';
import { authorize, type Actor, type Authorization } from '#shared/domain/permissions/index';
import type { DemandCategory, DemandEvent, TopicTrack } from '#shared/domain/vocab';
import type { DemandDoc, TopicDoc } from '#shared/schema/index';
import { insertByPriority, topicHome } from './placement';
import { moveInOrder, ordersByPriority, topicPriority } from './priority';

// 集 → 议: demands grouped into topics (归并), taken out again (拆分), and the hand-made order of
// a place's topics. Every demand step goes through the demand machine, so the device refuses
// exactly what the hub would refuse, with the machine's own Chinese reason.

export interface NewTopic {
  readonly title: string;
  readonly description: string;
  readonly category: DemandCategory;
  readonly track: TopicTrack;
  readonly demandIds: readonly string[];
  /** Where a topic without demands belongs (未诉先办: acting before anyone complains). */
  readonly scope?: string;
}

/** May the actor change the topic (归并, 拆分, order, 即时议, 深入议)? */
export const mayUpdateTopic = (actor: Actor, topic: Pick<TopicDoc, 'scope'>): Authorization =>
  authorize(actor, 'topic.update', { scope: topic.scope, collection: 'topics' });

/** Where a new topic will live: the place its demands share, or the place chosen for 未诉先办. */
export function newTopicHome(input: Pick<NewTopic, 'scope'>, demands: readonly Pick<DemandDoc, 'scope'>[]) {
  if (demands.length === 0 && !input.scope) return undefined;
  return topicHome(demands.length > 0 ? demands.map((d) => d.scope) : [input.scope as string]);
}

/** Runs demand events in order through the demand machine, or says why one is refused. */
function stepDemand(
  demand: DemandDoc,
  events: readonly DemandEvent[],
  artefacts: Record<string, unknown>,
  ctx: CommandContext,
): DemandDoc | Refusal {
  let doc = demand;
  for (const event of events) {
    const result = transition(demandMachine, doc.status, event, {
      actor: { role: ctx.actor.role },
      artefacts,
    });
    if (!result.ok) return refuse(`诉求“${doc.title}”：${result.message}`);
    doc = { ...applyEffects(doc, result.effects, ctx.now, ctx.actor.id), status: result.state };
  }
  return { ...doc, ...touched(ctx) };
}

/** Each demand joins the topic (a demand still 待受理 is accepted on the way). */
export function joinDemands(
  demands: readonly DemandDoc[],
  topicId: string,
  ctx: CommandContext,
): DemandDoc[] | Refusal {
  const joined: DemandDoc[] = [];
  for (const demand of demands) {
    const events: DemandEvent[] = demand.status === 'received' ? ['accept', 'addToTopic'] : ['addToTopic'];
    const next = stepDemand(demand, events, { topicId }, ctx);
    if ('ok' in next) return next;
    joined.push({ ...next, topicId });
  }
  return joined;
}

const reordered = (topics: readonly TopicDoc[], orders: Map<string, number>, ctx: CommandContext) =>
  topics.flatMap((t) => {
    const order = orders.get(t.id);
    return order === undefined ? [] : [{ ...t, order, ...touched(ctx) }];
  });

/**
 * 归并: a new topic from the chosen demands. `siblings` are the topics already at the topic's
 * home (`newTopicHome`): the new one enters their order by its priority.
 */
export function createTopic(
  input: NewTopic,
  related: { readonly demands: readonly DemandDoc[]; readonly siblings: readonly TopicDoc[] },
  ctx: CommandContext,
): Decided<{ readonly change: Change; readonly topic: TopicDoc }> {
  const { demands } = related;
  const home = newTopicHome(input, demands);
  if (!home) return refuse('请至少选择一件诉求');
  const { scope, level } = home;
  const allowed = authorize(ctx.actor, 'topic.create', { scope, collection: 'topics' });
  if (!allowed.ok) return refuse(allowed.message);
  const base = newBase(ctx, 'topic', scope);
  const joined = joinDemands(demands, base.id, ctx);
  if ('ok' in joined) return joined;
  const priority = topicPriority(demands, ctx.now).score;
  const siblings = related.siblings.filter((t) => t.scope === scope);
  const { order, changes } = insertByPriority(siblings, priority);
  const topic: TopicDoc = {
    ...base,
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
    deadlineAt: deadlineFor(input.track, ctx.now),
  };
  return {
    ok: true,
    topic,
    change: change({
      insert: { topics: [topic] },
      update: { topics: reordered(siblings, changes, ctx), demands: joined },
      audit: [
        auditEntry(ctx, {
          scope,
          action: 'topic.create',
          collection: 'topics',
          id: topic.id,
          detail: `${topic.title}（${demands.length} 件诉求${input.scope ? '，未诉先办' : ''}）`,
        }),
      ],
    }),
  };
}

/** 并入: more demands join a topic; its priority is counted again over all of its demands. */
export function addToTopic(
  topic: TopicDoc,
  related: { readonly joining: readonly DemandDoc[]; readonly current: readonly DemandDoc[] },
  ctx: CommandContext,
): Decided<{ readonly change: Change }> {
  const allowed = mayUpdateTopic(ctx.actor, topic);
  if (!allowed.ok) return refuse(allowed.message);
  const joining = related.joining.filter((d) => !topic.demandIds.includes(d.id));
  const joined = joinDemands(joining, topic.id, ctx);
  if ('ok' in joined) return joined;
  const all = [...related.current.filter((d) => topic.demandIds.includes(d.id)), ...joined];
  const next: TopicDoc = {
    ...topic,
    demandIds: [...topic.demandIds, ...joining.map((d) => d.id)],
    priority: topicPriority(all, ctx.now).score,
    ...touched(ctx),
  };
  return {
    ok: true,
    change: change({
      update: { demands: joined, topics: [next] },
      audit: [
        auditEntry(ctx, {
          scope: topic.scope,
          action: 'topic.merge',
          collection: 'topics',
          id: topic.id,
          detail: `并入 ${joining.length} 件诉求`,
        }),
      ],
    }),
  };
}

/**
 * 拆分: a demand leaves the topic again. The demand machine has no event for this: it is a
 * correction of the grouping, not a step of the demand's handling, so the demand simply returns
 * to 已受理 without its topic. `remaining` are the topic's other demands (for its priority).
 */
export function splitFromTopic(
  topic: TopicDoc,
  demandId: string,
  related: { readonly demand?: DemandDoc; readonly remaining: readonly DemandDoc[] },
  ctx: CommandContext,
): Decided<{ readonly change: Change }> {
  const allowed = mayUpdateTopic(ctx.actor, topic);
  if (!allowed.ok) return refuse(allowed.message);
  const { demand } = related;
  const released: DemandDoc[] = [];
  if (demand && demand.topicId === topic.id && demand.status === 'inTopic') {
    const { topicId: _dropped, ...rest } = demand;
    released.push({ ...rest, status: 'accepted', ...touched(ctx) });
  }
  const demandIds = topic.demandIds.filter((id) => id !== demandId);
  const remaining = related.remaining.filter((d) => demandIds.includes(d.id));
  const next: TopicDoc = {
    ...topic,
    demandIds,
    priority: topicPriority(remaining, ctx.now).score,
    ...touched(ctx),
  };
  return {
    ok: true,
    change: change({
      update: { demands: released, topics: [next] },
      audit: [
        auditEntry(ctx, {
          scope: topic.scope,
          action: 'topic.split',
          collection: 'topics',
          id: topic.id,
          detail: `移出诉求 ${demandId}`,
        }),
      ],
    }),
  };
}

/** 上移/下移 in the hand-made order of a place's topics. */
export function moveTopic(
  topics: readonly TopicDoc[],
  id: string,
  direction: 'up' | 'down',
  ctx: CommandContext,
): Decided<{ readonly change: Change }> {
  const moved = topics.find((t) => t.id === id);
  if (!moved) return { ok: true, change: change({}) };
  const allowed = mayUpdateTopic(ctx.actor, moved);
  if (!allowed.ok) return refuse(allowed.message);
  return {
    ok: true,
    change: change({ update: { topics: reordered(topics, moveInOrder(topics, id, direction), ctx) } }),
  };
}

/** 按优先级重排: every topic's priority counted again from its demands, and the order by it. */
export function rerankByPriority(
  topics: readonly TopicDoc[],
  demandsOf: (topic: TopicDoc) => readonly DemandDoc[],
  ctx: CommandContext,
): Decided<{ readonly change: Change }> {
  for (const topic of topics) {
    const allowed = mayUpdateTopic(ctx.actor, topic);
    if (!allowed.ok) return refuse(allowed.message);
  }
  const fresh = topics.map((t) => ({ ...t, priority: topicPriority(demandsOf(t), ctx.now).score }));
  const orders = ordersByPriority(fresh);
  return {
    ok: true,
    change: change({
      update: { topics: fresh.map((t) => ({ ...t, order: orders.get(t.id) as number, ...touched(ctx) })) },
    }),
  };
}
