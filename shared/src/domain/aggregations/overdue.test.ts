import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  overdueDemands,
  overdueTasks,
  type DemandFacts,
  type FollowUpFacts,
  type TaskFacts,
} from '#shared/domain/aggregations/index';

const now = '2026-11-29T08:00:00.000Z';
const demand = (id: string, fields: Partial<DemandFacts>): DemandFacts => ({
  id,
  scope: 'xg.gyj.hxnl5',
  title: `诉求${id}`,
  description: '',
  category: 'parking',
  status: 'handling',
  receivedAt: '2026-11-20T08:00:00.000Z',
  reasonable: true,
  reopenedCount: 0,
  ...fields,
});
const task = (id: string, fields: Partial<TaskFacts>): TaskFacts => ({
  id,
  scope: 'xg.gyj',
  title: `任务${id}`,
  status: 'inProgress',
  assignedAt: '2026-11-25T08:00:00.000Z',
  dueAt: '2026-12-05T08:00:00.000Z',
  ...fields,
});
const progress = (subjectCollection: 'demands' | 'tasks', subjectId: string, at: string): FollowUpFacts => ({
  id: `f-${subjectId}-${at}`,
  scope: 'xg.gyj',
  kind: 'progress',
  subjectCollection,
  subjectId,
  at,
});

describe('overdueDemands', () => {
  it('lists overdue, due soon and stalled open demands', () => {
    const lists = overdueDemands(
      [
        demand('late', { dueAt: '2026-11-28T08:00:00.000Z' }),
        demand('later', { dueAt: '2026-11-29T05:30:00.000Z' }),
        demand('soon', { dueAt: '2026-11-30T02:00:00.000Z' }),
        demand('fine', { dueAt: '2026-12-10T08:00:00.000Z', receivedAt: '2026-11-27T08:00:00.000Z' }),
        demand('exact', { dueAt: now, receivedAt: '2026-11-28T08:00:00.000Z' }),
        demand('done', { dueAt: '2026-11-01T08:00:00.000Z', status: 'resolved' }),
        demand('elsewhere', { dueAt: '2026-11-01T08:00:00.000Z', scope: 'xg.hxdj' }),
      ],
      [
        progress('demands', 'later', '2026-11-26T08:00:00.000Z'),
        progress('demands', 'late', '2026-12-01T08:00:00.000Z'),
      ],
      { now, scope: 'xg.gyj', stalledDays: 7 },
    );
    expect(lists.overdue).toEqual([
      { id: 'late', scope: 'xg.gyj.hxnl5', title: '诉求late', dueAt: '2026-11-28T08:00:00.000Z', hours: 24 },
      { id: 'later', scope: 'xg.gyj.hxnl5', title: '诉求later', dueAt: '2026-11-29T05:30:00.000Z', hours: 2 },
    ]);
    expect(lists.dueSoon.map((d) => [d.id, d.hours])).toEqual([
      ['exact', 0],
      ['soon', 18],
    ]);
    // "late" has a progress note dated after now: it does not count; received 9 days ago.
    expect(lists.stalled.map((s) => [s.id, s.idleDays, s.lastProgressAt])).toEqual([
      ['late', 9, undefined],
      ['soon', 9, undefined],
    ]);
  });
});

describe('overdueTasks', () => {
  it('uses progress follow-ups of the task and the assignment date', () => {
    const lists = overdueTasks(
      [
        task('quiet', { assignedAt: '2026-11-10T08:00:00.000Z', dueAt: '2026-11-27T08:00:00.000Z' }),
        task('busy', { assignedAt: '2026-11-10T08:00:00.000Z' }),
        task('accepted', { status: 'accepted', dueAt: '2026-11-01T08:00:00.000Z' }),
        task('reopened', { status: 'reopened', dueAt: '2026-11-29T19:30:00.000Z' }),
      ],
      [
        progress('tasks', 'busy', '2026-11-28T08:00:00.000Z'),
        progress('demands', 'quiet', '2026-11-28T08:00:00.000Z'),
      ],
      { now, stalledDays: 5, dueSoonHours: 12 },
    );
    expect(lists.overdue.map((t) => [t.id, t.hours])).toEqual([['quiet', 48]]);
    expect(lists.dueSoon.map((t) => [t.id, t.hours])).toEqual([['reopened', 11]]);
    expect(lists.stalled).toEqual([{ id: 'quiet', scope: 'xg.gyj', title: '任务quiet', idleDays: 19 }]);
  });

  it('a task is never both overdue and due soon', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -100, max: 100 }), { maxLength: 20 }), (offsets) => {
        const tasks = offsets.map((h, i) =>
          task(`t${i}`, { dueAt: new Date(Date.parse(now) + h * 3_600_000).toISOString() }),
        );
        const lists = overdueTasks(tasks, [], { now });
        const overdue = new Set(lists.overdue.map((t) => t.id));
        for (const t of lists.dueSoon) expect(overdue.has(t.id)).toBe(false);
        expect(lists.overdue.length).toBe(offsets.filter((h) => h < 0).length);
        expect(lists.dueSoon.length).toBe(offsets.filter((h) => h >= 0 && h < 24).length);
      }),
    );
  });
});
