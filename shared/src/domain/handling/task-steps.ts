import {
  applyPartyEvent,
  taskMachine,
  transition,
  type Artefacts,
  type TaskParty as MachineParty,
} from '#shared/domain/machines/index';
import type { PartyEvent } from '#shared/domain/vocab';
import type { DemandDoc, FollowUpDoc, TaskDoc, TaskParty } from '#shared/schema/index';
import {
  auditEntry,
  change,
  combine,
  refuse,
  touched,
  type CommandContext,
} from '#shared/domain/commands/index';
import { evaluationAllows, stepOf, taskFollowUp, type TaskStepResult } from './task-step-base';
import { applyEffects } from './effects';
import { supervisingLevel } from './levels';
import { demandsResolved } from './callbacks';
import { mayNoteProgress, mayUpdateTask } from './may';

// The steps of a task after it was handed out. Each returns the Change to commit: the changed
// task, the append-only follow-ups that record the step (进展, 督办, 验收) and an audit entry.

const PARTY_LABELS: Readonly<Record<PartyEvent, string>> = {
  accept: '接单',
  decline: '退回(不属于职责)',
  redirect: '转交',
  finish: '办结',
  reassign: '重新交办',
};

/**
 * A responsible party accepts, declines or redirects (with a reason) or finishes (with what was
 * done). The party's step is recorded as a progress note too, so the task's history reads in order.
 */
export function partyStep(
  task: TaskDoc,
  partyId: string,
  event: PartyEvent,
  input: {
    readonly reason?: string;
    readonly redirectedTo?: string;
    readonly note?: string;
    readonly photoCount?: number;
  },
  ctx: CommandContext,
): TaskStepResult {
  const auth = mayUpdateTask(ctx.actor, task);
  if (!auth.ok) return refuse(auth.message);
  const party = task.parties.find((p) => p.partyId === partyId);
  if (!party) return refuse('任务没有这个责任方');
  const step = applyPartyEvent(
    task as { status: TaskDoc['status']; parties: MachineParty[] },
    partyId,
    event,
    {
      actor: { role: ctx.actor.role },
      at: ctx.now,
      artefacts: {
        ...(input.reason?.trim() ? { reason: input.reason.trim() } : {}),
        ...(input.redirectedTo?.trim() ? { redirectedTo: input.redirectedTo.trim() } : {}),
        ...(input.note?.trim() ? { completionNote: input.note.trim() } : {}),
      },
    },
  );
  if (!step.ok) return refuse(step.message);
  const next: TaskDoc = {
    ...applyEffects(task, step.effects, ctx.now, ctx.actor.id),
    parties: step.parties as TaskParty[],
    status: step.status,
    ...touched(ctx),
  };
  const said = [input.reason, input.redirectedTo && `转交${input.redirectedTo}`, input.note]
    .map((s) => s?.trim())
    .filter(Boolean)
    .join('；');
  const note = `${party.name}${PARTY_LABELS[event]}${said ? `：${said}` : ''}`;
  const followUp = taskFollowUp(
    next,
    {
      kind: 'progress',
      note,
      ...(input.photoCount !== undefined && input.photoCount > 0 ? { photoCount: input.photoCount } : {}),
    },
    ctx,
  );
  return stepOf(ctx, next, true, [followUp], `task.party.${event}`, note);
}

/** A progress note (进展) with the number of photos taken on site. */
export function reportProgress(
  task: TaskDoc,
  input: { readonly note: string; readonly photoCount?: number },
  ctx: CommandContext,
): TaskStepResult {
  const auth = mayNoteProgress(ctx.actor, task);
  if (!auth.ok) return refuse(auth.message);
  const note = input.note.trim();
  const refusal = evaluationAllows(task, 'progress', { note }, ctx);
  if (refusal) return refusal;
  const photoCount = input.photoCount ?? 0;
  if (!Number.isInteger(photoCount) || photoCount < 0) return refuse('照片数量应为非负整数');
  const followUp = taskFollowUp(
    task,
    { kind: 'progress', note, ...(photoCount > 0 ? { photoCount } : {}) },
    ctx,
  );
  return stepOf(ctx, task, false, [followUp], 'task.progress', note);
}

/**
 * 督办: the next level takes over supervision (社区督办, then 街道督办), recorded as an escalation
 * follow-up naming that level; the task's own handling level stays.
 */
export function escalateTask(
  task: TaskDoc,
  input: { readonly reason: string },
  ctx: CommandContext,
): TaskStepResult {
  const auth = mayUpdateTask(ctx.actor, task);
  if (!auth.ok) return refuse(auth.message);
  const reason = input.reason.trim();
  const refusal = evaluationAllows(task, 'escalation', { reason }, ctx);
  if (refusal) return refusal;
  const step = transition(taskMachine, task.status, 'supervise', {
    actor: { role: ctx.actor.role },
    escalationLevel: task.escalationLevel,
    artefacts: { reason },
  });
  if (!step.ok) return refuse(step.message);
  const next: TaskDoc = {
    ...applyEffects(task, step.effects, ctx.now, ctx.actor.id),
    status: step.state,
    ...touched(ctx),
  };
  const toLevel = supervisingLevel(task.level, next.escalationLevel);
  const followUp = taskFollowUp(next, { kind: 'escalation', note: reason, toLevel }, ctx);
  return stepOf(ctx, next, true, [followUp], 'task.escalate', reason);
}

/**
 * 验收: passed accepts the task; failed sends it back to every party (重新办理) with the reason.
 * A passed acceptance needs a note of what was checked. `related` are the other tasks handling
 * the task's demands and those demands: a demand whose tasks are all settled now is resolved.
 */
export function inspectTask(
  task: TaskDoc,
  input: { readonly outcome: 'passed' | 'failed'; readonly note: string; readonly photoCount?: number },
  ctx: CommandContext,
  related: { readonly tasks: readonly TaskDoc[]; readonly demands: readonly DemandDoc[] } = {
    tasks: [],
    demands: [],
  },
): TaskStepResult {
  const auth = mayUpdateTask(ctx.actor, task);
  if (!auth.ok) return refuse(auth.message);
  const note = input.note.trim();
  const passed = input.outcome === 'passed';
  const refusal = evaluationAllows(
    task,
    passed ? 'acceptancePassed' : 'acceptanceFailed',
    { note, reason: note },
    ctx,
  );
  if (refusal) return refusal;
  const followUp = taskFollowUp(
    task,
    {
      kind: 'acceptance',
      note,
      outcome: input.outcome,
      ...(input.photoCount !== undefined && input.photoCount > 0 ? { photoCount: input.photoCount } : {}),
    },
    ctx,
  );
  const step = passed
    ? transition(taskMachine, task.status, 'passAcceptance', {
        actor: { role: ctx.actor.role },
        escalationLevel: task.escalationLevel,
        artefacts: { acceptanceRecord: followUp },
      })
    : transition(taskMachine, task.status, 'reopen', {
        actor: { role: ctx.actor.role },
        escalationLevel: task.escalationLevel,
        artefacts: { reason: note },
      });
  if (!step.ok) return refuse(step.message);
  const next: TaskDoc = {
    ...applyEffects(task, step.effects, ctx.now, ctx.actor.id),
    status: step.state,
    ...touched(ctx),
  };
  const inspected = stepOf(
    ctx,
    next,
    true,
    [followUp],
    passed ? 'task.accept' : 'task.acceptanceFailed',
    note,
  );
  const demands = passed ? demandsResolved([next, ...related.tasks], related.demands, note, ctx) : [];
  if (demands.length === 0) return inspected;
  const resolved = change({
    update: { demands },
    audit: demands.map((d) =>
      auditEntry(ctx, {
        scope: d.scope,
        action: 'demand.resolve',
        collection: 'demands',
        id: d.id,
        detail: `${d.title}：责任方办结并验收合格`,
      }),
    ),
  });
  return { ...inspected, change: combine(inspected.change, resolved) };
}

/** 办结 after a passed acceptance (or a call-back), e.g. for a task no resident is waiting on. */
export function closeTask(
  task: TaskDoc,
  record: Pick<FollowUpDoc, 'kind' | 'outcome'> | undefined,
  ctx: CommandContext,
): TaskStepResult {
  const auth = mayUpdateTask(ctx.actor, task);
  if (!auth.ok) return refuse(auth.message);
  const artefacts: Artefacts =
    record?.kind === 'callback' ? { callbackRecord: record } : { acceptanceRecord: record };
  const step = transition(taskMachine, task.status, 'close', {
    actor: { role: ctx.actor.role },
    escalationLevel: task.escalationLevel,
    artefacts,
  });
  if (!step.ok) return refuse(step.message);
  const next: TaskDoc = {
    ...applyEffects(task, step.effects, ctx.now, ctx.actor.id),
    status: step.state,
    ...touched(ctx),
  };
  return stepOf(ctx, next, true, [], 'task.close', '办结');
}
