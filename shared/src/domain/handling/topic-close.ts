import { topicMachine, transition } from '#shared/domain/machines/index';
import type { TaskDoc, TopicDoc } from '#shared/schema/index';
import { auditEntry, change, touched, type Change, type CommandContext } from '#shared/domain/commands/index';
import { applyEffects } from './effects';
import { unsettledTasks } from './reassign';

// A topic in 结果办理 closes by itself once its minutes are approved and none of its tasks owes
// work any more: every share accepted (or closed after a call-back), handed on to a successor
// that is itself settled, or the decision formally withdrawn.

export interface TopicClosing {
  readonly topic: TopicDoc;
  readonly change: Change;
}

/** The closed topic, or undefined while work is open (or the topic is not in 结果办理). */
export function closeSettledTopic(
  topic: TopicDoc,
  tasks: readonly Pick<TaskDoc, 'topicId' | 'status'>[],
  minutes: { readonly minutesApprovedAt?: string } | undefined,
  ctx: CommandContext,
): TopicClosing | undefined {
  if (topic.status !== 'handling') return undefined;
  const own = tasks.filter((t) => t.topicId === topic.id);
  if (own.length === 0) return undefined;
  const step = transition(topicMachine, topic.status, 'close', {
    actor: { role: ctx.actor.role },
    track: topic.track,
    level: topic.level,
    openTasks: unsettledTasks(own).length,
    artefacts: { approvedMinutes: minutes ?? {} },
  });
  if (!step.ok) return undefined;
  const closed: TopicDoc = {
    ...applyEffects(topic, step.effects, ctx.now, ctx.actor.id),
    status: step.state,
    ...touched(ctx),
  };
  return {
    topic: closed,
    change: change({
      update: { topics: [closed] },
      audit: [
        auditEntry(ctx, {
          scope: topic.scope,
          action: 'topic.close',
          collection: 'topics',
          id: topic.id,
          detail: `${topic.title}：全部任务已验收或撤回，议题办结`,
        }),
      ],
    }),
  };
}
