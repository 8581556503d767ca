import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { byTopicOrder, moveInOrder, ordersByPriority, topicPriority, type PriorityDemand } from './priority';

const NOW = '2026-06-01T00:00:00.000Z';
const d = (over: Partial<PriorityDemand> = {}): PriorityDemand => ({
  urgency: 'normal',
  vulnerable: false,
  receivedAt: NOW,
  ...over,
});

describe('topicPriority', () => {
  it('counts demands, urgency, vulnerable residents and waiting time, part by part', () => {
    const p = topicPriority(
      [
        d(),
        d({ urgency: 'urgent' }),
        d({ urgency: 'critical', vulnerable: true, receivedAt: '2026-05-22T00:00:00.000Z' }),
      ],
      NOW,
    );
    expect(p.parts.map((x) => [x.key, x.points])).toEqual([
      ['demands', 30],
      ['urgency', 20],
      ['vulnerable', 8],
      ['age', 5],
    ]);
    expect(p.score).toBe(63);
    expect(p.parts.map((x) => x.label)).toEqual([
      '3 条诉求',
      '特急 1 条、紧急 1 条',
      '涉及困难群体 1 条',
      '最早一条已等待 10 天',
    ]);
  });

  it('caps the waiting time so an old topic cannot outrank many residents forever', () => {
    expect(topicPriority([d({ receivedAt: '2020-01-01T00:00:00.000Z' })], NOW).score).toBe(25);
  });

  it('never falls when a demand is added', () => {
    const demand = fc.record({
      urgency: fc.constantFrom('normal', 'urgent', 'critical') as fc.Arbitrary<PriorityDemand['urgency']>,
      vulnerable: fc.boolean(),
      receivedAt: fc.constantFrom(NOW, '2026-05-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z'),
    });
    fc.assert(
      fc.property(fc.array(demand, { maxLength: 10 }), demand, (list, extra) => {
        expect(topicPriority([...list, extra], NOW).score).toBeGreaterThan(topicPriority(list, NOW).score);
      }),
    );
  });
});

describe('courtyard topic order', () => {
  const topics = [
    { id: 'a', order: 0, priority: 10 },
    { id: 'b', order: 1, priority: 50 },
    { id: 'c', order: 2, priority: 30 },
  ];
  it('ranks by priority to start with', () => {
    expect(ordersByPriority(topics)).toEqual(
      new Map([
        ['b', 0],
        ['c', 1],
        ['a', 2],
      ]),
    );
  });
  it('moves a topic up or down and renumbers', () => {
    expect(moveInOrder(topics, 'c', 'up')).toEqual(
      new Map([
        ['c', 1],
        ['b', 2],
      ]),
    );
    expect(moveInOrder(topics, 'a', 'up')).toEqual(new Map());
    expect(moveInOrder(topics, 'c', 'down')).toEqual(new Map());
    expect(moveInOrder([...topics, { id: 'd', order: 0, priority: 99 }], 'a', 'down')).toEqual(
      new Map([
        ['a', 2],
        ['c', 3],
      ]),
    );
  });
  it('breaks ties of the manual order by priority', () => {
    expect(
      [
        { id: 'x', order: 0, priority: 1 },
        { id: 'y', order: 0, priority: 2 },
      ]
        .sort(byTopicOrder)
        .map((t) => t.id),
    ).toEqual(['y', 'x']);
  });
});
