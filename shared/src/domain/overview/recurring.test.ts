import { describe, expect, it } from 'vitest';
import { demand, NOW } from '#shared/domain/handling/fixtures';
import { recurringProblems, windowStart } from '#shared/domain/overview/index';
import type { PlaceFacts } from '#shared/domain/aggregations/index';

// NOW is Friday 2026-11-20 10:00 in Beijing (02:00 UTC).
const daysAgo = (d: number, h = 0) => new Date(Date.parse(NOW) - (d * 24 + h) * 3_600_000).toISOString();

const places: PlaceFacts[] = [
  { id: 'p1', scope: 'xg', kind: 'street', name: '小关街道' },
  { id: 'p2', scope: 'xg.hxy', kind: 'community', name: '惠新苑社区' },
  { id: 'p3', scope: 'xg.hxy.y45', kind: 'courtyard', name: '45号院' },
  { id: 'p4', scope: 'xg.hxy.y45.b1', kind: 'building', name: '1号楼' },
  { id: 'p5', scope: 'xg.hxy.y45.b1.u2', kind: 'entrance', name: '2单元' },
  { id: 'p6', scope: 'xg.hxy.y46', kind: 'courtyard', name: '46号院' },
  { id: 'p7', scope: 'xg.gyj', kind: 'community', name: '光熙门社区' },
  { id: 'p8', scope: 'xg.gyj.y1', kind: 'courtyard', name: '1号院' },
];

const charging = (id: string, scope: string, receivedAt: string, extra = {}) =>
  demand(id, 'received', { scope, category: 'evCharging', receivedAt, ...extra });

describe('未诉先办: recurring problems by place and category', () => {
  it('rolls buildings and entrances up to their courtyard, one group per place and category', () => {
    const demands = [
      charging('a', 'xg.hxy.y45', daysAgo(1)),
      charging('b', 'xg.hxy.y45.b1', daysAgo(10)),
      charging('c', 'xg.hxy.y45.b1.u2', daysAgo(40)),
      charging('d', 'xg.hxy.y46', daysAgo(2)),
      demand('e', 'received', { scope: 'xg.hxy.y45.b1', category: 'parking', receivedAt: daysAgo(3) }),
    ];
    const { groups } = recurringProblems(demands, { now: NOW, places });
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({
      key: 'xg.hxy.y45|evCharging',
      scope: 'xg.hxy.y45',
      category: 'evCharging',
      count: 3,
      demandIds: ['a', 'b', 'c'],
      firstAt: daysAgo(40),
      lastAt: daysAgo(1),
    });
  });

  it('keeps a demand placed above courtyard level at its own place', () => {
    const demands = ['a', 'b', 'c'].map((id, i) => charging(id, 'xg.hxy', daysAgo(i)));
    const { groups } = recurringProblems(demands, { now: NOW, places });
    expect(groups.map((g) => g.scope)).toEqual(['xg.hxy']);
  });

  it('needs at least minCount demands (3 unless told)', () => {
    const two = [charging('a', 'xg.hxy.y45', daysAgo(1)), charging('b', 'xg.hxy.y45', daysAgo(2))];
    expect(recurringProblems(two, { now: NOW, places }).groups).toEqual([]);
    expect(recurringProblems(two, { now: NOW, places, minCount: 2 }).groups.map((g) => g.count)).toEqual([2]);
    const three = [...two, charging('c', 'xg.hxy.y45', daysAgo(3))];
    expect(recurringProblems(three, { now: NOW, places }).groups.map((g) => g.count)).toEqual([3]);
    expect(recurringProblems(three, { now: NOW, places, minCount: 4 }).groups).toEqual([]);
  });

  it('counts the window in Beijing calendar days, today included', () => {
    // 90 Beijing days ending Friday 2026-11-20 start on 2026-08-23 00:00 Beijing = 08-22 16:00 UTC.
    expect(windowStart(NOW, 90)).toBe('2026-08-22T16:00:00.000Z');
    expect(windowStart(NOW, 1)).toBe('2026-11-19T16:00:00.000Z');
    const edge = [
      charging('inside', 'xg.hxy.y45', '2026-08-22T16:00:00.000Z'), // 08-23 00:00 Beijing
      charging('outside', 'xg.hxy.y45', '2026-08-22T15:59:59.999Z'), // 08-22 23:59 Beijing
      charging('b', 'xg.hxy.y45', daysAgo(1)),
      charging('c', 'xg.hxy.y45', daysAgo(2)),
      charging('future', 'xg.hxy.y45', '2026-11-20T03:00:00.000Z'), // after now
    ];
    const result = recurringProblems(edge, { now: NOW, places });
    expect(result.since).toBe('2026-08-22T16:00:00.000Z');
    expect(result.windowDays).toBe(90);
    expect(result.groups[0]?.demandIds).toEqual(['b', 'c', 'inside']);
    expect(() => windowStart(NOW, 0)).toThrow(RangeError);
  });

  it('leaves out duplicates, unreasonable demands and places outside the scope', () => {
    const demands = [
      charging('a', 'xg.hxy.y45', daysAgo(1)),
      charging('b', 'xg.hxy.y45', daysAgo(2)),
      charging('dup', 'xg.hxy.y45', daysAgo(3), { status: 'duplicate' }),
      charging('dupOf', 'xg.hxy.y45', daysAgo(3), { duplicateOf: 'a' }),
      charging('unreasonable', 'xg.hxy.y45', daysAgo(4), { reasonable: false }),
      charging('x', 'xg.gyj.y1', daysAgo(1)),
      charging('y', 'xg.gyj.y1', daysAgo(2)),
      charging('z', 'xg.gyj.y1', daysAgo(3)),
    ];
    expect(recurringProblems(demands, { now: NOW, places }).groups.map((g) => g.key)).toEqual([
      'xg.gyj.y1|evCharging',
    ]);
    expect(recurringProblems(demands, { now: NOW, places, scope: 'xg.hxy' }).groups).toEqual([]);
  });

  it('tells which demands may still join a topic and which topics already hold some', () => {
    const demands = [
      charging('new', 'xg.hxy.y45', daysAgo(1)),
      charging('accepted', 'xg.hxy.y45', daysAgo(2), { status: 'accepted' }),
      charging('inTopic', 'xg.hxy.y45', daysAgo(3), { status: 'inTopic', topicId: 't1' }),
      charging('resolved', 'xg.hxy.y45', daysAgo(4), { status: 'resolved' }),
    ];
    const [group] = recurringProblems(demands, { now: NOW, places }).groups;
    expect(group?.count).toBe(4);
    expect(group?.linkable).toEqual(['new', 'accepted']);
    expect(group?.topicIds).toEqual(['t1']);
  });

  it('puts the most frequent first, then the most recent', () => {
    const demands = [
      ...['a', 'b', 'c'].map((id, i) => charging(id, 'xg.hxy.y46', daysAgo(20 + i))),
      ...['d', 'e', 'f'].map((id, i) => charging(id, 'xg.gyj.y1', daysAgo(5 + i))),
      ...['g', 'h', 'i', 'j'].map((id, i) => charging(id, 'xg.hxy.y45', daysAgo(50 + i))),
    ];
    expect(recurringProblems(demands, { now: NOW, places }).groups.map((g) => g.scope)).toEqual([
      'xg.hxy.y45',
      'xg.gyj.y1',
      'xg.hxy.y46',
    ]);
  });

  it('rolls up by the scope convention when no places are given', () => {
    const demands = ['a', 'b', 'c'].map((id, i) => charging(id, `xg.hxy.y45.b${i}`, daysAgo(i)));
    expect(recurringProblems(demands, { now: NOW }).groups.map((g) => g.scope)).toEqual(['xg.hxy.y45']);
  });
});
