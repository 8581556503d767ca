import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  bigramCosine,
  bigramJaccard,
  bigrams,
  clusterDemands,
  recurringClasses,
  similarDemands,
  type DemandFacts,
  type PlaceFacts,
} from '#shared/domain/aggregations/index';

const demand = (
  id: string,
  scope: string,
  category: DemandFacts['category'],
  title: string,
  description: string,
  receivedAt = '2026-10-10T02:00:00.000Z',
) => ({
  id,
  scope,
  category,
  title,
  description,
  receivedAt,
  status: 'accepted' as const,
  reasonable: true,
});

const demands = [
  demand('d1', 'xg.gyj.hxnl5.b3', 'parking', '院内乱停车', '5号院内晚上车辆乱停乱放，消防通道被堵'),
  demand(
    'd2',
    'xg.gyj.hxnl5.b1',
    'parking',
    '消防通道被私家车占用',
    '院里私家车乱停，堵住消防通道，救护车进不来',
  ),
  demand('d3', 'xg.gyj.hxnl5', 'parking', '停车位不够', '院内停车位太少，晚上车辆乱停'),
  demand('d4', 'xg.hxdj.y2', 'evCharging', '电动车飞线充电', '楼道里有人从窗户拉电线给电动车充电，很危险'),
  demand('d5', 'xg.xgdj.y7', 'evCharging', '充电桩不足', '小区电动车充电桩太少，居民只好飞线充电'),
  demand('d6', 'xg.gyj.hxnl3', 'sanitation', '垃圾清运不及时', '垃圾桶满了没人清运，气味很大'),
  demand('d7', 'xg.hxnl.y1', 'parking', '外来车辆收费', '外来车辆停车收费标准不清楚'),
];

describe('text similarity', () => {
  it('uses character bigrams inside runs', () => {
    expect([...bigrams('乱停车，消防').keys()]).toEqual(['乱停', '停车', '消防']);
    expect([...bigrams('5号院 A').keys()]).toEqual(['5号', '号院', 'a']);
    expect(bigramJaccard('消防通道', '消防通道')).toBe(1);
    expect(bigramJaccard('', '')).toBe(0);
    expect(bigramJaccard('消防通道', '垃圾清运')).toBe(0);
    expect(bigramCosine('', '消防')).toBe(0);
  });

  it('is symmetric, bounded and 1 on itself', () => {
    const text = fc.string({ unit: fc.constantFrom(...'停车消防通道垃圾电动充电桩院楼, 5'), maxLength: 20 });
    fc.assert(
      fc.property(text, text, (a, b) => {
        for (const sim of [bigramJaccard, bigramCosine]) {
          const x = sim(a, b);
          expect(x).toBeCloseTo(sim(b, a), 12);
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(1);
        }
        if (bigrams(a).size > 0) expect(bigramCosine(a, a)).toBeCloseTo(1, 12);
      }),
    );
  });
});

describe('clusterDemands', () => {
  it('groups by category, place nearness and description, with reasons', () => {
    const classes = clusterDemands(demands);
    expect(classes.map((c) => c.demandIds)).toEqual([
      ['d1', 'd2', 'd3'],
      ['d4', 'd5'],
    ]);
    const [parking, charging] = classes;
    expect(parking).toMatchObject({ category: 'parking', scope: 'xg.gyj.hxnl5' });
    expect(parking!.reasons[0]).toBe('同属停车管理');
    expect(parking!.reasons[1]).toBe('同一院落: xg.gyj.hxnl5');
    expect(parking!.reasons[2]).toMatch(/^描述相似度 0\.\d\d$/);
    expect(charging).toMatchObject({ category: 'evCharging', scope: 'xg' });
    expect(charging!.reasons[1]).toBe('涉及 2 处院落或社区');
    expect(parking!.score).toBeGreaterThan(charging!.score);
  });

  it('names places when given and uses their kinds', () => {
    const places: PlaceFacts[] = [
      { id: 'p1', scope: 'xg', kind: 'street', name: '小关街道' },
      { id: 'p2', scope: 'xg.gyj', kind: 'community', name: '高原街社区' },
      { id: 'p3', scope: 'xg.gyj.hxnl5', kind: 'courtyard', name: '惠新南里5号院' },
    ];
    const [parking] = clusterDemands(demands, places);
    expect(parking!.reasons[1]).toBe('同一院落: 惠新南里5号院');
  });

  it('leaves duplicates out and honours minSize and minScore', () => {
    const withDuplicate = [...demands, { ...demands[0]!, id: 'd8', duplicateOf: 'd1' }];
    expect(clusterDemands(withDuplicate)[0]!.demandIds).toEqual(['d1', 'd2', 'd3']);
    expect(clusterDemands(demands, undefined, { minSize: 3 }).map((c) => c.category)).toEqual(['parking']);
    expect(clusterDemands(demands, undefined, { minScore: 0.99 })).toEqual([]);
    expect(clusterDemands([])).toEqual([]);
  });

  it('puts every demand in at most one class of its own category', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(demands), (subset) => {
        const classes = clusterDemands(subset);
        const ids = classes.flatMap((c) => c.demandIds);
        expect(new Set(ids).size).toBe(ids.length);
        for (const c of classes) {
          expect(c.demandIds.length).toBeGreaterThanOrEqual(2);
          for (const id of c.demandIds) expect(subset.find((d) => d.id === id)?.category).toBe(c.category);
          for (const id of c.demandIds)
            expect(subset.find((d) => d.id === id)!.scope.startsWith(c.scope)).toBe(true);
        }
      }),
    );
  });
});

describe('similarDemands', () => {
  it('hints at the most similar open demands', () => {
    const hints = similarDemands(
      {
        title: '消防通道被堵',
        description: '晚上私家车乱停，消防通道堵住了',
        category: 'parking',
        scope: 'xg.gyj.hxnl5.b2',
      },
      demands,
      2,
    );
    expect(hints.map((h) => h.demandId)).toEqual(['d2', 'd1']);
    expect(hints[0]!.reasons).toEqual([
      '同属停车管理',
      expect.stringMatching(/^描述相似度 0\.\d\d$/),
      '同一院落: xg.gyj.hxnl5',
    ]);
    expect(hints[0]!.score).toBeGreaterThanOrEqual(hints[1]!.score);
  });

  it('gives nothing for an unrelated draft or a zero limit', () => {
    expect(similarDemands({ title: '老人助餐', description: '希望开办社区食堂' }, demands, 5)).toEqual([]);
    expect(similarDemands({ title: '消防通道', description: '被堵' }, demands, 0)).toEqual([]);
  });
});

describe('recurringClasses', () => {
  const now = '2026-11-29T08:00:00.000Z';
  const months = ['2026-03-05', '2026-06-10', '2026-09-01', '2026-11-20'];
  const recurring = [
    ...months.map((day, i) => ({
      ...demand(`h${i}`, `xg.gyj.hxnl${i}`, 'electricHeating', '暖气不热', '家里暖气不热'),
      receivedAt: `${day}T02:00:00.000Z`,
    })),
    {
      ...demand('p1', 'xg.gyj.hxnl5', 'parking', '乱停车', '乱停车'),
      receivedAt: '2026-11-01T02:00:00.000Z',
    },
    {
      ...demand('p2', 'xg.gyj.hxnl5', 'parking', '乱停车', '乱停车'),
      receivedAt: '2026-11-02T02:00:00.000Z',
    },
    {
      ...demand('p3', 'xg.gyj.hxnl5.b1', 'parking', '乱停车', '乱停车'),
      receivedAt: '2026-11-03T02:00:00.000Z',
    },
    {
      ...demand('old', 'xg.gyj.hxnl9', 'parking', '乱停车', '乱停车'),
      receivedAt: '2025-10-03T02:00:00.000Z',
    },
    {
      ...demand('u', 'xg.gyj.hxnl8', 'parking', '乱停车', '乱停车'),
      reasonable: false,
      receivedAt: '2026-11-03T02:00:00.000Z',
    },
  ];

  it('finds classes that recur across courtyards or months', () => {
    const classes = recurringClasses(recurring, { now });
    expect(classes).toHaveLength(1);
    expect(classes[0]).toMatchObject({
      category: 'electricHeating',
      count: 4,
      scope: 'xg.gyj',
      months: [
        { month: '2026-03', count: 1 },
        { month: '2026-06', count: 1 },
        { month: '2026-09', count: 1 },
        { month: '2026-11', count: 1 },
      ],
      reasons: ['同属电气/供暖', '4 件诉求', '涉及 4 个院落', '跨 4 个月反复出现'],
    });
  });

  it('keeps a single-courtyard, single-month class out unless thresholds allow it', () => {
    expect(recurringClasses(recurring, { now, minCourtyards: 1 }).map((c) => c.category)).toEqual([
      'electricHeating',
      'parking',
    ]);
    const parking = recurringClasses(recurring, { now, minCourtyards: 1 })[1]!;
    expect(parking.places).toEqual([{ scope: 'xg.gyj.hxnl5', count: 3 }]);
    expect(parking.demandIds).toEqual(['p1', 'p2', 'p3']);
    expect(recurringClasses(recurring, { now, windowDays: 30 })).toEqual([]);
  });
});
