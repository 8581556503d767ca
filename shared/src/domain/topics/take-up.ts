import {
  auditEntry,
  change,
  refuse,
  touched,
  type Change,
  type CommandContext,
  type Decided,
} from '#shared/domain/commands/index';
import { takeUpEscalation } from '#shared/domain/machines/index';
import type { TopicDoc } from '#shared/schema/index';
import { mayUpdateTopic } from './grouping';

/**
 * 受理上报: the level a topic was escalated to takes it up; until then it reads 已上报 there, and
 * the escalation keeps the deadline the topic had below.
 */
export function takeUp(topic: TopicDoc, ctx: CommandContext): Decided<{ readonly change: Change }> {
  const allowed = mayUpdateTopic(ctx.actor, topic);
  if (!allowed.ok) return refuse(allowed.message);
  const result = takeUpEscalation(topic, { at: ctx.now, by: ctx.actor.id, actorScope: ctx.actor.scope });
  if (!result.ok) return refuse(result.message);
  return {
    ok: true,
    change: change({
      update: { topics: [{ ...topic, escalations: result.escalations, ...touched(ctx) }] },
      audit: [
        auditEntry(ctx, { scope: topic.scope, action: 'topic.takeUp', collection: 'topics', id: topic.id }),
      ],
    }),
  };
}
