import {
  PARTY_EVENTS,
  PARTY_STATES,
  TASK_EVENTS,
  TASK_STATES,
  type PartyEvent,
  type PartyState,
  type TaskEvent,
  type TaskState,
} from '#shared/domain/vocab';
import { transition, type Effect, type Machine, type MachineContext, type Refusal } from './machine';
import { STAFF } from './role-groups';

// 办: a decision becomes one task with several responsible parties. Each party accepts, declines
// ("不属于我方职责", with a reason), redirects (转交, with a reason and to whom) or finishes. While
// the task is open its state is derived from its parties; acceptance (验收), closing and reopening
// after an unsatisfied call-back are task-level events.

export interface TaskParty {
  readonly partyId: string;
  readonly organizationId?: string;
  readonly name: string;
  readonly kind: string;
  readonly state: PartyState;
  readonly reason?: string;
  readonly redirectedTo?: string;
  readonly redirectedToOrganizationId?: string;
  readonly successorTaskId?: string;
  readonly updatedAt: string;
}

export interface TaskContext extends MachineContext {
  readonly escalationLevel: number;
}

const MAX_ESCALATION_LEVEL = 2; // 社区督办, 街道督办

export const partyMachine: Machine<PartyState, PartyEvent, MachineContext> = {
  name: 'party',
  states: PARTY_STATES,
  events: PARTY_EVENTS,
  stateLabels: {
    pending: '待接单',
    accepted: '办理中',
    declined: '不属于职责',
    redirected: '已转交',
    finished: '已完成',
  },
  eventLabels: {
    accept: '接单',
    decline: '退回(不属于职责)',
    redirect: '转交',
    finish: '完成',
    reassign: '重新交办',
  },
  rules: [
    { event: 'accept', from: ['pending'], to: 'accepted', roles: STAFF },
    { event: 'decline', from: ['pending', 'accepted'], to: 'declined', roles: STAFF, requires: ['reason'] },
    {
      event: 'redirect',
      from: ['pending', 'accepted'],
      to: 'redirected',
      roles: STAFF,
      requires: ['reason', 'redirectedTo'],
    },
    { event: 'finish', from: ['accepted'], to: 'finished', roles: STAFF, requires: ['completionNote'] },
    // The worker who handed the task out gives a returned share to another party (重新交办).
    // A redirected share needs no reassignment: its successor task was created with it.
    { event: 'reassign', from: ['declined'], to: 'pending', roles: STAFF, requires: ['reason'] },
  ],
};

export const taskMachine: Machine<TaskState, TaskEvent, TaskContext> = {
  name: 'task',
  states: TASK_STATES,
  events: TASK_EVENTS,
  stateLabels: {
    assigned: '已交办',
    inProgress: '办理中',
    finished: '已完成待验收',
    accepted: '已验收',
    // A party said 不属于职责: the work is back with the worker who handed it out.
    declined: '待重新交办',
    redirected: '已转交',
    reopened: '重新办理',
    closed: '已办结',
    withdrawn: '已撤回',
  },
  eventLabels: {
    passAcceptance: '验收通过',
    close: '办结',
    reopen: '重新办理',
    supervise: '督办',
    withdraw: '撤回议定事项',
  },
  rules: [
    {
      event: 'passAcceptance',
      from: ['finished'],
      to: 'accepted',
      roles: STAFF,
      requires: ['acceptanceRecord'],
      effects: [{ type: 'stamp', field: 'acceptedAt' }],
    },
    {
      event: 'close',
      from: ['finished', 'accepted', 'redirected'],
      to: 'closed',
      roles: STAFF,
      requires: [['acceptanceRecord', 'callbackRecord']],
      effects: [{ type: 'stamp', field: 'closedAt' }],
    },
    {
      event: 'reopen',
      from: ['finished', 'accepted', 'redirected', 'closed'],
      to: 'reopened',
      roles: STAFF,
      requires: [['unsatisfiedCallback', 'reason']],
      effects: [
        { type: 'resetParties' },
        { type: 'clear', field: 'finishedAt' },
        { type: 'clear', field: 'acceptedAt' },
        { type: 'clear', field: 'closedAt' },
      ],
    },
    {
      event: 'supervise',
      from: ['assigned', 'inProgress', 'reopened'],
      roles: STAFF,
      requires: ['reason'],
      guard: (ctx) => (ctx.escalationLevel >= MAX_ESCALATION_LEVEL ? '已经是街道督办,不能再升级' : undefined),
      effects: [{ type: 'increment', field: 'escalationLevel' }],
    },
    {
      // The decision is formally withdrawn (e.g. overtaken by a later meeting): nobody owes work.
      event: 'withdraw',
      from: ['assigned', 'inProgress', 'finished', 'declined', 'redirected', 'reopened'],
      to: 'withdrawn',
      roles: STAFF,
      requires: ['reason'],
      effects: [{ type: 'stamp', field: 'closedAt' }],
    },
  ],
};

const TASK_LEVEL_STATES: readonly TaskState[] = ['accepted', 'closed', 'withdrawn'];

/** States in which nobody owes work on the task any more (a redirected task lives on in its successor). */
export const SETTLED_TASK_STATES: readonly TaskState[] = ['accepted', 'closed', 'withdrawn', 'redirected'];

/**
 * The task state implied by its parties. Accepted, closed and withdrawn are set by task events and
 * kept; a reopened task stays reopened until a party acts again. A declined share makes the whole
 * task 待重新交办 until the worker reassigns it, so returned work is never hidden behind the
 * others' progress.
 */
export function deriveTaskState(parties: readonly Pick<TaskParty, 'state'>[], current: TaskState): TaskState {
  if (TASK_LEVEL_STATES.includes(current) || parties.length === 0) return current;
  const states = parties.map((p) => p.state);
  if (states.includes('declined')) return 'declined';
  const own = states.filter((s) => s !== 'redirected');
  if (own.length > 0 && own.every((s) => s === 'pending')) {
    return current === 'reopened' ? 'reopened' : 'assigned';
  }
  if (states.some((s) => s === 'pending' || s === 'accepted')) return 'inProgress';
  if (states.includes('finished')) return 'finished';
  return 'redirected';
}

/** The parties of a reopened task: everyone is asked again. */
export function resetParties(parties: readonly TaskParty[], at: string): TaskParty[] {
  // A redirected share stays with its successor task; everyone else is asked again.
  return parties.map((party) => {
    if (party.state === 'redirected') return party;
    const { reason: _reason, redirectedTo: _redirectedTo, ...rest } = party;
    return { ...rest, state: 'pending', updatedAt: at };
  });
}

export interface PartyStepContext extends MachineContext {
  readonly at: string;
}

export type PartyStepResult =
  | {
      readonly ok: true;
      readonly parties: TaskParty[];
      readonly status: TaskState;
      readonly effects: readonly Effect[];
    }
  | Refusal;

/** Runs a party event and derives the task's new state; the party keeps its reason and redirection. */
export function applyPartyEvent(
  task: { readonly status: TaskState; readonly parties: readonly TaskParty[] },
  partyId: string,
  event: PartyEvent,
  ctx: PartyStepContext,
): PartyStepResult {
  if (TASK_LEVEL_STATES.includes(task.status)) {
    return { ok: false, code: 'guardFailed', message: '任务已验收或办结,请先重新办理' };
  }
  const party = task.parties.find((p) => p.partyId === partyId);
  if (!party) return { ok: false, code: 'guardFailed', message: `任务没有这个责任方: ${partyId}` };
  const result = transition(partyMachine, party.state, event, ctx);
  if (!result.ok) return result;
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const reason = text(ctx.artefacts?.reason);
  const redirectedTo = text(ctx.artefacts?.redirectedTo);
  const updated: TaskParty = {
    ...party,
    state: result.state,
    updatedAt: ctx.at,
    ...(reason !== undefined ? { reason } : {}),
    ...(redirectedTo !== undefined ? { redirectedTo } : {}),
  };
  const parties = task.parties.map((p) => (p.partyId === partyId ? updated : p));
  const status = deriveTaskState(parties, task.status);
  const effects: Effect[] =
    status === 'finished' && task.status !== 'finished' ? [{ type: 'stamp', field: 'finishedAt' }] : [];
  return { ok: true, parties, status, effects };
}
