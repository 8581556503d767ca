import {
  applyPartyEvent,
  evaluationMachine,
  evaluationStateOf,
  taskMachine,
  transition,
  type Artefacts,
  type TaskParty as MachineParty,
} from '#shared/domain/machines/index';
import type { EvaluationEvent, PartyEvent } from '#shared/domain/vocab';
import type { FollowUpDoc, TaskDoc, TaskParty } from '#shared/schema/index';
import { newBase, refused, touched, type AuditNote, type HandlingContext, type Refused } from './base';
import { applyEffects } from './effects';
import { supervisingLevel } from './levels';

// The steps of a task after it was handed out. Each returns the documents to write: the changed
// task and the append-only follow-ups that record the step (进展, 督办, 验收), plus an audit note.

export interface TaskStep {
  readonly ok: true;
  readonly task: TaskDoc;
  readonly followUps: FollowUpDoc[];
  readonly audit: AuditNote[];
}

export type TaskStepResult = TaskStep | Refused;

const PARTY_LABELS: Readonly<Record<PartyEvent, string>> = {
  accept: '接单',
  decline: '退回(不属于职责)',
  redirect: '转交',
  finish: '办结',
  reassign: '重新交办',
};

export function taskFollowUp(
  task: Pick<TaskDoc, 'id' | 'scope'>,
  fields: Pick<FollowUpDoc, 'kind' | 'note'> &
    Partial<Pick<FollowUpDoc, 'outcome' | 'toLevel' | 'photoCount'>>,
  ctx: HandlingContext,
): FollowUpDoc {
  return {
    ...newBase(ctx, 'followup', task.scope),
    subjectCollection: 'tasks',
    subjectId: task.id,
    at: ctx.now,
    by: ctx.by,
    ...fields,
  };
}

/** The follow-up may be written where the task stands (checked by the evaluation machine). */
function evaluationAllows(task: TaskDoc, event: EvaluationEvent, artefacts: Artefacts, ctx: HandlingContext) {
  const stage = evaluationStateOf('tasks', task.status);
  if (stage === undefined) return refused('该任务现在不能记录跟进');
  const step = transition(evaluationMachine, stage, event, { actor: { role: ctx.role }, artefacts });
  return step.ok ? undefined : refused(step.message);
}

const audit = (task: TaskDoc, action: string, detail: string): AuditNote => ({
  scope: task.scope,
  action,
  collection: 'tasks',
  id: task.id,
  detail: `${task.title}：${detail}`,
});

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
  ctx: HandlingContext,
): TaskStepResult {
  const party = task.parties.find((p) => p.partyId === partyId);
  if (!party) return refused('任务没有这个责任方');
  const step = applyPartyEvent(
    task as { status: TaskDoc['status']; parties: MachineParty[] },
    partyId,
    event,
    {
      actor: { role: ctx.role },
      at: ctx.now,
      artefacts: {
        ...(input.reason?.trim() ? { reason: input.reason.trim() } : {}),
        ...(input.redirectedTo?.trim() ? { redirectedTo: input.redirectedTo.trim() } : {}),
        ...(input.note?.trim() ? { completionNote: input.note.trim() } : {}),
      },
    },
  );
  if (!step.ok) return refused(step.message);
  const next: TaskDoc = {
    ...applyEffects(task, step.effects, ctx.now, ctx.by),
    parties: step.parties as TaskParty[],
    status: step.status,
    ...touched(ctx),
  };
  const said = [input.reason, input.redirectedTo && `转交${input.redirectedTo}`, input.note]
    .map((s) => s?.trim())
    .filter(Boolean)
    .join('；');
  const note = `${party.name}${PARTY_LABELS[event]}${said ? `：${said}` : ''}`;
  return {
    ok: true,
    task: next,
    followUps: [
      taskFollowUp(
        next,
        {
          kind: 'progress',
          note,
          ...(input.photoCount !== undefined && input.photoCount > 0 ? { photoCount: input.photoCount } : {}),
        },
        ctx,
      ),
    ],
    audit: [audit(next, `task.party.${event}`, note)],
  };
}

/** A progress note (进展) with the number of photos taken on site. */
export function reportProgress(
  task: TaskDoc,
  input: { readonly note: string; readonly photoCount?: number },
  ctx: HandlingContext,
): TaskStepResult {
  const note = input.note.trim();
  const refusal = evaluationAllows(task, 'progress', { note }, ctx);
  if (refusal) return refusal;
  const photoCount = input.photoCount ?? 0;
  if (!Number.isInteger(photoCount) || photoCount < 0) return refused('照片数量应为非负整数');
  const followUp = taskFollowUp(
    task,
    { kind: 'progress', note, ...(photoCount > 0 ? { photoCount } : {}) },
    ctx,
  );
  return { ok: true, task, followUps: [followUp], audit: [audit(task, 'task.progress', note)] };
}

/**
 * 督办: the next level takes over supervision (社区督办, then 街道督办), recorded as an escalation
 * follow-up naming that level; the task's own handling level stays.
 */
export function escalateTask(
  task: TaskDoc,
  input: { readonly reason: string },
  ctx: HandlingContext,
): TaskStepResult {
  const reason = input.reason.trim();
  const refusal = evaluationAllows(task, 'escalation', { reason }, ctx);
  if (refusal) return refusal;
  const step = transition(taskMachine, task.status, 'supervise', {
    actor: { role: ctx.role },
    escalationLevel: task.escalationLevel,
    artefacts: { reason },
  });
  if (!step.ok) return refused(step.message);
  const next: TaskDoc = {
    ...applyEffects(task, step.effects, ctx.now, ctx.by),
    status: step.state,
    ...touched(ctx),
  };
  const toLevel = supervisingLevel(task.level, next.escalationLevel);
  const followUp = taskFollowUp(next, { kind: 'escalation', note: reason, toLevel }, ctx);
  return { ok: true, task: next, followUps: [followUp], audit: [audit(next, 'task.escalate', reason)] };
}

/**
 * 验收: passed accepts the task; failed sends it back to every party (重新办理) with the reason.
 * A passed acceptance needs a note of what was checked.
 */
export function inspectTask(
  task: TaskDoc,
  input: { readonly outcome: 'passed' | 'failed'; readonly note: string; readonly photoCount?: number },
  ctx: HandlingContext,
): TaskStepResult {
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
        actor: { role: ctx.role },
        escalationLevel: task.escalationLevel,
        artefacts: { acceptanceRecord: followUp },
      })
    : transition(taskMachine, task.status, 'reopen', {
        actor: { role: ctx.role },
        escalationLevel: task.escalationLevel,
        artefacts: { reason: note },
      });
  if (!step.ok) return refused(step.message);
  const next: TaskDoc = {
    ...applyEffects(task, step.effects, ctx.now, ctx.by),
    status: step.state,
    ...touched(ctx),
  };
  return {
    ok: true,
    task: next,
    followUps: [followUp],
    audit: [audit(next, passed ? 'task.accept' : 'task.acceptanceFailed', note)],
  };
}

/** 办结 after a passed acceptance (or a call-back), e.g. for a task no resident is waiting on. */
export function closeTask(
  task: TaskDoc,
  record: Pick<FollowUpDoc, 'kind' | 'outcome'> | undefined,
  ctx: HandlingContext,
): TaskStepResult {
  const artefacts: Artefacts =
    record?.kind === 'callback' ? { callbackRecord: record } : { acceptanceRecord: record };
  const step = transition(taskMachine, task.status, 'close', {
    actor: { role: ctx.role },
    escalationLevel: task.escalationLevel,
    artefacts,
  });
  if (!step.ok) return refused(step.message);
  const next: TaskDoc = {
    ...applyEffects(task, step.effects, ctx.now, ctx.by),
    status: step.state,
    ...touched(ctx),
  };
  return { ok: true, task: next, followUps: [], audit: [audit(next, 'task.close', '办结')] };
}
