import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DEMAND_STATES, FOLLOW_UP_KINDS, URGENCIES, type Urgency } from '#shared/domain/vocab';
import { addHours } from '#shared/domain/calendar/days';
import {
  DEFAULT_RESPONSE_HOURS,
  demandIdOf,
  ratesByChild,
  threeRates,
  type DemandFacts,
  type FollowUpFacts,
  type RateOptions,
  type RateReport,
} from '#shared/domain/aggregations/index';
import { liesUnder } from '#shared/domain/places/index';

// The rates are computed in one pass over the records, all rows at once. This checks them
// against the definitions applied literally: each place's records filtered out, counted one by
// one, and `ratesByChild` as `threeRates` of each child.

function reference(
  demands: readonly DemandFacts[],
  followUps: readonly FollowUpFacts[],
  options: RateOptions,
  counts: (placedAt: string) => boolean,
): RateReport {
  const { scope, from, to, asOf } = options;
  const hours = options.responseHours ?? DEFAULT_RESPONSE_HOURS;
  const inPeriod = (at: string) => at >= from && at < to;
  const duplicate = (d: DemandFacts) => d.status === 'duplicate' || d.duplicateOf !== undefined;
  const resolved = (d: DemandFacts) => ['answered', 'resolved', 'closed'].includes(d.status);
  const cohort = demands.filter((d) => counts(d.scope) && inPeriod(d.receivedAt));
  const kept = cohort.filter((d) => !duplicate(d));
  const deadline = (d: DemandFacts) => addHours(d.receivedAt, hours[d.urgency ?? 'normal']);
  const inTime = (d: DemandFacts) => d.respondedAt !== undefined && d.respondedAt <= deadline(d);
  const reasonable = kept.filter((d) => d.reasonable);
  const unreasonable = kept.filter((d) => !d.reasonable);

  const latest = new Map<string, FollowUpFacts>();
  for (const f of followUps) {
    const id = demandIdOf(f);
    if (f.kind !== 'callback' || id === undefined || !inPeriod(f.at)) continue;
    const p = latest.get(id);
    if (!p || p.at < f.at || (p.at === f.at && p.id < f.id)) latest.set(id, f);
  }
  const byId = new Map(demands.map((d) => [d.id, d]));
  const counted = [...latest].flatMap(([id, callback]) => {
    const demand = byId.get(id);
    if (!counts(demand?.scope ?? callback.scope) || (demand && duplicate(demand))) return [];
    return [{ callback, unreasonable: demand?.reasonable === false }];
  });
  const outcomes = (outcome: string) =>
    counted.filter((c) => !c.unreasonable && c.callback.outcome === outcome).length;
  const bad = counted.filter((c) => c.unreasonable && c.callback.outcome !== 'unreachable');
  const good = (c: { callback: FollowUpFacts }) =>
    c.callback.outcome === 'satisfied' || c.callback.outcome === 'basicallySatisfied';
  const satisfied = outcomes('satisfied');
  const basicallySatisfied = outcomes('basicallySatisfied');
  const unsatisfied = outcomes('unsatisfied');
  const callbacks = satisfied + basicallySatisfied + unsatisfied + outcomes('unreachable');
  const respondedInTime = kept.filter(inTime).length;
  const responsePending = kept.filter(
    (d) => d.respondedAt === undefined && asOf !== undefined && asOf < deadline(d),
  ).length;
  const resolvedCount = reasonable.filter(resolved).length;
  const ratio = (a: number, b: number) => (b === 0 ? null : a / b);
  return {
    scope,
    from,
    to,
    received: kept.length,
    respondedInTime,
    responsePending,
    reasonableReceived: reasonable.length,
    resolved: resolvedCount,
    reopened: reasonable.filter((d) => d.reopenedCount > 0).length,
    reopenedUnresolved: reasonable.filter((d) => d.reopenedCount > 0 && !resolved(d)).length,
    callbacks,
    satisfied,
    basicallySatisfied,
    unsatisfied,
    unreachable: outcomes('unreachable'),
    duplicates: cohort.length - kept.length,
    unreasonable: {
      received: unreasonable.length,
      respondedInTime: unreasonable.filter(inTime).length,
      callbacks: bad.length,
      satisfiedOrBasically: bad.filter(good).length,
    },
    responseRate: ratio(respondedInTime, kept.length - responsePending),
    resolutionRate: ratio(resolvedCount, reasonable.length),
    satisfactionRate: ratio(satisfied + basicallySatisfied, callbacks),
  };
}

function referenceByChild(
  demands: readonly DemandFacts[],
  followUps: readonly FollowUpFacts[],
  options: RateOptions,
): RateReport[] {
  const depth = options.scope.split('.').length;
  const children = new Set<string>();
  let own = false;
  for (const { scope } of [...demands, ...followUps]) {
    if (!liesUnder(scope, options.scope)) continue;
    const segments = scope.split('.');
    if (segments.length === depth) own = true;
    else children.add(segments.slice(0, depth + 1).join('.'));
  }
  const rows = [...children]
    .sort()
    .map((child) => reference(demands, followUps, { ...options, scope: child }, (s) => liesUnder(s, child)));
  return own ? [reference(demands, followUps, options, (s) => s === options.scope), ...rows] : rows;
}

// Odd places on purpose: the place itself, a sibling sharing a name prefix, empty segments.
const SCOPES = ['xg', 'xg.gyj', 'xg.gyj.a', 'xg.gyj.a.b3', 'xg.gyjx', 'xg.gyjx.c', 'xg.gyj.', 'xg.hx', 'yy'];
const at = (hours: number) => new Date(Date.UTC(2026, 9, 1) + hours * 3_600_000).toISOString();
const hoursArb = fc.integer({ min: -24 * 5, max: 24 * 35 });
// Call-backs on a daily clock, so that ties broken by id happen.
const daysArb = fc.integer({ min: -2, max: 12 }).map((n) => n * 24);

const demandArb = fc.record(
  {
    id: fc.integer({ min: 0, max: 15 }).map((i) => `d${i}`),
    scope: fc.constantFrom(...SCOPES),
    title: fc.constant('诉求'),
    description: fc.constant(''),
    category: fc.constant('parking' as const),
    status: fc.constantFrom(...DEMAND_STATES),
    receivedAt: hoursArb.map(at),
    urgency: fc.constantFrom<Urgency>(...URGENCIES),
    respondedAt: hoursArb.map(at),
    reasonable: fc.boolean(),
    reopenedCount: fc.integer({ min: 0, max: 2 }),
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

const followUpArb = fc.record(
  {
    id: fc.integer({ min: 0, max: 40 }).map((i) => `f${i}`),
    scope: fc.constantFrom(...SCOPES),
    kind: fc.oneof(
      { arbitrary: fc.constant('callback' as const), weight: 4 },
      { arbitrary: fc.constantFrom(...FOLLOW_UP_KINDS), weight: 1 },
    ),
    subjectCollection: fc.constantFrom('demands' as const, 'tasks' as const),
    subjectId: fc.integer({ min: 0, max: 12 }).map((i) => `d${i}`),
    at: daysArb.map(at),
    outcome: fc.constantFrom('satisfied', 'basicallySatisfied', 'unsatisfied', 'passed'),
    demandId: fc.integer({ min: 0, max: 12 }).map((i) => `d${i}`),
  },
  { requiredKeys: ['id', 'scope', 'kind', 'subjectCollection', 'subjectId', 'at'] },
);

const optionsArb = fc.record(
  {
    scope: fc.constantFrom(...SCOPES, 'xg.gyj.a.b3.e1'),
    from: fc.constant(at(0)),
    to: fc.constantFrom(at(24 * 30), at(24 * 10)),
    asOf: hoursArb.map(at),
    responseHours: fc.constant({ normal: 48, urgent: 6, critical: 1 }),
  },
  { requiredKeys: ['scope', 'from', 'to'] },
);

describe('the one-pass rates', () => {
  it('equal the definitions applied place by place', () => {
    fc.assert(
      fc.property(
        fc.array(demandArb, { maxLength: 40 }),
        fc.array(followUpArb, { maxLength: 40 }),
        optionsArb,
        (demands, followUps, options) => {
          expect(threeRates(demands, followUps, options)).toEqual(
            reference(demands, followUps, options, (s) => liesUnder(s, options.scope)),
          );
          expect(ratesByChild(demands, followUps, options)).toEqual(
            referenceByChild(demands, followUps, options),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
