import { describe, expect, it } from 'vitest';
import { ACTOR_ROLES, type ActorRole, type Level, type TopicTrack } from '#shared/domain/vocab';
import {
  allowedEvents,
  checkMachine,
  demandMachine,
  evaluationMachine,
  meetingMachine,
  partyMachine,
  projectMachine,
  taskMachine,
  topicMachine,
  transition,
  type Artefacts,
  type Machine,
  type MachineContext,
} from '#shared/domain/machines/index';

// Every (state, event, role) triple of every machine, against expectations written by hand from
// the domain (not derived from the tables): "state event ROLES target[ track]", where ROLES are
// S street-staff, W community-worker, C hall-chair, R recorder, L leader, V viewer, and target
// '=' means the state does not change.

const LETTERS: Record<string, ActorRole> = {
  S: 'street-staff',
  W: 'community-worker',
  C: 'hall-chair',
  R: 'recorder',
  L: 'leader',
  V: 'viewer',
};

/** Every artefact present, so that only states, roles and guards decide. */
const ALL_ARTEFACTS: Artefacts = {
  reason: '原因',
  note: '说明',
  answerText: '答复',
  completionNote: '已修好',
  topicId: 'topic-1',
  duplicateOf: 'demand-0',
  unreasonableEvidence: '录音',
  stakeholders: ['物业'],
  meetingId: 'meeting-1',
  decision: '议定',
  taskIds: ['task-1'],
  agenda: ['议题一'],
  roster: ['p1'],
  minutesText: '纪要',
  approvedMinutes: { minutesApprovedAt: '2026-11-01T00:00:00.000Z' },
  publicNotice: '公示',
  redirectedTo: '产权单位',
  feasibility: '可行',
  milestones: ['m1'],
  passedVote: { passed: true },
  acceptanceRecord: { outcome: 'passed' },
  callbackRecord: { outcome: 'satisfied' },
  satisfiedCallback: { outcome: 'satisfied' },
  unsatisfiedCallback: { outcome: 'unsatisfied' },
};

interface Expected {
  roles: Set<ActorRole>;
  target: string;
  track?: string;
}

function parse(lines: string): Map<string, Expected> {
  const map = new Map<string, Expected>();
  for (const line of lines.trim().split('\n')) {
    const [states = '', event = '', roles = '', target = '', track] = line.trim().split(/\s+/);
    for (const state of states.split(',')) {
      const key = `${state} ${event}`;
      expect(map.has(key), `expectation listed twice: ${key}`).toBe(false);
      map.set(key, {
        roles: new Set([...roles].map((l) => LETTERS[l] as ActorRole)),
        target: target === '=' ? state : target,
        track,
      });
    }
  }
  return map;
}

function coverMachine<S extends string, E extends string, C extends MachineContext>(
  machine: Machine<S, E, C>,
  expectations: string,
  contextFor: (role: ActorRole) => C[],
) {
  const expected = parse(expectations);
  it('has a well-formed table', () => expect(checkMachine(machine)).toEqual([]));

  it('names only states and events of the machine in its expectations', () => {
    for (const key of expected.keys()) {
      const [state, event] = key.split(' ');
      expect(machine.states).toContain(state);
      expect(machine.events).toContain(event);
    }
  });

  const triples = machine.states.flatMap((state) =>
    machine.events.flatMap((event) => ACTOR_ROLES.map((role) => [state, event, role] as const)),
  );
  it(`decides all ${triples.length} (state, event, role) triples as expected`, () => {
    for (const [state, event, role] of triples) {
      const want = expected.get(`${state} ${event}`);
      for (const ctx of contextFor(role)) {
        const result = transition(machine, state, event, ctx);
        const track = (ctx as { track?: string }).track;
        const allowed =
          want !== undefined && want.roles.has(role) && (want.track === undefined || want.track === track);
        const label = `${machine.name}: ${state} ${event} ${role} ${track ?? ''}`;
        expect(result.ok, label).toBe(allowed);
        if (result.ok) expect(result.state, label).toBe(want?.target);
        else if (!want) expect(result.code, label).toBe('notAllowedFromState');
        else if (!want.roles.has(role)) expect(result.code, label).toBe('roleNotAllowed');
        else expect(result.code, label).toBe('guardFailed');
      }
    }
  });

  it('offers exactly the expected events per state and role', () => {
    for (const state of machine.states) {
      for (const role of ACTOR_ROLES) {
        const want = machine.events.filter((event) => expected.get(`${state} ${event}`)?.roles.has(role));
        expect(allowedEvents(machine, state, { role }), `${state} ${role}`).toEqual(want);
      }
    }
  });
}

const plain = (role: ActorRole): MachineContext[] => [{ actor: { role }, artefacts: ALL_ARTEFACTS }];

describe('demand machine', () => {
  coverMachine(
    demandMachine,
    `
    received accept SW accepted
    accepted addToTopic SWC inTopic
    accepted,inTopic startHandling SW handling
    accepted,inTopic,handling answer SWC answered
    inTopic,handling resolve SW resolved
    answered,resolved close SW closed
    answered,resolved,closed reopen SW handling
    received,accepted,inTopic,handling markUnreasonable SW unreasonable
    received,accepted markDuplicate SW duplicate
    unreasonable,duplicate reinstate S accepted
    `,
    plain,
  );
});

describe('topic machine', () => {
  const contexts = (role: ActorRole) =>
    (['quick', 'inDepth'] as TopicTrack[]).map((track) => ({
      actor: { role },
      artefacts: ALL_ARTEFACTS,
      track,
      level: 'courtyard' as Level,
      openTasks: 0,
    }));
  coverMachine(
    topicMachine,
    `
    collecting selectStakeholders SWCL stakeholders inDepth
    collecting answer SWC answered quick
    collecting,answered deepen SWC stakeholders quick
    stakeholders schedule SWC scheduled
    scheduled postpone SWC stakeholders
    scheduled deliberate SWC deliberated
    deliberated startHandling SW handling
    deliberated,handling,answered close SWC closed
    collecting,stakeholders,scheduled,deliberated,answered,handling escalate SWCL escalated
    collecting,stakeholders,scheduled,answered drop SWC dropped
    dropped restore SW collecting
    `,
    contexts,
  );
});

describe('meeting machine', () => {
  coverMachine(
    meetingMachine,
    `
    draft notice SWC noticed
    noticed start SWC inProgress
    inProgress adjourn SWC adjourned
    adjourned draftMinutes SWC minutesDrafted
    minutesDrafted reviseMinutes SWC =
    minutesDrafted approveMinutes SWC minutesApproved
    minutesApproved publish SWC published
    draft,noticed cancel SWC cancelled
    `,
    plain,
  );
});

describe('task machine', () => {
  coverMachine(
    taskMachine,
    `
    finished passAcceptance SW accepted
    finished,accepted,redirected close SW closed
    finished,accepted,redirected,closed reopen SW reopened
    assigned,inProgress,reopened supervise SW =
    assigned,inProgress,finished,declined,redirected,reopened withdraw SW withdrawn
    `,
    (role) => [{ actor: { role }, artefacts: ALL_ARTEFACTS, escalationLevel: 0 }],
  );
});

describe('party machine', () => {
  coverMachine(
    partyMachine,
    `
    pending accept SW accepted
    pending,accepted decline SW declined
    pending,accepted redirect SW redirected
    accepted finish SW finished
    declined reassign SW pending
    `,
    plain,
  );
});

describe('evaluation machine', () => {
  coverMachine(
    evaluationMachine,
    `
    underway,awaitingAcceptance progress SWCL =
    underway,awaitingAcceptance inspection SWL =
    underway,awaitingAcceptance escalation SW =
    awaitingAcceptance acceptancePassed SW awaitingCallback
    awaitingAcceptance acceptanceFailed SW underway
    awaitingCallback callbackSatisfied SW done
    awaitingCallback callbackBasicallySatisfied SW done
    awaitingCallback,done callbackUnsatisfied SW underway
    `,
    plain,
  );
});

describe('project machine', () => {
  coverMachine(
    projectMachine,
    `
    proposed assess SW assessed
    assessed approve SWC approved
    proposed,assessed reject SWC rejected
    approved start SW inProgress
    inProgress complete SW completed
    completed passAcceptance SW accepted
    completed rework SW inProgress
    accepted publish SW published
    rejected reconsider S proposed
    `,
    plain,
  );
});
