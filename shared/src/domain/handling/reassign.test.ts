import { describe, expect, it } from 'vitest';
import type { TaskDoc, TopicDoc } from '#shared/schema/index';
import {
  addParty,
  closeSettledTopic,
  escalateReturned,
  inspectTask,
  partyStep,
  reassignParty,
  redirectParty,
  unsettledTasks,
  withdrawTask,
} from '#shared/domain/handling/index';
import { ctxAt, followUpsOf, NOW, sampleTasks, topic } from './fixtures';

const later = (days: number) => new Date(Date.parse(NOW) + days * 86_400_000).toISOString();
function ok<T extends { readonly ok: true }>(
  result: T | { readonly ok: false; readonly message: string },
): T {
  if (!result.ok) throw new Error(result.message);
  return result;
}
const first = (tasks: TaskDoc[]) => {
  const [task] = tasks;
  if (!task) throw new Error('no task');
  return task;
};
const partyOf = (task: TaskDoc) => task.parties[0]?.partyId ?? '';
const streetDept = {
  name: '街道城市管理办公室',
  kind: 'streetDept',
  organizationId: 'org-31',
} as const;
const heating = { name: '京能热力', kind: 'residentUnit', organizationId: 'org-41' } as const;

describe('转交 creates the new party’s task at once', () => {
  it('links both ways, keeps the decision and starts a due date by the classification’s rule', () => {
    const task = first(sampleTasks());
    const step = ok(
      redirectParty(task, partyOf(task), { reason: '线路属热力公司', to: heating }, ctxAt(later(2))),
    );
    expect(step.task.status).toBe('redirected');
    expect(step.task.parties[0]).toMatchObject({
      state: 'redirected',
      redirectedTo: '京能热力',
      redirectedToOrganizationId: 'org-41',
      successorTaskId: step.successor.id,
    });
    expect(step.successor).toMatchObject({
      redirectedFromTaskId: task.id,
      topicId: task.topicId,
      decisionRecordId: task.decisionRecordId,
      demandIds: task.demandIds,
      classification: task.classification,
      status: 'assigned',
      parties: [{ name: '京能热力', organizationId: 'org-41', state: 'pending' }],
    });
    // 个别性: 10 working days from Sunday 2026-11-22 (10:00 Beijing): Mon 23 … Fri 4 December.
    expect(step.successor.dueAt).toBe('2026-12-04T02:00:00.000Z');
    expect(followUpsOf(step)[0]?.note).toBe(`${task.parties[0]?.name}转交京能热力：线路属热力公司`);
    expect(unsettledTasks([step.task, step.successor])).toEqual([step.successor]);
  });

  it('refuses without a reason or a unit, or to a party already on the task', () => {
    const task = first(sampleTasks());
    expect(redirectParty(task, partyOf(task), { reason: '', to: heating }, ctxAt())).toMatchObject({
      ok: false,
      message: '转交需要: 理由',
    });
    expect(
      redirectParty(
        task,
        partyOf(task),
        { reason: '原因', to: { name: ' ', kind: 'residentUnit' } },
        ctxAt(),
      ),
    ).toMatchObject({ ok: false, message: '请选择接手的责任方' });
    const joint = {
      ...task,
      parties: [
        ...task.parties,
        { ...task.parties[0]!, partyId: 'x', name: '京能热力', organizationId: 'org-41' },
      ],
    };
    expect(redirectParty(joint, partyOf(task), { reason: '原因', to: heating }, ctxAt())).toMatchObject({
      ok: false,
      message: '京能热力已是本任务的责任方',
    });
  });
});

describe('a returned share waits for the worker, who reassigns it', () => {
  it('goes 待重新交办 → reassigned to a street department → finished and accepted', () => {
    const task = first(sampleTasks());
    const declined = ok(
      partyStep(task, partyOf(task), 'decline', { reason: '不属于物业职责' }, ctxAt()),
    ).task;
    expect(declined.status).toBe('declined');
    expect(unsettledTasks([declined])).toHaveLength(1);
    expect(reassignParty(declined, partyOf(task), { reason: '', to: streetDept }, ctxAt())).toMatchObject({
      ok: false,
    });
    expect(
      reassignParty(
        declined,
        partyOf(task),
        { reason: '改由城管办', to: streetDept },
        ctxAt(NOW, 'hall-chair'),
      ),
    ).toMatchObject({ ok: false, message: '议事会主持人无权重新交办' });
    const re = ok(
      reassignParty(declined, partyOf(task), { reason: '改由城管办', to: streetDept }, ctxAt(later(1))),
    );
    expect(re.task.status).toBe('assigned');
    expect(re.task.parties).toEqual([
      expect.objectContaining({ partyId: partyOf(task), name: '街道城市管理办公室', state: 'pending' }),
    ]);
    expect(re.task.dueAt >= task.dueAt).toBe(true);
    expect(followUpsOf(re)[0]?.note).toContain('退回后重新交办给街道城市管理办公室');
    const accepted = ok(partyStep(re.task, partyOf(task), 'accept', {}, ctxAt(later(2))));
    const finished = ok(
      partyStep(accepted.task, partyOf(task), 'finish', { note: '已更换' }, ctxAt(later(3))),
    );
    expect(finished.task.status).toBe('finished');
  });

  it('cannot reassign a share that was not returned', () => {
    const task = first(sampleTasks());
    expect(reassignParty(task, partyOf(task), { reason: '换人', to: streetDept }, ctxAt())).toMatchObject({
      ok: false,
      message: '待接单状态下不能重新交办',
    });
  });

  it('escalates returned work to the street as 老大难', () => {
    const task = first(sampleTasks());
    const declined = ok(partyStep(task, partyOf(task), 'decline', { reason: '不属于' }, ctxAt())).task;
    expect(escalateReturned(task, { reason: '社区无力解决' }, ctxAt())).toMatchObject({ ok: false });
    const up = ok(escalateReturned(declined, { reason: '社区无力解决' }, ctxAt()));
    expect(up.task).toMatchObject({ classification: 'chronic', level: 'street', status: 'declined' });
    expect(followUpsOf(up)[0]).toMatchObject({ kind: 'escalation', toLevel: 'street' });
  });
});

describe('parties join later; a decision may be withdrawn', () => {
  it('adds a party to an open task, and a finished task goes back to work', () => {
    const task = first(sampleTasks());
    const accepted = ok(partyStep(task, partyOf(task), 'accept', {}, ctxAt()));
    const finished = ok(partyStep(accepted.task, partyOf(task), 'finish', { note: '完成' }, ctxAt())).task;
    const added = ok(addParty(finished, streetDept, ctxAt()));
    expect(added.task.status).toBe('inProgress');
    expect(added.task.parties).toHaveLength(2);
    expect(addParty(added.task, streetDept, ctxAt())).toMatchObject({
      ok: false,
      message: '街道城市管理办公室已是本任务的责任方',
    });
    expect(addParty({ ...task, status: 'accepted' }, heating, ctxAt())).toMatchObject({ ok: false });
    expect(addParty(task, heating, ctxAt(NOW, 'leader'))).toMatchObject({ ok: false });
  });

  it('withdraws only with a reason; a withdrawn task owes nothing', () => {
    const task = first(sampleTasks());
    expect(withdrawTask(task, { reason: ' ' }, ctxAt())).toMatchObject({ ok: false });
    const gone = ok(withdrawTask(task, { reason: '下次议事会改议' }, ctxAt()));
    expect(gone.task).toMatchObject({
      status: 'withdrawn',
      withdrawnReason: '下次议事会改议',
      closedAt: NOW,
    });
    expect(unsettledTasks([gone.task])).toEqual([]);
    expect(partyStep(gone.task, partyOf(task), 'accept', {}, ctxAt())).toMatchObject({ ok: false });
  });
});

describe('the topic closes only when every share is settled', () => {
  const handling: TopicDoc = { ...topic, status: 'handling' };
  const approved = { minutesApprovedAt: NOW };

  it('waits for the last task, then closes', () => {
    const [a, b] = sampleTasks();
    if (!a || !b) throw new Error('two tasks');
    const accept = (t: TaskDoc) => {
      const p = partyOf(t);
      const s1 = ok(partyStep(t, p, 'accept', {}, ctxAt())).task;
      const s2 = ok(partyStep(s1, p, 'finish', { note: '完成' }, ctxAt())).task;
      return ok(inspectTask(s2, { outcome: 'passed', note: '验收合格' }, ctxAt())).task;
    };
    const doneA = accept(a);
    expect(closeSettledTopic(handling, [doneA, b], approved, ctxAt())).toBeUndefined();
    const redirect = ok(redirectParty(b, partyOf(b), { reason: '属热力', to: heating }, ctxAt()));
    expect(
      closeSettledTopic(handling, [doneA, redirect.task, redirect.successor], approved, ctxAt()),
    ).toBeUndefined();
    const doneC = accept(redirect.successor);
    expect(closeSettledTopic(handling, [doneA, redirect.task, doneC], undefined, ctxAt())).toBeUndefined();
    const closing = closeSettledTopic(handling, [doneA, redirect.task, doneC], approved, ctxAt());
    expect(closing?.topic.status).toBe('closed');
    expect(closing?.change.audit[0]?.action).toBe('topic.close');
  });

  it('closes after a withdrawal too, never from another state', () => {
    const [a] = sampleTasks();
    if (!a) throw new Error('task');
    const gone = ok(withdrawTask(a, { reason: '撤回' }, ctxAt())).task;
    expect(closeSettledTopic(handling, [gone], approved, ctxAt())?.topic.status).toBe('closed');
    expect(closeSettledTopic({ ...topic, status: 'scheduled' }, [gone], approved, ctxAt())).toBeUndefined();
  });
});
