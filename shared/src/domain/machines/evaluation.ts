import {
  EVALUATION_EVENTS,
  EVALUATION_STATES,
  type EvaluationEvent,
  type EvaluationState,
  type FollowUpKind,
  type FollowUpSubject,
} from '#shared/domain/vocab';
import type { Machine, MachineContext, SubjectEvent } from './machine';
import { FIELD, STAFF, STAFF_AND_LEADERS } from './role-groups';

// 督/评: follow-ups are append-only records; this machine says which record fits where the
// subject stands, and which event it then runs on the subject (an unsatisfied call-back reopens
// the demand or task, a passed acceptance accepts the task or project).

export const evaluationMachine: Machine<EvaluationState, EvaluationEvent, MachineContext> = {
  name: 'evaluation',
  states: EVALUATION_STATES,
  events: EVALUATION_EVENTS,
  stateLabels: {
    underway: '办理中',
    awaitingAcceptance: '待验收',
    awaitingCallback: '待回访',
    done: '已评价',
  },
  eventLabels: {
    progress: '记录进展',
    escalation: '督办',
    inspection: '检查',
    acceptancePassed: '验收合格',
    acceptanceFailed: '验收不合格',
    callbackSatisfied: '回访: 满意',
    callbackBasicallySatisfied: '回访: 基本满意',
    callbackUnsatisfied: '回访: 不满意',
  },
  rules: [
    { event: 'progress', from: ['underway', 'awaitingAcceptance'], roles: FIELD, requires: ['note'] },
    {
      event: 'inspection',
      from: ['underway', 'awaitingAcceptance'],
      roles: STAFF_AND_LEADERS,
      requires: ['note'],
    },
    {
      event: 'escalation',
      from: ['underway', 'awaitingAcceptance'],
      roles: STAFF,
      requires: ['reason'],
      effects: [{ type: 'subjectEvent', event: 'supervise' }],
    },
    {
      event: 'acceptancePassed',
      from: ['awaitingAcceptance'],
      to: 'awaitingCallback',
      roles: STAFF,
      requires: ['note'],
      effects: [{ type: 'subjectEvent', event: 'passAcceptance' }],
    },
    {
      event: 'acceptanceFailed',
      from: ['awaitingAcceptance'],
      to: 'underway',
      roles: STAFF,
      requires: ['reason'],
      effects: [{ type: 'subjectEvent', event: 'reopen' }],
    },
    {
      event: 'callbackSatisfied',
      from: ['awaitingCallback'],
      to: 'done',
      roles: STAFF,
      effects: [{ type: 'subjectEvent', event: 'close' }],
    },
    {
      event: 'callbackBasicallySatisfied',
      from: ['awaitingCallback'],
      to: 'done',
      roles: STAFF,
      effects: [{ type: 'subjectEvent', event: 'close' }],
    },
    {
      event: 'callbackUnsatisfied',
      from: ['awaitingCallback', 'done'],
      to: 'underway',
      roles: STAFF,
      requires: ['reason'],
      effects: [{ type: 'subjectEvent', event: 'reopen' }],
    },
  ],
};

const STAGES: Readonly<Record<FollowUpSubject, Readonly<Record<string, EvaluationState>>>> = {
  demands: {
    received: 'underway',
    accepted: 'underway',
    inTopic: 'underway',
    handling: 'underway',
    answered: 'awaitingCallback',
    resolved: 'awaitingCallback',
    closed: 'done',
  },
  topics: { deliberated: 'underway', handling: 'underway', answered: 'awaitingCallback', closed: 'done' },
  tasks: {
    assigned: 'underway',
    inProgress: 'underway',
    reopened: 'underway',
    finished: 'awaitingAcceptance',
    accepted: 'awaitingCallback',
    // Returned work waits for reassignment: still underway (and open to 督办). A redirected task
    // lives on in its successor and a withdrawn one owes nothing, so neither takes follow-ups.
    declined: 'underway',
    closed: 'done',
  },
  projects: {
    approved: 'underway',
    inProgress: 'underway',
    completed: 'awaitingAcceptance',
    accepted: 'awaitingCallback',
    published: 'done',
  },
};

/** Where a subject stands for 督/评, or undefined when follow-ups do not apply (e.g. 重复诉求). */
export function evaluationStateOf(subject: FollowUpSubject, status: string): EvaluationState | undefined {
  return STAGES[subject][status];
}

const SUBJECT_EVENTS: Readonly<Record<FollowUpSubject, Partial<Record<SubjectEvent, string>>>> = {
  demands: { close: 'close', reopen: 'reopen' },
  topics: { close: 'close' },
  tasks: { supervise: 'supervise', passAcceptance: 'passAcceptance', reopen: 'reopen', close: 'close' },
  projects: { passAcceptance: 'passAcceptance', reopen: 'rework' },
};

/** The event of the subject's own machine that a follow-up effect stands for, if any. */
export function subjectEventFor(subject: FollowUpSubject, event: SubjectEvent): string | undefined {
  return SUBJECT_EVENTS[subject][event];
}

/** A follow-up record (kind and outcome) as an evaluation event. */
export function evaluationEventOf(followUp: {
  readonly kind: FollowUpKind;
  readonly outcome?: string;
}): EvaluationEvent | undefined {
  switch (followUp.kind) {
    case 'progress':
    case 'escalation':
    case 'inspection':
      return followUp.kind;
    case 'acceptance':
      if (followUp.outcome === 'passed') return 'acceptancePassed';
      return followUp.outcome === 'failed' ? 'acceptanceFailed' : undefined;
    case 'callback':
      if (followUp.outcome === 'satisfied') return 'callbackSatisfied';
      if (followUp.outcome === 'basicallySatisfied') return 'callbackBasicallySatisfied';
      return followUp.outcome === 'unsatisfied' ? 'callbackUnsatisfied' : undefined;
  }
}
