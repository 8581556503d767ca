import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TASK_STATES } from '#shared/domain/vocab';
import type { FollowUpDoc, TaskDoc } from '#shared/schema/index';
import { callbackList, supervisionBoard } from '#shared/domain/handling/index';
import { demand, NOW, stamp } from './fixtures';

const DAY = 86_400_000;
const at = (days: number) => new Date(Date.parse(NOW) + days * DAY).toISOString();

function task(id: string, scope: string, fields: Partial<TaskDoc> = {}): TaskDoc {
  return {
    id,
    scope,
    ...stamp,
    demandIds: [],
    title: id,
    description: '',
    classification: 'individual',
    level: 'courtyard',
    status: 'inProgress',
    parties: [
      {
        partyId: `${id}-p`,
        name: '京惠物业',
        kind: 'propertyCompany',
        organizationId: 'org-11',
        state: 'accepted',
        updatedAt: NOW,
      },
    ],
    assignedAt: at(-10),
    dueAt: at(10),
    escalationLevel: 0,
    ...fields,
  };
}

const progress = (subjectId: string, days: number): FollowUpDoc => ({
  id: `f-${subjectId}-${days}`,
  scope: 'xg',
  ...stamp,
  kind: 'progress',
  subjectCollection: 'tasks',
  subjectId,
  at: at(days),
  by: 'd',
  note: '进展',
});

describe('supervision board', () => {
  const tasks = [
    task('late', 'xg.gyj.gyj2', { dueAt: at(-3), escalationLevel: 1 }), // overdue, supervised by the community
    task('soon', 'xg.gyj.gyj3', { dueAt: at(1) }), // due within 72 h
    task('idle', 'xg.hxy.hxy6', { assignedAt: at(-30), dueAt: at(30) }), // no progress for 30 days
    task('busy', 'xg.hxy.hxy6', { assignedAt: at(-30), dueAt: at(30) }), // progress 2 days ago
    task('done', 'xg.gyj.gyj2', {
      status: 'finished',
      dueAt: at(-3),
      parties: [
        {
          partyId: 'done-p',
          name: '远东仪表厂',
          kind: 'propertyRightsUnit',
          organizationId: 'org-22',
          state: 'finished',
          updatedAt: NOW,
        },
      ],
    }),
    task('closed', 'xg.gyj.gyj2', { status: 'closed', dueAt: at(-3) }),
    // 不属于职责: nobody is on it until the worker reassigns it, so it heads the board.
    task('back', 'xg.hxy.hxy6', {
      status: 'declined',
      dueAt: at(10),
      parties: [
        {
          partyId: 'back-p',
          name: '远东仪表厂',
          kind: 'propertyRightsUnit',
          organizationId: 'org-22',
          state: 'declined',
          reason: '不属于产权单位职责',
          updatedAt: NOW,
        },
      ],
    }),
    task('elsewhere', 'xh.a.b', { dueAt: at(-3) }),
  ];
  const followUps = [progress('busy', -2), progress('late', -1), progress('soon', -1)];
  const board = supervisionBoard(tasks, followUps, { now: NOW, scope: 'xg' });

  it('sorts open work into overdue, due soon and stalled, and finished work into awaiting acceptance', () => {
    const buckets = Object.fromEntries(board.items.map((i) => [i.task.id, i.buckets]));
    expect(buckets).toEqual({
      late: ['overdue'],
      soon: ['dueSoon'],
      idle: ['stalled'],
      busy: [],
      done: ['awaitingAcceptance'],
      back: ['returned'],
    });
    expect(board.items.map((i) => i.task.id)).toEqual(['back', 'late', 'soon', 'idle', 'done', 'busy']);
    const late = board.items[1];
    expect(late).toMatchObject({ hours: 72, supervisedAt: 'community' });
    expect(board.items.find((i) => i.task.id === 'idle')?.idleDays).toBe(30);
    expect(board.total).toEqual({
      open: 5,
      returned: 1,
      overdue: 1,
      dueSoon: 1,
      stalled: 1,
      awaitingAcceptance: 1,
    });
  });

  it('counts per place below the board and per responsible party that still owes work', () => {
    expect(board.byPlace).toEqual([
      { scope: 'xg.gyj', open: 2, returned: 0, overdue: 1, dueSoon: 1, stalled: 0, awaitingAcceptance: 1 },
      { scope: 'xg.hxy', open: 3, returned: 1, overdue: 0, dueSoon: 0, stalled: 1, awaitingAcceptance: 0 },
    ]);
    expect(board.byParty).toEqual([
      {
        key: 'org-11',
        name: '京惠物业',
        kind: 'propertyCompany',
        open: 4,
        returned: 0,
        overdue: 1,
        dueSoon: 1,
        stalled: 1,
        awaitingAcceptance: 0,
      },
      {
        key: 'org-22',
        name: '远东仪表厂',
        kind: 'propertyRightsUnit',
        open: 0,
        returned: 0,
        overdue: 0,
        dueSoon: 0,
        stalled: 0,
        awaitingAcceptance: 1,
      },
    ]);
  });

  it('changes with the clock: the due-soon task is overdue three days later', () => {
    const later = supervisionBoard(tasks, followUps, { now: at(3), scope: 'xg.gyj' });
    expect(later.items.filter((i) => i.buckets.includes('overdue')).map((i) => i.task.id)).toEqual([
      'late',
      'soon',
    ]);
    expect(later.byPlace.map((p) => p.scope)).toEqual(['xg.gyj.gyj2', 'xg.gyj.gyj3']);
  });
});

describe('board totals', () => {
  it('adds up: the places below the board hold every counted task exactly once', () => {
    const places = ['xg.gyj.gyj2', 'xg.gyj.gyj3', 'xg.hxy.hxy6', 'xg.hxy', 'xg'];
    const arbitraryTask = fc.record({
      place: fc.constantFrom(...places),
      status: fc.constantFrom(...TASK_STATES),
      due: fc.integer({ min: -20, max: 20 }),
      assigned: fc.integer({ min: -40, max: 0 }),
    });
    fc.assert(
      fc.property(fc.array(arbitraryTask, { maxLength: 30 }), (specs) => {
        const list = specs.map((s, i) =>
          task(`t${i}`, s.place, { status: s.status, dueAt: at(s.due), assignedAt: at(s.assigned) }),
        );
        const result = supervisionBoard(list, [], { now: NOW, scope: 'xg' });
        for (const key of ['open', 'overdue', 'dueSoon', 'stalled', 'awaitingAcceptance'] as const) {
          expect(result.byPlace.reduce((sum, row) => sum + row[key], 0)).toBe(result.total[key]);
        }
        expect(result.total.awaitingAcceptance).toBe(specs.filter((s) => s.status === 'finished').length);
        expect(result.total.overdue).toBe(
          specs.filter((s) => ['assigned', 'inProgress', 'reopened'].includes(s.status) && s.due < 0).length,
        );
      }),
    );
  });
});

describe('call-back list', () => {
  const callback = (demandId: string, days: number, outcome: FollowUpDoc['outcome']): FollowUpDoc => ({
    id: `cb-${demandId}-${days}`,
    scope: 'xg.hxy.hxy6',
    ...stamp,
    kind: 'callback',
    subjectCollection: 'demands',
    subjectId: demandId,
    demandId,
    at: at(days),
    by: 'd',
    note: '',
    ...(outcome ? { outcome } : {}),
  });

  it('lists answered and resolved reasonable demands awaiting a call-back, with the last one', () => {
    const demands = [
      demand('d-1', 'resolved', { resolvedAt: at(-1) }),
      demand('d-2', 'answered', { respondedAt: at(-5) }),
      demand('d-3', 'closed'),
      demand('d-4', 'handling', { reopenedCount: 1 }),
      demand('d-5', 'unreasonable', { reasonable: false }),
      demand('d-6', 'resolved', { scope: 'xg.gyj.gyj2' }),
    ];
    const list = callbackList(
      demands,
      [
        callback('d-3', -2, 'satisfied'),
        callback('d-4', -3, 'unsatisfied'),
        callback('d-1', -4, 'unsatisfied'),
      ],
      [{ id: 't-1', demandIds: ['d-1', 'd-3'] }],
      'xg.hxy',
    );
    expect(list.awaiting.map((r) => r.demand.id)).toEqual(['d-2', 'd-1']);
    expect(list.awaiting[1]).toMatchObject({ taskIds: ['t-1'], last: { outcome: 'unsatisfied' } });
    expect(list.done.map((r) => [r.demand.id, r.last?.outcome])).toEqual([
      ['d-3', 'satisfied'],
      ['d-4', 'unsatisfied'],
    ]);
  });
});
