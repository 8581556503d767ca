import { describe, expect, it } from 'vitest';
import { docsOf } from '#shared/domain/commands/index';
import { assignTasks, mayAssign } from './assign';
import { ctxAt, decision, demand, meeting, topic } from './fixtures';
import { decisionSource } from './tasks-from-decision';

const source = decisionSource(decision, { meeting, topic });
const related = { topic, demands: [demand('d-1', 'inTopic'), demand('d-2', 'answered')] };

describe('assignTasks (转为办理任务)', () => {
  it('inserts the tasks, moves the topic and waiting demands on, and audits each in Chinese', () => {
    const result = assignTasks(source, { split: true }, related, ctxAt());
    if (!result.ok) throw new Error(result.message);
    expect(docsOf(result.change, 'insert', 'tasks')).toEqual(result.tasks);
    expect(result.tasks).toHaveLength(2);
    expect(docsOf(result.change, 'update', 'topics').map((t) => t.status)).toEqual(['handling']);
    expect(docsOf(result.change, 'update', 'demands').map((d) => [d.id, d.status])).toEqual([
      ['d-1', 'handling'],
    ]);
    expect(result.change.audit.map((a) => a.action)).toEqual([
      'task.assign',
      'task.assign',
      'demand.startHandling',
      'topic.startHandling',
    ]);
    // 2026-11-20 10:00 Beijing plus the 10 working days of a 个别性 task, in Beijing time.
    expect(result.change.audit[0]?.detail).toMatch(/（个别性，期限 2026-12-04 10:00）$/);
    expect(result.change.audit[3]?.detail).toBe('6号院电气线路改造：交办 2 项任务');
  });

  it('refuses an actor who may not hand work out there, and writes nothing', () => {
    const viewer = ctxAt(undefined, 'viewer');
    expect(assignTasks(source, {}, related, viewer)).toMatchObject({ ok: false });
    const outside = { ...ctxAt(), actor: { id: 'd', role: 'community-worker' as const, scope: 'xg.other' } };
    expect(mayAssign(outside.actor, source, 'individual').ok).toBe(false);
    expect(assignTasks(source, {}, related, outside).ok).toBe(false);
  });

  it('passes on the planning refusals (no party, bad due date)', () => {
    expect(assignTasks(source, { parties: [] }, related, ctxAt())).toEqual({
      ok: false,
      message: '请至少选择一个责任方',
    });
    expect(assignTasks(source, { dueWorkingDays: 0 }, related, ctxAt()).ok).toBe(false);
  });
});
