import {
  evaluationMachine,
  evaluationStateOf,
  transition,
  type Artefacts,
} from '#shared/domain/machines/index';
import type { EvaluationEvent } from '#shared/domain/vocab';
import type { FollowUpDoc, TaskDoc } from '#shared/schema/index';
import {
  auditEntry,
  change,
  newBase,
  refuse,
  type Change,
  type CommandContext,
  type Refusal,
} from '#shared/domain/commands/index';

// What every step of a task builds on: its result type, the follow-up that records it, the
// evaluation machine's say on whether it may be recorded now, and the step's Change.

export interface TaskStep {
  readonly ok: true;
  /** The task after the step (unchanged for a progress note). */
  readonly task: TaskDoc;
  readonly change: Change;
}

export type TaskStepResult = TaskStep | Refusal;

export function taskFollowUp(
  task: Pick<TaskDoc, 'id' | 'scope'>,
  fields: Pick<FollowUpDoc, 'kind' | 'note'> &
    Partial<Pick<FollowUpDoc, 'outcome' | 'toLevel' | 'photoCount'>>,
  ctx: CommandContext,
): FollowUpDoc {
  return {
    ...newBase(ctx, 'followup', task.scope),
    subjectCollection: 'tasks',
    subjectId: task.id,
    at: ctx.now,
    by: ctx.actor.id,
    ...fields,
  };
}

/** The follow-up may be written where the task stands (checked by the evaluation machine). */
export function evaluationAllows(
  task: TaskDoc,
  event: EvaluationEvent,
  artefacts: Artefacts,
  ctx: CommandContext,
) {
  const stage = evaluationStateOf('tasks', task.status);
  if (stage === undefined) return refuse('该任务现在不能记录跟进');
  const step = transition(evaluationMachine, stage, event, { actor: { role: ctx.actor.role }, artefacts });
  return step.ok ? undefined : refuse(step.message);
}

/** The step's Change: the task replaced (when it changed), the follow-ups added, one audit entry. */
export function stepOf(
  ctx: CommandContext,
  task: TaskDoc,
  changed: boolean,
  followUps: readonly FollowUpDoc[],
  action: string,
  detail: string,
): TaskStep {
  return {
    ok: true,
    task,
    change: change({
      ...(changed ? { update: { tasks: [task] } } : {}),
      insert: followUps.length ? { followUps } : {},
      audit: [
        auditEntry(ctx, {
          scope: task.scope,
          action,
          collection: 'tasks',
          id: task.id,
          detail: `${task.title}：${detail}`,
        }),
      ],
    }),
  };
}
