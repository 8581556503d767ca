import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEMAND_STATES } from '#shared/domain/vocab';
import {
  ratesByChild,
  threeRates,
  type DemandFacts,
  type FollowUpFacts,
} from '#shared/domain/aggregations/index';

const period = { scope: 'xg.gyj', from: '2026-10-01T00:00:00.000Z', to: '2026-11-01T00:00:00.000Z' };
let n = 0;
const demand = (fields: Partial<DemandFacts> = {}): DemandFacts => {
  n += 1;
  return {
    id: `d${n}`,
    scope: 'xg.gyj.hxnl5',
    title: '诉求',
    description: '描述',
    category: 'parking',
    status: 'handling',
    receivedAt: '2026-10-10T02:00:00.000Z',
    reasonable: true,
    reopenedCount: 0,
    ...fields,
  };
};
const callback = (
  demandId: string,
  outcome: string,
  at = '2026-10-20T02:00:00.000Z',
  scope = 'xg.gyj.hxnl5',
): FollowUpFacts => {
  n += 1;
  return {
    id: `f${n}`,
    scope,
    kind: 'callback',
    subjectCollection: 'demands',
    subjectId: demandId,
    at,
    outcome,
  };
};

describe('threeRates', () => {
  it('gives null, not NaN, when there is nothing to count', () => {
    const report = threeRates([], [], period);
    expect(report.responseRate).toBeNull();
    expect(report.resolutionRate).toBeNull();
    expect(report.satisfactionRate).toBeNull();
    const noCallbacks = threeRates([demand({ respondedAt: '2026-10-10T03:00:00.000Z' })], [], period);
    expect(noCallbacks.responseRate).toBe(1);
    expect(noCallbacks.satisfactionRate).toBeNull();
  });

  it('computes the three rates by their definitions', () => {
    const a = demand({ respondedAt: '2026-10-10T03:00:00.000Z', status: 'closed' });
    const b = demand({ respondedAt: '2026-10-12T03:00:00.000Z', status: 'resolved' }); // late: 49 h
    const c = demand({ urgency: 'critical', respondedAt: '2026-10-10T05:00:00.000Z', status: 'answered' }); // late: 3 h > 2 h
    const d = demand({ status: 'handling' }); // never responded
    const e = demand({ receivedAt: '2026-09-30T15:59:59.999Z' }); // before the period
    const f = demand({ scope: 'xg.hxdj.y1' }); // other community
    const followUps = [
      callback(a.id, 'satisfied', '2026-10-11T02:00:00.000Z'),
      callback(b.id, 'unsatisfied', '2026-10-13T02:00:00.000Z'),
      callback(b.id, 'basicallySatisfied', '2026-10-15T02:00:00.000Z'), // the latest counts
      callback(c.id, 'unsatisfied', '2026-11-01T00:00:00.000Z'), // after the period
      callback(f.id, 'satisfied'), // outside the scope
      { ...callback(a.id, 'satisfied'), kind: 'progress' as const },
    ];
    const report = threeRates([a, b, c, d, e, f], followUps, period);
    expect(report).toMatchObject({
      received: 4,
      respondedInTime: 1,
      reasonableReceived: 4,
      resolved: 3,
      callbacks: 2,
      satisfied: 1,
      basicallySatisfied: 1,
      unsatisfied: 0,
    });
    expect(report.responseRate).toBe(0.25);
    expect(report.resolutionRate).toBe(0.75);
    expect(report.satisfactionRate).toBe(1);
  });

  it('keeps unreasonable demands apart and reports them separately', () => {
    const fair = demand({ status: 'resolved', respondedAt: '2026-10-10T02:30:00.000Z' });
    const unfair = demand({
      status: 'unreasonable',
      reasonable: false,
      respondedAt: '2026-10-10T02:30:00.000Z',
    });
    const report = threeRates(
      [fair, unfair],
      [callback(fair.id, 'satisfied'), callback(unfair.id, 'unsatisfied')],
      period,
    );
    expect(report.received).toBe(2);
    expect(report.responseRate).toBe(1);
    expect(report.reasonableReceived).toBe(1);
    expect(report.resolutionRate).toBe(1);
    expect(report.callbacks).toBe(1);
    expect(report.satisfactionRate).toBe(1);
    expect(report.unreasonable).toEqual({
      received: 1,
      respondedInTime: 1,
      callbacks: 1,
      satisfiedOrBasically: 0,
    });
  });

  it('counts a reopened demand against resolution until it is resolved again', () => {
    const reopened = demand({ status: 'handling', reopenedCount: 1 });
    const again = demand({ status: 'resolved', reopenedCount: 2 });
    const report = threeRates([reopened, again], [], period);
    expect(report).toMatchObject({ resolved: 1, reopened: 2, reopenedUnresolved: 1, resolutionRate: 0.5 });
  });

  it('leaves duplicates out and, with asOf, demands whose response is not yet due', () => {
    const original = demand({ respondedAt: '2026-10-10T03:00:00.000Z' });
    const duplicate = demand({ status: 'duplicate', duplicateOf: original.id });
    const fresh = demand({ receivedAt: '2026-10-31T20:00:00.000Z' });
    const report = threeRates([original, duplicate, fresh], [callback(duplicate.id, 'unsatisfied')], {
      ...period,
      asOf: '2026-11-01T08:00:00.000Z',
    });
    expect(report).toMatchObject({
      received: 2,
      duplicates: 1,
      responsePending: 1,
      responseRate: 1,
      callbacks: 0,
    });
    expect(threeRates([original, fresh], [], period).responseRate).toBe(0.5);
  });

  it('places call-backs about unknown demands by their own scope', () => {
    const report = threeRates(
      [],
      [callback('elsewhere', 'satisfied', '2026-10-20T02:00:00.000Z', 'xg.gyj.hxnl3')],
      period,
    );
    expect(report.callbacks).toBe(1);
  });

  const scopes = ['xg.gyj', 'xg.gyj.hxnl5', 'xg.gyj.hxnl5.b3', 'xg.gyj.hxnl3', 'xg.gyj.v1', 'xg.hxdj.y1'];
  const arbDemand = fc.record({
    id: fc.integer({ min: 0, max: 40 }).map((i) => `d${i}`),
    scope: fc.constantFrom(...scopes),
    status: fc.constantFrom(...DEMAND_STATES),
    day: fc.integer({ min: 25, max: 35 }),
    reasonable: fc.boolean(),
    reopenedCount: fc.integer({ min: 0, max: 2 }),
    respondedHours: fc.option(fc.integer({ min: 0, max: 48 }), { nil: undefined }),
  });
  const at = (day: number, hours = 0) => new Date(Date.UTC(2026, 8, day, 2 + hours)).toISOString();
  const arbCallback = fc.record({
    demand: fc.integer({ min: 0, max: 45 }).map((i) => `d${i}`),
    scope: fc.constantFrom(...scopes),
    day: fc.integer({ min: 25, max: 35 }),
    outcome: fc.constantFrom('satisfied', 'basicallySatisfied', 'unsatisfied'),
  });

  it('rolls up: the children of a place add up to the place', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(arbDemand, { selector: (d) => d.id, maxLength: 30 }),
        fc.array(arbCallback, { maxLength: 20 }),
        (raw, rawCallbacks) => {
          const demands = raw.map((d) =>
            demand({
              id: d.id,
              scope: d.scope,
              status: d.status,
              receivedAt: at(d.day),
              reasonable: d.reasonable,
              reopenedCount: d.reopenedCount,
              ...(d.respondedHours !== undefined ? { respondedAt: at(d.day, d.respondedHours) } : {}),
            }),
          );
          const followUps = rawCallbacks.map((c, i) => ({
            ...callback(c.demand, c.outcome, at(c.day), c.scope),
            id: `f${i}`,
          }));
          const parent = threeRates(demands, followUps, period);
          const rows = ratesByChild(demands, followUps, period);
          const keys = [
            'received',
            'respondedInTime',
            'reasonableReceived',
            'resolved',
            'reopened',
            'callbacks',
            'satisfied',
            'basicallySatisfied',
            'unsatisfied',
            'duplicates',
          ] as const;
          for (const key of keys)
            expect(
              rows.reduce((sum, r) => sum + r[key], 0),
              key,
            ).toBe(parent[key]);
          for (const rate of [parent.responseRate, parent.resolutionRate, parent.satisfactionRate]) {
            expect(rate === null || (rate >= 0 && rate <= 1)).toBe(true);
          }
        },
      ),
    );
  });
});
