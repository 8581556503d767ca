import { addHours } from '#shared/domain/calendar/index';
import {
  auditEntry,
  change,
  refuse,
  type Change,
  type CommandContext,
  type Decided,
} from '#shared/domain/commands/index';
import { authorize, type Actor, type Authorization } from '#shared/domain/permissions/index';
import type { TaskClassification } from '#shared/domain/vocab';
import type { DemandDoc, TaskDoc, TopicDoc } from '#shared/schema/index';
import { CLASSIFICATION_LABELS, handlingScope } from './levels';
import { startHandling, tasksFromSource, type HandlingSource, type TaskPlan } from './tasks-from-decision';

// 转为办理任务: the tasks for a decision or a quick answer, what that does to the topic and its
// demands (结果办理, 办理中), and one audit entry for each, as one Change.

/** May the actor hand this source out at this classification (the tasks' scope follows from it)? */
export function mayAssign(
  actor: Actor,
  source: Pick<HandlingSource, 'scope'>,
  classification: TaskClassification,
): Authorization {
  return authorize(actor, 'task.assign', {
    scope: handlingScope(source.scope, classification),
    collection: 'tasks',
  });
}

/** `YYYY-MM-DD HH:mm` in Beijing time, as the due date reads on paper. */
const beijingMinute = (iso: string) => addHours(iso, 8).slice(0, 16).replace('T', ' ');

export function assignTasks(
  source: HandlingSource,
  plan: TaskPlan,
  related: { readonly topic?: TopicDoc; readonly demands: readonly DemandDoc[] },
  ctx: CommandContext,
): Decided<{ readonly change: Change; readonly tasks: readonly TaskDoc[] }> {
  const allowed = mayAssign(ctx.actor, source, plan.classification ?? source.suggested);
  if (!allowed.ok) return refuse(allowed.message);
  const result = tasksFromSource(source, plan, ctx);
  if (!result.ok) return result;
  const { tasks } = result;
  const handled = startHandling(tasks, related, ctx);
  const audit = [
    ...tasks.map((task) =>
      auditEntry(ctx, {
        scope: task.scope,
        action: 'task.assign',
        collection: 'tasks',
        id: task.id,
        detail: `${task.title}（${CLASSIFICATION_LABELS[task.classification]}，期限 ${beijingMinute(task.dueAt)}）`,
      }),
    ),
    ...handled.demands.map((demand) =>
      auditEntry(ctx, {
        scope: demand.scope,
        action: 'demand.startHandling',
        collection: 'demands',
        id: demand.id,
        detail: `${demand.title}：转办理（${tasks.length} 项任务）`,
      }),
    ),
    ...(handled.topic
      ? [
          auditEntry(ctx, {
            scope: handled.topic.scope,
            action: 'topic.startHandling',
            collection: 'topics',
            id: handled.topic.id,
            detail: `${handled.topic.title}：交办 ${tasks.length} 项任务`,
          }),
        ]
      : []),
  ];
  return {
    ok: true,
    tasks,
    change: change({
      insert: { tasks },
      update: {
        ...(handled.demands.length ? { demands: handled.demands } : {}),
        ...(handled.topic ? { topics: [handled.topic] } : {}),
      },
      audit,
    }),
  };
}
