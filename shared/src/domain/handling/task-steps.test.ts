import { describe, expect, it } from 'vitest';
import { threeRates } from '#shared/domain/aggregations/index';
import type { TaskDoc } from '#shared/schema/index';
import {
  closeTask,
  demandsResolved,
  escalateTask,
  inspectTask,
  partyStep,
  recordCallback,
  reportProgress,
  type TaskStepResult,
} from '#shared/domain/handling/index';
import { ctxAt, demand, demandOf, followUpsOf, NOW, sampleTasks, tasksOf } from './fixtures';

const later = (days: number) => new Date(Date.parse(NOW) + days * 86_400_000).toISOString();
const ok = (result: TaskStepResult) => {
  if (!result.ok) throw new Error(result.message);
  return result;
};
const partyOf = (task: TaskDoc) => task.parties[0]?.partyId ?? '';

/** A task its party accepted and finished. */
function finishedTask(): TaskDoc {
  const [task] = sampleTasks();
  if (!task) throw new Error('no task');
  const accepted = ok(partyStep(task, partyOf(task), 'accept', {}, ctxAt(later(1)))).task;
  return ok(partyStep(accepted, partyOf(task), 'finish', { note: '线路已更换' }, ctxAt(later(5)))).task;
}

describe('party steps', () => {
  it('records decline and redirect with their reason, and the task follows its parties', () => {
    const [task] = sampleTasks();
    if (!task) throw new Error('no task');
    expect(partyStep(task, partyOf(task), 'decline', {}, ctxAt())).toMatchObject({
      ok: false,
      message: '退回(不属于职责)需要: 理由',
    });
    const declined = ok(partyStep(task, partyOf(task), 'decline', { reason: '不属于物业管理范围' }, ctxAt()));
    expect(declined.task.status).toBe('declined');
    expect(declined.task.parties[0]).toMatchObject({ state: 'declined', reason: '不属于物业管理范围' });
    expect(followUpsOf(declined)[0]).toMatchObject({
      kind: 'progress',
      subjectCollection: 'tasks',
      subjectId: task.id,
      note: '京惠物业退回(不属于职责)：不属于物业管理范围',
    });
    expect(declined.change.audit[0]).toMatchObject({
      action: 'task.party.decline',
      targetCollection: 'tasks',
      targetId: task.id,
    });
    const redirected = ok(
      partyStep(
        task,
        partyOf(task),
        'redirect',
        { reason: '产权单位负责', redirectedTo: '远东仪表厂' },
        ctxAt(),
      ),
    );
    expect(redirected.task.parties[0]).toMatchObject({ state: 'redirected', redirectedTo: '远东仪表厂' });
    expect(partyStep(task, 'nobody', 'accept', {}, ctxAt()).ok).toBe(false);
  });

  it('finishes with what was done and stamps finishedAt once', () => {
    const task = finishedTask();
    expect(task).toMatchObject({ status: 'finished', finishedAt: later(5) });
    expect(task.parties[0]?.state).toBe('finished');
  });

  it('reports progress with a photo count, and not without a note', () => {
    const [task] = sampleTasks();
    if (!task) throw new Error('no task');
    const step = ok(reportProgress(task, { note: '已进场施工', photoCount: 3 }, ctxAt()));
    expect(followUpsOf(step)[0]).toMatchObject({ kind: 'progress', note: '已进场施工', photoCount: 3 });
    expect(step.task).toBe(task);
    expect(reportProgress(task, { note: ' ' }, ctxAt()).ok).toBe(false);
    expect(reportProgress(task, { note: '拍照', photoCount: -1 }, ctxAt()).ok).toBe(false);
  });
});

describe('督办 escalation', () => {
  it('raises supervision to the community, then the street, and no further', () => {
    const [task] = sampleTasks();
    if (!task) throw new Error('no task');
    expect(escalateTask(task, { reason: '' }, ctxAt()).ok).toBe(false);
    const first = ok(escalateTask(task, { reason: '逾期未完成' }, ctxAt(later(20))));
    expect(first.task).toMatchObject({ escalationLevel: 1, status: 'assigned', level: 'courtyard' });
    expect(followUpsOf(first)[0]).toMatchObject({
      kind: 'escalation',
      toLevel: 'community',
      note: '逾期未完成',
    });
    const second = ok(escalateTask(first.task, { reason: '仍未完成' }, ctxAt(later(25))));
    expect(followUpsOf(second)[0]).toMatchObject({ toLevel: 'street' });
    expect(escalateTask(second.task, { reason: '再次督办' }, ctxAt())).toMatchObject({
      ok: false,
      message: '已经是街道督办,不能再升级',
    });
  });

  it('is refused to a leader and for work already finished', () => {
    const [task] = sampleTasks();
    if (!task) throw new Error('no task');
    expect(escalateTask(task, { reason: '逾期' }, ctxAt(NOW, 'leader')).ok).toBe(false);
    expect(escalateTask(finishedTask(), { reason: '逾期' }, ctxAt()).ok).toBe(false);
  });
});

describe('验收 acceptance', () => {
  it('accepts a finished task when it passes', () => {
    const step = ok(
      inspectTask(
        finishedTask(),
        { outcome: 'passed', note: '现场验收合格', photoCount: 2 },
        ctxAt(later(6)),
      ),
    );
    expect(step.task).toMatchObject({ status: 'accepted', acceptedAt: later(6) });
    expect(followUpsOf(step)[0]).toMatchObject({ kind: 'acceptance', outcome: 'passed', photoCount: 2 });
  });

  it('sends every party back when it fails, and refuses a task not finished', () => {
    const step = ok(
      inspectTask(finishedTask(), { outcome: 'failed', note: '电表箱未更换' }, ctxAt(later(6))),
    );
    expect(step.task.status).toBe('reopened');
    expect(step.task.finishedAt).toBeUndefined();
    expect(step.task.parties.every((p) => p.state === 'pending')).toBe(true);
    expect(inspectTask(finishedTask(), { outcome: 'failed', note: '' }, ctxAt()).ok).toBe(false);
    const [open] = sampleTasks();
    if (!open) throw new Error('no task');
    expect(inspectTask(open, { outcome: 'passed', note: '验收' }, ctxAt()).ok).toBe(false);
  });

  it('closes an accepted task only with the passed acceptance record', () => {
    const accepted = ok(inspectTask(finishedTask(), { outcome: 'passed', note: '合格' }, ctxAt(later(6))));
    expect(closeTask(accepted.task, undefined, ctxAt()).ok).toBe(false);
    const closed = ok(closeTask(accepted.task, followUpsOf(accepted)[0], ctxAt(later(7))));
    expect(closed.task).toMatchObject({ status: 'closed', closedAt: later(7) });
  });
});

describe('resolution and call-backs (回访)', () => {
  const settle = () => {
    const [a, b] = sampleTasks();
    if (!a || !b) throw new Error('no tasks');
    const acceptedA = ok(
      inspectTask(finishTask(a), { outcome: 'passed', note: '合格' }, ctxAt(later(6))),
    ).task;
    return { acceptedA, b };
  };
  const finishTask = (task: TaskDoc) => {
    const accepted = ok(partyStep(task, partyOf(task), 'accept', {}, ctxAt(later(1)))).task;
    return ok(partyStep(accepted, partyOf(task), 'finish', { note: '完成' }, ctxAt(later(5)))).task;
  };

  it('resolves a demand only when every task handling it passed acceptance', () => {
    const { acceptedA, b } = settle();
    const demands = [demand('d-1', 'handling'), demand('d-2', 'handling')];
    expect(demandsResolved([acceptedA, b], demands, '合格', ctxAt())).toEqual([]);
    const acceptedB = ok(
      inspectTask(finishTask(b), { outcome: 'passed', note: '合格' }, ctxAt(later(7))),
    ).task;
    const resolved = demandsResolved([acceptedA, acceptedB], demands, '合格', ctxAt(later(7)));
    expect(resolved.map((d) => [d.status, d.resolvedAt])).toEqual([
      ['resolved', later(7)],
      ['resolved', later(7)],
    ]);
  });

  it('counts a task handed on by 转交 or withdrawn as settled, but needs one accepted', () => {
    const { acceptedA, b } = settle();
    const demands = [demand('d-1', 'handling'), demand('d-2', 'handling')];
    const redirected: TaskDoc = { ...b, status: 'redirected' };
    expect(demandsResolved([acceptedA, redirected], demands, '合格', ctxAt()).map((d) => d.status)).toEqual([
      'resolved',
      'resolved',
    ]);
    const withdrawn: TaskDoc = { ...b, status: 'withdrawn' };
    expect(demandsResolved([withdrawn], demands, '合格', ctxAt())).toEqual([]);
  });

  it('满意 closes the demand, and the task once all of its demands are closed', () => {
    const { acceptedA } = settle();
    const d1 = demand('d-1', 'resolved', { resolvedAt: later(6) });
    const first = recordCallback(
      d1,
      { outcome: 'satisfied', note: '' },
      { tasks: [acceptedA], otherDemands: [demand('d-2', 'resolved')] },
      ctxAt(later(8)),
    );
    if (!first.ok) throw new Error(first.message);
    expect(demandOf(first)).toMatchObject({ status: 'closed', closedAt: later(8) });
    expect(followUpsOf(first)[0]).toMatchObject({
      kind: 'callback',
      outcome: 'satisfied',
      demandId: 'd-1',
      note: '回访：满意',
    });
    expect(tasksOf(first)).toEqual([]);
    const second = recordCallback(
      demand('d-2', 'resolved'),
      { outcome: 'basicallySatisfied', note: '希望加强巡查' },
      { tasks: [acceptedA], otherDemands: [demandOf(first)] },
      ctxAt(later(9)),
    );
    if (!second.ok) throw new Error(second.message);
    expect(tasksOf(second).map((t) => [t.id, t.status])).toEqual([[acceptedA.id, 'closed']]);
  });

  it('不满意 reopens the demand and its task, needs a note, and changes the rates', () => {
    const { acceptedA } = settle();
    const d1 = demand('d-1', 'resolved', { resolvedAt: later(6), respondedAt: later(0) });
    expect(recordCallback(d1, { outcome: 'unsatisfied', note: '' }, { tasks: [acceptedA] }, ctxAt()).ok).toBe(
      false,
    );
    const result = recordCallback(
      d1,
      { outcome: 'unsatisfied', note: '仍然跳闸' },
      { tasks: [acceptedA] },
      ctxAt(later(8)),
    );
    if (!result.ok) throw new Error(result.message);
    expect(demandOf(result)).toMatchObject({ status: 'handling', reopenedCount: 1 });
    expect(demandOf(result).resolvedAt).toBeUndefined();
    expect(tasksOf(result)[0]).toMatchObject({ status: 'reopened' });
    expect(tasksOf(result)[0]?.parties.every((p) => p.state === 'pending')).toBe(true);
    expect(result.change.audit.map((a) => a.action)).toEqual(['callback.record', 'task.reopen']);

    const period = { scope: 'xg', from: '2026-11-01T00:00:00.000Z', to: '2026-12-31T00:00:00.000Z' };
    const before = threeRates([d1], [], period);
    const after = threeRates([demandOf(result)], followUpsOf(result), period);
    expect([before.resolutionRate, before.satisfactionRate]).toEqual([1, null]);
    expect([after.resolutionRate, after.satisfactionRate, after.reopenedUnresolved]).toEqual([0, 0, 1]);
  });

  it('calls back only reasonable demands awaiting it', () => {
    expect(
      recordCallback(demand('d-1', 'handling'), { outcome: 'satisfied', note: '' }, { tasks: [] }, ctxAt())
        .ok,
    ).toBe(false);
    expect(
      recordCallback(
        demand('d-1', 'unreasonable', { reasonable: false }),
        { outcome: 'satisfied', note: '' },
        { tasks: [] },
        ctxAt(),
      ).ok,
    ).toBe(false);
    expect(
      recordCallback(
        demand('d-1', 'resolved'),
        { outcome: 'satisfied', note: '' },
        { tasks: [] },
        ctxAt(NOW, 'leader'),
      ).ok,
    ).toBe(false);
  });
});
