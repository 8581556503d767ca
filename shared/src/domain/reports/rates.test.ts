import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEMAND_STATES, URGENCIES, type Urgency } from '#shared/domain/vocab';
import {
  demandIdOf,
  ratesByChild,
  threeRates,
  type DemandFacts,
  type FollowUpFacts,
  type RateOptions,
} from '#shared/domain/aggregations/index';
import { liesUnder } from '#shared/domain/places/index';
import { countOf } from './figures';
import { ratesSideBySide, type RateFigures } from './rates';

// The drill-down lists are collected while the rates are counted. This checks them against the
// plain way: ask `threeRates` about each demand alone, and about each demand's call-backs alone.

type Lists = Record<Exclude<keyof RateFigures, 'scope' | 'report'>, string[]>;
const emptyLists = (): Lists => ({
  received: [],
  respondedInTime: [],
  responseBase: [],
  reasonableReceived: [],
  resolved: [],
  callbacks: [],
  satisfiedOrBasically: [],
});

function referenceLists(
  demands: readonly DemandFacts[],
  followUps: readonly FollowUpFacts[],
  options: RateOptions,
): Map<string, Lists> {
  const depth = options.scope.split('.').length;
  const rowOf = (placedAt: string) =>
    placedAt
      .split('.')
      .slice(0, depth + 1)
      .join('.');
  const lists = new Map<string, Lists>();
  const of = (placedAt: string) => {
    const row = rowOf(placedAt);
    if (!lists.has(row)) lists.set(row, emptyLists());
    return lists.get(row) as Lists;
  };
  for (const d of demands) {
    if (!liesUnder(d.scope, options.scope)) continue;
    const alone = threeRates([d], [], options);
    if (alone.received === 0) continue;
    const l = of(d.scope);
    l.received.push(d.id);
    if (alone.responsePending === 0) l.responseBase.push(d.id);
    if (alone.respondedInTime === 1) l.respondedInTime.push(d.id);
    if (alone.reasonableReceived === 1) l.reasonableReceived.push(d.id);
    if (alone.resolved === 1) l.resolved.push(d.id);
  }
  const byId = new Map(demands.map((d) => [d.id, d]));
  const callbacksOf = new Map<string, FollowUpFacts[]>();
  for (const f of followUps) {
    const id = demandIdOf(f);
    if (f.kind === 'callback' && id !== undefined) callbacksOf.set(id, [...(callbacksOf.get(id) ?? []), f]);
  }
  for (const [id, list] of callbacksOf) {
    const demand = byId.get(id);
    const alone = threeRates(demand ? [demand] : [], list, options);
    if (alone.satisfied + alone.basicallySatisfied + alone.unsatisfied === 0) continue;
    const latest = list
      .filter((f) => f.at >= options.from && f.at < options.to)
      .reduce((a, b) => (b.at > a.at || (b.at === a.at && b.id > a.id) ? b : a));
    const l = of(demand?.scope ?? latest.scope);
    l.callbacks.push(id);
    if (alone.satisfied + alone.basicallySatisfied === 1) l.satisfiedOrBasically.push(id);
  }
  return lists;
}

const SCOPES = ['xg', 'xg.gyj', 'xg.gyj.a', 'xg.gyjx', 'xg.gyj.', 'xg.hx.b', 'yy'];
const at = (days: number) => new Date(Date.UTC(2026, 9, 1) + days * 8 * 3_600_000).toISOString();
const timeArb = fc.integer({ min: -9, max: 100 }).map(at);

const demandArb = fc.record(
  {
    id: fc.integer({ min: 0, max: 12 }).map((i) => `d${i}`),
    scope: fc.constantFrom(...SCOPES),
    title: fc.constant('诉求'),
    description: fc.constant(''),
    category: fc.constant('parking' as const),
    status: fc.constantFrom(...DEMAND_STATES),
    receivedAt: timeArb,
    urgency: fc.constantFrom<Urgency>(...URGENCIES),
    respondedAt: timeArb,
    reasonable: fc.boolean(),
    reopenedCount: fc.integer({ min: 0, max: 1 }),
    duplicateOf: fc.constant('d0'),
  },
  {
    requiredKeys: [
      'id',
      'scope',
      'title',
      'description',
      'category',
      'status',
      'receivedAt',
      'reasonable',
      'reopenedCount',
    ],
  },
);

const callbackArb = fc.record({
  id: fc.integer({ min: 0, max: 20 }).map((i) => `f${i}`),
  scope: fc.constantFrom(...SCOPES),
  kind: fc.constant('callback' as const),
  subjectCollection: fc.constant('demands' as const),
  subjectId: fc.integer({ min: 0, max: 14 }).map((i) => `d${i}`),
  at: timeArb,
  outcome: fc.constantFrom('satisfied', 'basicallySatisfied', 'unsatisfied', 'noAnswer'),
});

describe('ratesSideBySide', () => {
  it('lists the records each demand and call-back alone adds to the shared rates', () => {
    fc.assert(
      fc.property(
        fc.array(demandArb, { maxLength: 25 }),
        fc.array(callbackArb, { maxLength: 25 }),
        fc.constantFrom('xg', 'xg.gyj', 'xg.gyj.a'),
        fc.option(timeArb, { nil: undefined }),
        (demands, followUps, scope, asOf) => {
          const options = { scope, from: at(0), to: at(90), ...(asOf !== undefined ? { asOf } : {}) };
          const result = ratesSideBySide(demands, followUps, options);
          const lists = referenceLists(demands, followUps, options);
          const figures = (report: RateFigures['report'], l: Lists = emptyLists()): RateFigures => ({
            scope: report.scope,
            report,
            received: countOf('demands', l.received),
            respondedInTime: countOf('demands', l.respondedInTime),
            responseBase: countOf('demands', l.responseBase),
            reasonableReceived: countOf('demands', l.reasonableReceived),
            resolved: countOf('demands', l.resolved),
            callbacks: countOf('demands', l.callbacks),
            satisfiedOrBasically: countOf('demands', l.satisfiedOrBasically),
          });
          const all = emptyLists();
          for (const l of lists.values())
            for (const key of Object.keys(all) as (keyof Lists)[]) all[key].push(...l[key]);
          expect(result.total).toEqual(figures(threeRates(demands, followUps, options), all));
          expect(result.rows).toEqual(
            ratesByChild(demands, followUps, options).map((r) => figures(r, lists.get(r.scope))),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
