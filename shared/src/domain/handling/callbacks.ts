import {
  demandMachine,
  evaluationEventOf,
  evaluationMachine,
  evaluationStateOf,
  SETTLED_TASK_STATES,
  taskMachine,
  transition,
} from '#shared/domain/machines/index';
import type { CallbackOutcome, TaskState } from '#shared/domain/vocab';
import type { DemandDoc, FollowUpDoc, TaskDoc } from '#shared/schema/index';
import {
  auditEntry,
  change,
  newBase,
  refuse,
  touched,
  type Change,
  type CommandContext,
  type Refusal,
} from '#shared/domain/commands/index';
import { applyEffects } from './effects';
import { mayRecordCallback } from './may';

// 评: a demand is resolved once every task handling it passed acceptance; the resident is then
// called back (回访). 满意/基本满意 closes the demand and the tasks that only waited for it;
// 不满意 reopens the demand and every task handling it.

const SETTLED_TASK: readonly TaskState[] = ['accepted', 'closed'];

/**
 * Demands that the tasks now settle: no task handling them owes work any more (accepted, closed,
 * handed on by 转交 to a task that is itself settled, or withdrawn) and at least one was done and
 * accepted. A 转交 leaves the old task behind as 已转交; it must not hold the residents' demands
 * open for ever.
 */
export function demandsResolved(
  tasks: readonly TaskDoc[],
  demands: readonly DemandDoc[],
  note: string,
  ctx: CommandContext,
): DemandDoc[] {
  return demands.flatMap((demand) => {
    const handling = tasks.filter((t) => t.demandIds.includes(demand.id));
    if (!handling.every((t) => SETTLED_TASK_STATES.includes(t.status))) return [];
    if (!handling.some((t) => SETTLED_TASK.includes(t.status))) return [];
    const step = transition(demandMachine, demand.status, 'resolve', {
      actor: { role: ctx.actor.role },
      artefacts: { completionNote: note },
    });
    if (!step.ok) return [];
    return [
      { ...applyEffects(demand, step.effects, ctx.now, ctx.actor.id), status: step.state, ...touched(ctx) },
    ];
  });
}

export interface CallbackResult {
  readonly ok: true;
  /** The call-back follow-up, the demand and the tasks it closes or reopens, with their audit. */
  readonly change: Change;
}

const OUTCOME_LABELS: Readonly<Record<CallbackOutcome, string>> = {
  satisfied: '满意',
  basicallySatisfied: '基本满意',
  unsatisfied: '不满意',
};

/**
 * Records a call-back and what follows from it. `tasks` are the tasks handling the demand; with
 * 满意, a task closes once all of its demands are closed (`otherDemands` gives their states).
 */
export function recordCallback(
  demand: DemandDoc,
  input: { readonly outcome: CallbackOutcome; readonly note: string },
  related: { readonly tasks: readonly TaskDoc[]; readonly otherDemands?: readonly DemandDoc[] },
  ctx: CommandContext,
): CallbackResult | Refusal {
  const auth = mayRecordCallback(ctx.actor, demand);
  if (!auth.ok) return refuse(auth.message);
  const note = input.note.trim();
  const stage = evaluationStateOf('demands', demand.status);
  if (stage === undefined || !demand.reasonable) return refuse('该诉求不在回访范围内');
  const followUp: FollowUpDoc = {
    ...newBase(ctx, 'followup', demand.scope),
    kind: 'callback',
    subjectCollection: 'demands',
    subjectId: demand.id,
    demandId: demand.id,
    at: ctx.now,
    by: ctx.actor.id,
    note: note || `回访：${OUTCOME_LABELS[input.outcome]}`,
    outcome: input.outcome,
  };
  const event = evaluationEventOf(followUp);
  if (event === undefined) return refuse('未知的回访结果');
  const allowed = transition(evaluationMachine, stage, event, {
    actor: { role: ctx.actor.role },
    artefacts: { reason: note },
  });
  if (!allowed.ok) return refuse(allowed.message);
  const actor = { role: ctx.actor.role };
  const unsatisfied = input.outcome === 'unsatisfied';
  const demandStep = transition(demandMachine, demand.status, unsatisfied ? 'reopen' : 'close', {
    actor,
    artefacts: unsatisfied ? { unsatisfiedCallback: followUp } : { satisfiedCallback: followUp },
  });
  if (!demandStep.ok) return refuse(demandStep.message);
  const nextDemand: DemandDoc = {
    ...applyEffects(demand, demandStep.effects, ctx.now, ctx.actor.id),
    status: demandStep.state,
    ...touched(ctx),
  };
  const closedIds = new Set(
    [...(related.otherDemands ?? []), nextDemand].filter((d) => d.status === 'closed').map((d) => d.id),
  );
  const tasks = related.tasks.flatMap((task) => {
    if (!task.demandIds.includes(demand.id)) return [];
    if (!unsatisfied && !task.demandIds.every((id) => closedIds.has(id))) return [];
    const step = transition(taskMachine, task.status, unsatisfied ? 'reopen' : 'close', {
      actor,
      escalationLevel: task.escalationLevel,
      artefacts: unsatisfied ? { unsatisfiedCallback: followUp } : { callbackRecord: followUp },
    });
    if (!step.ok) return [];
    return [
      { ...applyEffects(task, step.effects, ctx.now, ctx.actor.id), status: step.state, ...touched(ctx) },
    ];
  });
  const label = OUTCOME_LABELS[input.outcome];
  const audit = [
    auditEntry(ctx, {
      scope: demand.scope,
      action: 'callback.record',
      collection: 'followUps',
      id: followUp.id,
      detail: `${demand.title}：${label}${note ? `（${note}）` : ''}`,
    }),
    ...tasks.map((t) =>
      auditEntry(ctx, {
        scope: t.scope,
        action: unsatisfied ? 'task.reopen' : 'task.close',
        collection: 'tasks',
        id: t.id,
        detail: `${t.title}：回访${label}`,
      }),
    ),
  ];
  return {
    ok: true,
    change: change({
      insert: { followUps: [followUp] },
      update: { demands: [nextDemand], ...(tasks.length ? { tasks } : {}) },
      audit,
    }),
  };
}
