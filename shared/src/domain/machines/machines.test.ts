import { describe, expect, it } from 'vitest';
import {
  allowedEvents,
  demandMachine,
  evaluationEventOf,
  evaluationMachine,
  evaluationStateOf,
  meetingMachine,
  projectMachine,
  requirementLabel,
  subjectEventFor,
  taskMachine,
  topicMachine,
  transition,
} from '#shared/domain/machines/index';

const worker = { role: 'community-worker' } as const;

describe('transition refusals', () => {
  it('refuses unknown states and events', () => {
    const ctx = { actor: worker };
    expect(transition(demandMachine, 'nowhere' as never, 'accept', ctx)).toMatchObject({
      ok: false,
      code: 'unknownState',
    });
    expect(transition(demandMachine, 'received', 'fly' as never, ctx)).toMatchObject({
      ok: false,
      code: 'unknownEvent',
    });
  });

  it('explains refusals in Chinese', () => {
    expect(transition(demandMachine, 'closed', 'accept', { actor: worker })).toEqual({
      ok: false,
      code: 'notAllowedFromState',
      message: '已办结状态下不能受理',
    });
    expect(transition(demandMachine, 'received', 'accept', { actor: { role: 'viewer' } })).toEqual({
      ok: false,
      code: 'roleNotAllowed',
      message: '查看者无权受理',
    });
  });

  it('closes an in-depth topic only with approved minutes and no open task', () => {
    const base = { actor: worker, track: 'inDepth', level: 'community', openTasks: 0 } as const;
    const missing = transition(topicMachine, 'handling', 'close', { ...base, artefacts: {} });
    expect(missing).toEqual({
      ok: false,
      code: 'missingArtefact',
      message: '办结议题需要: 已批准的会议纪要',
    });
    const draft = transition(topicMachine, 'handling', 'close', {
      ...base,
      artefacts: { approvedMinutes: { minutesApprovedAt: undefined } },
    });
    expect(draft.ok).toBe(false);
    const approved = { approvedMinutes: { minutesApprovedAt: '2026-11-20T02:00:00.000Z' } };
    expect(transition(topicMachine, 'handling', 'close', { ...base, artefacts: approved })).toMatchObject({
      ok: true,
      state: 'closed',
    });
    expect(
      transition(topicMachine, 'handling', 'close', { ...base, openTasks: 2, artefacts: approved }),
    ).toMatchObject({ ok: false, code: 'guardFailed', message: '还有 2 项任务未验收或撤回，议题不能办结' });
    const { openTasks: _unknown, ...unchecked } = base;
    expect(transition(topicMachine, 'handling', 'close', { ...unchecked, artefacts: approved }).ok).toBe(
      false,
    );
  });

  it('answers a quick topic only with an answer text, and not an in-depth one', () => {
    const quick = { actor: worker, track: 'quick', level: 'courtyard' } as const;
    expect(
      transition(topicMachine, 'collecting', 'answer', { ...quick, artefacts: { answerText: '  ' } }),
    ).toMatchObject({
      code: 'missingArtefact',
    });
    const ok = transition(topicMachine, 'collecting', 'answer', {
      ...quick,
      artefacts: { answerText: '下周一清运' },
    });
    expect(ok).toEqual({ ok: true, state: 'answered', effects: [{ type: 'stamp', field: 'answeredAt' }] });
    const inDepth = transition(topicMachine, 'collecting', 'answer', {
      ...quick,
      track: 'inDepth',
      artefacts: { answerText: '下周一清运' },
    });
    expect(inDepth).toMatchObject({ ok: false, code: 'guardFailed' });
  });

  it('escalates with a reason and never beyond the street', () => {
    const ctx = { actor: worker, track: 'inDepth', level: 'community' } as const;
    expect(transition(topicMachine, 'collecting', 'escalate', { ...ctx, artefacts: {} })).toMatchObject({
      code: 'missingArtefact',
    });
    expect(
      transition(topicMachine, 'collecting', 'escalate', { ...ctx, artefacts: { reason: '涉及多个社区' } })
        .ok,
    ).toBe(true);
    expect(
      transition(topicMachine, 'collecting', 'escalate', {
        ...ctx,
        level: 'street',
        artefacts: { reason: '涉及多个社区' },
      }),
    ).toEqual({ ok: false, code: 'guardFailed', message: '街道层级的议题不能再上报' });
  });

  it('closes a task only with an acceptance or a call-back record', () => {
    const ctx = (artefacts: object) => ({ actor: worker, escalationLevel: 0, artefacts });
    expect(transition(taskMachine, 'redirected', 'close', ctx({}))).toMatchObject({
      code: 'missingArtefact',
      message: '办结需要: 验收合格记录或回访记录',
    });
    expect(
      transition(taskMachine, 'finished', 'close', ctx({ acceptanceRecord: { outcome: 'failed' } })).ok,
    ).toBe(false);
    expect(
      transition(taskMachine, 'finished', 'close', ctx({ acceptanceRecord: { outcome: 'passed' } })).ok,
    ).toBe(true);
    expect(
      transition(taskMachine, 'redirected', 'close', ctx({ callbackRecord: { outcome: 'unsatisfied' } })).ok,
    ).toBe(true);
    expect(
      transition(taskMachine, 'redirected', 'close', ctx({ callbackRecord: { outcome: 'maybe' } })).ok,
    ).toBe(false);
    // Returned work is never closed: it is reassigned, or the decision is withdrawn.
    expect(
      transition(taskMachine, 'declined', 'close', ctx({ callbackRecord: { outcome: 'satisfied' } })),
    ).toMatchObject({
      code: 'notAllowedFromState',
    });
  });

  it('stops supervising a task at street level', () => {
    const ctx = { actor: worker, artefacts: { reason: '超期' } };
    expect(transition(taskMachine, 'inProgress', 'supervise', { ...ctx, escalationLevel: 1 })).toEqual({
      ok: true,
      state: 'inProgress',
      effects: [{ type: 'increment', field: 'escalationLevel' }],
    });
    expect(transition(taskMachine, 'inProgress', 'supervise', { ...ctx, escalationLevel: 2 })).toMatchObject({
      code: 'guardFailed',
    });
  });

  it('approves a project only with a passed vote', () => {
    const chair = { role: 'hall-chair' } as const;
    expect(
      transition(projectMachine, 'assessed', 'approve', {
        actor: chair,
        artefacts: { passedVote: { passed: false } },
      }).ok,
    ).toBe(false);
    expect(
      transition(projectMachine, 'assessed', 'approve', {
        actor: chair,
        artefacts: { passedVote: { passed: true } },
      }).ok,
    ).toBe(true);
  });

  it('names alternatives in requirement labels', () => {
    expect(requirementLabel(['unsatisfiedCallback', 'reason'])).toBe('不满意的回访记录或理由');
  });
});

describe('effects', () => {
  it('a demand is responded to once and reopening counts', () => {
    const accept = transition(demandMachine, 'received', 'accept', { actor: worker });
    expect(accept).toEqual({
      ok: true,
      state: 'accepted',
      effects: [{ type: 'stamp', field: 'respondedAt', onlyIfEmpty: true }],
    });
    const reopen = transition(demandMachine, 'closed', 'reopen', {
      actor: worker,
      artefacts: { unsatisfiedCallback: { outcome: 'unsatisfied' } },
    });
    expect(reopen.ok && reopen.state).toBe('handling');
    expect(reopen.ok && reopen.effects).toContainEqual({ type: 'increment', field: 'reopenedCount' });
    expect(
      transition(demandMachine, 'closed', 'reopen', {
        actor: worker,
        artefacts: { unsatisfiedCallback: { outcome: 'satisfied' } },
      }).ok,
    ).toBe(false);
  });

  it('approving minutes stamps the time and the approver', () => {
    const result = transition(meetingMachine, 'minutesDrafted', 'approveMinutes', {
      actor: { role: 'hall-chair' },
      artefacts: { minutesText: '纪要' },
    });
    expect(result.ok && result.effects).toEqual([
      { type: 'stamp', field: 'minutesApprovedAt' },
      { type: 'stampActor', field: 'minutesApprovedBy' },
    ]);
  });
});

describe('evaluation', () => {
  it('an unsatisfied call-back reopens the demand and the task', () => {
    const stage = evaluationStateOf('demands', 'resolved');
    expect(stage).toBe('awaitingCallback');
    const event = evaluationEventOf({ kind: 'callback', outcome: 'unsatisfied' });
    expect(event).toBe('callbackUnsatisfied');
    const result = transition(evaluationMachine, stage!, event!, {
      actor: worker,
      artefacts: { reason: '仍在漏水' },
    });
    expect(result).toEqual({
      ok: true,
      state: 'underway',
      effects: [{ type: 'subjectEvent', event: 'reopen' }],
    });
    expect(subjectEventFor('demands', 'reopen')).toBe('reopen');
    expect(subjectEventFor('tasks', 'reopen')).toBe('reopen');
    expect(subjectEventFor('projects', 'reopen')).toBe('rework');
    expect(subjectEventFor('topics', 'reopen')).toBeUndefined();
  });

  it('maps every subject event to an event of the subject machine', () => {
    const machines = {
      demands: demandMachine,
      tasks: taskMachine,
      projects: projectMachine,
      topics: topicMachine,
    } as const;
    for (const subject of ['demands', 'tasks', 'projects', 'topics'] as const) {
      for (const event of ['supervise', 'passAcceptance', 'reopen', 'close'] as const) {
        const mapped = subjectEventFor(subject, event);
        if (mapped !== undefined)
          expect((machines[subject].events as readonly string[]).includes(mapped)).toBe(true);
      }
    }
  });

  it('maps every subject state that evaluation applies to, and only those', () => {
    expect(evaluationStateOf('demands', 'duplicate')).toBeUndefined();
    expect(evaluationStateOf('demands', 'unreasonable')).toBeUndefined();
    expect(evaluationStateOf('tasks', 'finished')).toBe('awaitingAcceptance');
    expect(evaluationStateOf('tasks', 'declined')).toBe('underway');
    expect(evaluationStateOf('tasks', 'redirected')).toBeUndefined();
    expect(evaluationStateOf('tasks', 'withdrawn')).toBeUndefined();
    expect(evaluationStateOf('projects', 'proposed')).toBeUndefined();
    expect(evaluationStateOf('projects', 'completed')).toBe('awaitingAcceptance');
  });

  it('reads follow-up records as events', () => {
    expect(evaluationEventOf({ kind: 'progress' })).toBe('progress');
    expect(evaluationEventOf({ kind: 'acceptance', outcome: 'passed' })).toBe('acceptancePassed');
    expect(evaluationEventOf({ kind: 'acceptance', outcome: 'failed' })).toBe('acceptanceFailed');
    expect(evaluationEventOf({ kind: 'acceptance' })).toBeUndefined();
    expect(evaluationEventOf({ kind: 'callback', outcome: 'basicallySatisfied' })).toBe(
      'callbackBasicallySatisfied',
    );
    expect(evaluationEventOf({ kind: 'callback', outcome: 'satisfied' })).toBe('callbackSatisfied');
    expect(evaluationEventOf({ kind: 'callback' })).toBeUndefined();
  });
});

describe('allowedEvents', () => {
  it('leaves out events whose guard refuses when given the facts', () => {
    const chair = { role: 'hall-chair' } as const;
    expect(allowedEvents(topicMachine, 'collecting', chair)).toEqual([
      'selectStakeholders',
      'answer',
      'deepen',
      'escalate',
      'drop',
    ]);
    expect(allowedEvents(topicMachine, 'collecting', chair, { track: 'quick', level: 'courtyard' })).toEqual([
      'answer',
      'deepen',
      'escalate',
      'drop',
    ]);
    expect(allowedEvents(topicMachine, 'collecting', chair, { track: 'inDepth', level: 'street' })).toEqual([
      'selectStakeholders',
      'drop',
    ]);
  });
});
