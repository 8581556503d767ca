import { CHINA_CALENDAR } from '#shared/domain/calendar/index';
import {
  applyPartyEvent,
  SETTLED_TASK_STATES,
  taskMachine,
  transition,
  type TaskParty as MachineParty,
} from '#shared/domain/machines/index';
import type { TaskPartyKind } from '#shared/domain/vocab';
import type { TaskDoc, TaskParty } from '#shared/schema/index';
import {
  auditEntry,
  change,
  newBase,
  refuse,
  touched,
  type CommandContext,
  type Refusal,
} from '#shared/domain/commands/index';
import { applyEffects } from './effects';
import { DEFAULT_DUE_WORKING_DAYS, HANDLING_LEVEL } from './levels';
import { stepOf, taskFollowUp, type TaskStep, type TaskStepResult } from './task-step-base';

// The joints of 办 where work changes hands: 转交 (the new party gets its own task at once),
// 重新交办 of a returned share, adding a party afterwards, escalating returned work to the street
// (老大难), and formally withdrawing a decision. None of them leaves work with nobody.

/** A party picked from the directory (organisations) or named by the worker (self-help team). */
export interface PartyPick {
  readonly name: string;
  readonly kind: TaskPartyKind;
  readonly organizationId?: string;
}

const newParty = (pick: PartyPick, ctx: CommandContext): TaskParty => ({
  partyId: ctx.newId('party'),
  name: pick.name.trim(),
  kind: pick.kind,
  state: 'pending',
  updatedAt: ctx.now,
  ...(pick.organizationId !== undefined ? { organizationId: pick.organizationId } : {}),
});

/** A fresh due date by the classification's rule, never earlier than the one the task had. */
function renewedDue(task: TaskDoc, ctx: CommandContext): string {
  const calendar = ctx.calendar ?? CHINA_CALENDAR;
  const due = calendar.addWorkingDays(ctx.now, DEFAULT_DUE_WORKING_DAYS[task.classification]);
  return due > task.dueAt ? due : task.dueAt;
}

function checkPick(pick: PartyPick, task: TaskDoc, except?: string) {
  if (pick.name.trim() === '') return refuse('请选择接手的责任方');
  const same = task.parties.find(
    (p) =>
      p.partyId !== except &&
      p.state !== 'redirected' &&
      p.state !== 'declined' &&
      (pick.organizationId !== undefined
        ? p.organizationId === pick.organizationId
        : p.name === pick.name.trim()),
  );
  return same ? refuse(`${same.name}已是本任务的责任方`) : undefined;
}

export interface RedirectStep extends TaskStep {
  /** The new party's own task, linked to the old one. */
  readonly successor: TaskDoc;
}

/**
 * 转交: the party hands its share to another unit with a reason. The new unit's task is created in
 * the same step (same decision, topic, demands and classification; due by the classification's
 * rule from today), and the old share points at it.
 */
export function redirectParty(
  task: TaskDoc,
  partyId: string,
  input: { readonly reason: string; readonly to: PartyPick },
  ctx: CommandContext,
): RedirectStep | Refusal {
  const party = task.parties.find((p) => p.partyId === partyId);
  if (!party) return refuse('任务没有这个责任方');
  const reason = input.reason.trim();
  const problem = checkPick(input.to, task, partyId);
  if (problem) return problem;
  const step = applyPartyEvent(
    task as { status: TaskDoc['status']; parties: MachineParty[] },
    partyId,
    'redirect',
    {
      actor: { role: ctx.actor.role },
      at: ctx.now,
      artefacts: { ...(reason ? { reason } : {}), redirectedTo: input.to.name.trim() },
    },
  );
  if (!step.ok) return refuse(step.message);
  const successorId = ctx.newId('task');
  const calendar = ctx.calendar ?? CHINA_CALENDAR;
  const baseTitle = task.title.split('——')[0] ?? task.title;
  const successor: TaskDoc = {
    ...newBase(ctx, 'task', task.scope),
    id: successorId,
    ...(task.topicId !== undefined ? { topicId: task.topicId } : {}),
    ...(task.meetingId !== undefined ? { meetingId: task.meetingId } : {}),
    ...(task.decisionRecordId !== undefined ? { decisionRecordId: task.decisionRecordId } : {}),
    redirectedFromTaskId: task.id,
    demandIds: [...task.demandIds],
    title: `${baseTitle}——${input.to.name.trim()}`.slice(0, 200),
    description: task.description,
    classification: task.classification,
    level: task.level,
    status: 'assigned',
    parties: [newParty(input.to, ctx)],
    assignedAt: ctx.now,
    dueAt: calendar.addWorkingDays(ctx.now, DEFAULT_DUE_WORKING_DAYS[task.classification]),
    escalationLevel: 0,
  };
  const parties = (step.parties as TaskParty[]).map((p) =>
    p.partyId === partyId
      ? {
          ...p,
          successorTaskId: successorId,
          ...(input.to.organizationId !== undefined
            ? { redirectedToOrganizationId: input.to.organizationId }
            : {}),
        }
      : p,
  );
  const next: TaskDoc = {
    ...applyEffects(task, step.effects, ctx.now, ctx.actor.id),
    parties,
    status: step.status,
    ...touched(ctx),
  };
  const note = `${party.name}转交${input.to.name.trim()}：${reason}`;
  const redirected = stepOf(
    ctx,
    next,
    true,
    [taskFollowUp(next, { kind: 'progress', note }, ctx)],
    'task.party.redirect',
    note,
  );
  const created = auditEntry(ctx, {
    scope: successor.scope,
    action: 'task.create',
    collection: 'tasks',
    id: successor.id,
    detail: `${successor.title}：由${party.name}转交`,
  });
  return {
    ...redirected,
    successor,
    change: change({
      insert: { ...redirected.change.insert, tasks: [successor] },
      update: redirected.change.update,
      audit: [...redirected.change.audit, created],
    }),
  };
}

/** 重新交办: a returned (declined) share goes to another party from the directory. */
export function reassignParty(
  task: TaskDoc,
  partyId: string,
  input: { readonly reason: string; readonly to: PartyPick },
  ctx: CommandContext,
): TaskStepResult {
  const party = task.parties.find((p) => p.partyId === partyId);
  if (!party) return refuse('任务没有这个责任方');
  const reason = input.reason.trim();
  const problem = checkPick(input.to, task, partyId);
  if (problem) return problem;
  const step = applyPartyEvent(
    task as { status: TaskDoc['status']; parties: MachineParty[] },
    partyId,
    'reassign',
    { actor: { role: ctx.actor.role }, at: ctx.now, artefacts: reason ? { reason } : {} },
  );
  if (!step.ok) return refuse(step.message);
  const replacement = { ...newParty(input.to, ctx), partyId };
  const parties = (step.parties as TaskParty[]).map((p) => (p.partyId === partyId ? replacement : p));
  const next: TaskDoc = {
    ...applyEffects(task, step.effects, ctx.now, ctx.actor.id),
    parties,
    status: step.status,
    dueAt: renewedDue(task, ctx),
    ...touched(ctx),
  };
  const note = `${party.name}退回后重新交办给${replacement.name}：${reason}`;
  return stepOf(
    ctx,
    next,
    true,
    [taskFollowUp(next, { kind: 'progress', note }, ctx)],
    'task.party.reassign',
    note,
  );
}

/** Another party joins the work of a task that is still open. */
export function addParty(task: TaskDoc, pick: PartyPick, ctx: CommandContext): TaskStepResult {
  if (ctx.actor.role !== 'street-staff' && ctx.actor.role !== 'community-worker') {
    return refuse('只有社区工作者或街道工作人员可以增加责任方');
  }
  if (SETTLED_TASK_STATES.includes(task.status)) {
    return refuse(`任务${taskMachine.stateLabels[task.status]}，不能再增加责任方`);
  }
  const problem = checkPick(pick, task);
  if (problem) return problem;
  if (task.parties.length >= 50) return refuse('一个任务最多 50 个责任方');
  const party = newParty(pick, ctx);
  const parties = [...task.parties, party];
  // A finished task goes back to work: the new party has not done its share yet.
  const status = task.status === 'finished' ? 'inProgress' : task.status;
  const next: TaskDoc = { ...task, parties, status, ...touched(ctx) };
  const note = `增加责任方${party.name}`;
  return stepOf(
    ctx,
    next,
    true,
    [taskFollowUp(next, { kind: 'progress', note }, ctx)],
    'task.party.add',
    note,
  );
}

/**
 * Returned work nobody below can take on goes to the street as 老大难: the street's level and due
 * date; the street's staff then reassign it.
 */
export function escalateReturned(task: TaskDoc, input: { readonly reason: string }, ctx: CommandContext) {
  const reason = input.reason.trim();
  if (task.status !== 'declined') return refuse('只有待重新交办的任务可以上报街道');
  if (reason === '') return refuse('请写明上报街道的原因');
  if (task.level === 'street') return refuse('任务已在街道层级，请直接重新交办');
  if (ctx.actor.role !== 'street-staff' && ctx.actor.role !== 'community-worker')
    return refuse('无权上报街道');
  const next: TaskDoc = {
    ...task,
    classification: 'chronic',
    // The place stays: the street sees every community's tasks, and a community device may not
    // write above its own subtree.
    level: HANDLING_LEVEL.chronic,
    dueAt: renewedDue({ ...task, classification: 'chronic' }, ctx),
    ...touched(ctx),
  };
  const note = `作为老大难上报街道：${reason}`;
  return stepOf(
    ctx,
    next,
    true,
    [taskFollowUp(next, { kind: 'escalation', note, toLevel: 'street' }, ctx)],
    'task.escalateReturned',
    note,
  );
}

/** The decision is formally withdrawn with a reason: nobody owes this work any more. */
export function withdrawTask(task: TaskDoc, input: { readonly reason: string }, ctx: CommandContext) {
  const reason = input.reason.trim();
  const step = transition(taskMachine, task.status, 'withdraw', {
    actor: { role: ctx.actor.role },
    escalationLevel: task.escalationLevel,
    artefacts: reason ? { reason } : {},
  });
  if (!step.ok) return refuse(step.message);
  const next: TaskDoc = {
    ...applyEffects(task, step.effects, ctx.now, ctx.actor.id),
    status: step.state,
    withdrawnReason: reason,
    ...touched(ctx),
  };
  const note = `撤回议定事项：${reason}`;
  return stepOf(
    ctx,
    next,
    true,
    [taskFollowUp(next, { kind: 'progress', note }, ctx)],
    'task.withdraw',
    note,
  );
}

/** Tasks of a topic that still owe work; the topic closes only when there are none. */
export function unsettledTasks<T extends Pick<TaskDoc, 'status'>>(tasks: readonly T[]): T[] {
  return tasks.filter((t) => !SETTLED_TASK_STATES.includes(t.status));
}
