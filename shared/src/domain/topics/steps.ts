import {
  auditEntry,
  change,
  newBase,
  refuse,
  touched,
  type Change,
  type CommandContext,
  type Decided,
} from '#shared/domain/commands/index';
import { applyEffects } from '#shared/domain/handling/index';
import {
  deadlineFor,
  demandMachine,
  escalateTopic,
  nextLevel,
  topicMachine,
  transition,
} from '#shared/domain/machines/index';
import { authorize, type Actor, type Authorization } from '#shared/domain/permissions/index';
import { levelOf, scopeAtLevel } from '#shared/domain/places/index';
import { LEVEL_WORDS } from '#shared/domain/archive/labels';
import type { DemandDoc, TopicDoc } from '#shared/schema/index';
import { mayUpdateTopic } from './grouping';

// The steps of a topic before the meeting: 上报 to the next level, 即时议 (answered at once) and
// 即时议 → 深入议. Each goes through the topic machine.

function topicStep(
  topic: TopicDoc,
  event: 'escalate' | 'answer' | 'deepen',
  artefacts: Record<string, unknown>,
  ctx: CommandContext,
) {
  return transition(topicMachine, topic.status, event, {
    actor: { role: ctx.actor.role },
    artefacts,
    track: topic.track,
    level: topic.level,
  });
}

export const mayEscalateTopic = (actor: Actor, topic: Pick<TopicDoc, 'scope'>): Authorization =>
  authorize(actor, 'topic.escalate', { scope: topic.scope, collection: 'topics' });

/** The place a topic goes to when it is escalated (undefined at the street: nowhere higher). */
export function escalationScope(topic: Pick<TopicDoc, 'scope' | 'level'>): string | undefined {
  const toLevel = nextLevel(topic.level);
  return (toLevel ? scopeAtLevel(topic.scope, toLevel) : null) ?? undefined;
}

/**
 * 上报: the topic here becomes 已上报; a copy at the next level carries on, keeping its origin,
 * at the end of the order there (`there`: the topics at `escalationScope`). The demands follow
 * the copy, the topic that is still being worked on.
 */
export function escalate(
  topic: TopicDoc,
  reason: string,
  related: { readonly there: readonly TopicDoc[]; readonly demands: readonly DemandDoc[] },
  ctx: CommandContext,
): Decided<{ readonly change: Change; readonly copy: TopicDoc }> {
  const allowed = mayEscalateTopic(ctx.actor, topic);
  if (!allowed.ok) return refuse(allowed.message);
  const step = topicStep(topic, 'escalate', { reason }, ctx);
  if (!step.ok) return refuse(step.message);
  const toScope = escalationScope(topic);
  if (!toScope) return refuse('街道层级的议题不能再上报');
  const result = escalateTopic(topic, { at: ctx.now, by: ctx.actor.id, reason: reason.trim(), toScope });
  if (!result.ok) return refuse(result.message);
  const { conflicts: _c, quickAnswer: _q, answeredAt: _a, ...carried } = topic;
  const copy: TopicDoc = {
    ...carried,
    ...newBase(ctx, 'topic', toScope),
    ...result.fields,
    order: related.there.filter((t) => t.scope === toScope).length,
    meetingIds: [],
  };
  const here: TopicDoc = {
    ...applyEffects(topic, step.effects, ctx.now, ctx.actor.id),
    status: step.state,
    ...touched(ctx),
  };
  const demands = related.demands
    .filter((d) => topic.demandIds.includes(d.id))
    .map((d) => ({ ...d, topicId: copy.id, ...touched(ctx) }));
  return {
    ok: true,
    copy,
    change: change({
      insert: { topics: [copy] },
      update: { topics: [here], demands },
      audit: [
        auditEntry(ctx, {
          scope: toScope,
          action: 'topic.escalate',
          collection: 'topics',
          id: copy.id,
          // Words people read in the audit trail, never scope codes.
          detail: `从${LEVEL_WORDS[levelOf(topic.scope)]}上报到${LEVEL_WORDS[levelOf(toScope)]}：${reason.trim()}`,
        }),
      ],
    }),
  };
}

/** 即时议: the answer is recorded directly; the topic and each of its waiting demands are answered. */
export function answerQuick(
  topic: TopicDoc,
  answer: string,
  related: { readonly demands: readonly DemandDoc[] },
  ctx: CommandContext,
): Decided<{ readonly change: Change }> {
  const allowed = mayUpdateTopic(ctx.actor, topic);
  if (!allowed.ok) return refuse(allowed.message);
  const text = answer.trim();
  const step = topicStep(topic, 'answer', { answerText: text }, ctx);
  if (!step.ok) return refuse(step.message);
  const answered: DemandDoc[] = [];
  for (const demand of related.demands.filter((d) => topic.demandIds.includes(d.id))) {
    if (demand.status !== 'inTopic') continue;
    const result = transition(demandMachine, demand.status, 'answer', {
      actor: { role: ctx.actor.role },
      artefacts: { answerText: text },
    });
    if (!result.ok) return refuse(`诉求“${demand.title}”：${result.message}`);
    answered.push({
      ...applyEffects(demand, result.effects, ctx.now, ctx.actor.id),
      status: result.state,
      answer: text,
      ...touched(ctx),
    });
  }
  return {
    ok: true,
    change: change({
      update: {
        demands: answered,
        topics: [
          {
            ...applyEffects(topic, step.effects, ctx.now, ctx.actor.id),
            status: step.state,
            quickAnswer: text,
            ...touched(ctx),
          },
        ],
      },
      audit: [
        auditEntry(ctx, {
          scope: topic.scope,
          action: 'topic.answer',
          collection: 'topics',
          id: topic.id,
          detail: text.slice(0, 200),
        }),
      ],
    }),
  };
}

/** 即时议 → 深入议, with a new deadline for the meeting. */
export function deepen(
  topic: TopicDoc,
  reason: string,
  ctx: CommandContext,
): Decided<{ readonly change: Change }> {
  const allowed = mayUpdateTopic(ctx.actor, topic);
  if (!allowed.ok) return refuse(allowed.message);
  const step = topicStep(topic, 'deepen', { reason }, ctx);
  if (!step.ok) return refuse(step.message);
  const next = applyEffects(topic, step.effects, ctx.now, ctx.actor.id);
  return {
    ok: true,
    change: change({
      update: {
        topics: [
          { ...next, status: step.state, deadlineAt: deadlineFor(next.track, ctx.now), ...touched(ctx) },
        ],
      },
      audit: [
        auditEntry(ctx, {
          scope: topic.scope,
          action: 'topic.deepen',
          collection: 'topics',
          id: topic.id,
          detail: reason.trim(),
        }),
      ],
    }),
  };
}
