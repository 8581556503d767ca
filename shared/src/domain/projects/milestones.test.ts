import { describe, expect, it } from 'vitest';
import { milestoneProblems, milestoneStatus, milestoneSummary, sortMilestones } from './milestones';

const now = '2026-06-10T02:00:00.000Z';
const m = (id: string, dueAt: string, doneAt?: string) => ({
  id,
  title: `节点${id}`,
  dueAt,
  ...(doneAt ? { doneAt } : {}),
});

describe('milestone status', () => {
  it('tells done, done late, overdue, due soon and pending apart', () => {
    expect(milestoneStatus(m('1', '2026-06-01T00:00:00.000Z', '2026-05-30T00:00:00.000Z'), now)).toBe('done');
    expect(milestoneStatus(m('2', '2026-06-01T00:00:00.000Z', '2026-06-03T00:00:00.000Z'), now)).toBe(
      'doneLate',
    );
    expect(milestoneStatus(m('3', '2026-06-09T00:00:00.000Z'), now)).toBe('overdue');
    expect(milestoneStatus(m('4', '2026-06-17T02:00:00.000Z'), now)).toBe('dueSoon');
    expect(milestoneStatus(m('5', '2026-06-17T02:00:00.001Z'), now)).toBe('pending');
  });

  it('summarises with the next open milestone', () => {
    const list = [
      m('a', '2026-07-01T00:00:00.000Z'),
      m('b', '2026-06-01T00:00:00.000Z', '2026-06-02T00:00:00.000Z'),
      m('c', '2026-06-05T00:00:00.000Z'),
      m('d', '2026-06-12T00:00:00.000Z'),
    ];
    const summary = milestoneSummary(list, now);
    expect(summary).toMatchObject({ total: 4, done: 1, overdue: 1, dueSoon: 1 });
    expect(summary.next?.id).toBe('c');
    expect(milestoneSummary([], now)).toEqual({ total: 0, done: 0, overdue: 0, dueSoon: 0 });
    expect(sortMilestones(list).map((x) => x.id)).toEqual(['b', 'c', 'd', 'a']);
  });

  it('names the problems of a new milestone', () => {
    const existing = [m('1', '2026-06-01T00:00:00.000Z')];
    expect(milestoneProblems({ title: ' ', dueAt: '' }, existing)).toEqual([
      '请填写节点名称',
      '请填写计划完成日期',
    ]);
    expect(milestoneProblems({ title: '节点1', dueAt: '2026-07-01T00:00:00.000Z' }, existing)).toEqual([
      '已有同名节点“节点1”',
    ]);
    expect(milestoneProblems({ title: '施工', dueAt: '2026-07-01T00:00:00.000Z' }, existing)).toEqual([]);
  });
});
