import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { byReceivedDesc } from './filter';
import { LiveLedgerRows, type DemandState } from './live-rows';

function state(id: string, version: number, scope: string | null, receivedAt = '2026-03-01T00:00:00.000Z') {
  const demand =
    scope === null
      ? null
      : {
          id,
          scope,
          placeId: `p-${scope}`,
          title: `t-${id}`,
          type: 'request' as const,
          category: 'publicFacilities' as const,
          source: 'visit' as const,
          urgency: 'normal' as const,
          status: 'received' as const,
          receivedAt,
          vulnerable: false,
        };
  return { id, version, demand } as DemandState;
}

const ids = (live: LiveLedgerRows) => live.list().map((r) => r.id);

describe('LiveLedgerRows', () => {
  it('keeps only the subtree of its scope, newest first', () => {
    const live = new LiveLedgerRows('xg.gyj');
    live.apply([
      state('a', 1, 'xg.gyj', '2026-01-01T00:00:00.000Z'),
      state('b', 1, 'xg.gyj.h1', '2026-02-01T00:00:00.000Z'),
      state('c', 1, 'xg.gyj0', '2026-03-01T00:00:00.000Z'),
      state('d', 1, 'xg.ab', '2026-03-01T00:00:00.000Z'),
    ]);
    expect(ids(live)).toEqual(['b', 'a']);
  });

  it('lets a newer state win whichever arrives first (a read overtaken by a change event)', () => {
    const live = new LiveLedgerRows('xg');
    expect(live.apply([state('a', 5, 'xg.gyj', '2026-01-01T00:00:00.000Z')])).toBe(true);
    // The full read returns the older stored version after the change event was applied.
    expect(live.apply([state('a', 3, 'xg.gyj', '2025-01-01T00:00:00.000Z')])).toBe(false);
    expect(live.list()[0]?.receivedAt).toBe('2026-01-01T00:00:00.000Z');
    // The same version again (first page, then full read) changes nothing.
    expect(live.apply([state('a', 5, 'xg.gyj', '2026-01-01T00:00:00.000Z')])).toBe(false);
  });

  it('drops deleted demands and demands moved out of the scope, and a late older read does not bring them back', () => {
    const live = new LiveLedgerRows('xg.gyj');
    live.apply([state('a', 1, 'xg.gyj'), state('b', 1, 'xg.gyj.h1')]);
    live.apply([state('a', 2, null), state('b', 2, 'xg.ab')]);
    expect(ids(live)).toEqual([]);
    live.apply([state('a', 1, 'xg.gyj'), state('b', 1, 'xg.gyj.h1')]);
    expect(ids(live)).toEqual([]);
    expect(live.size).toBe(0);
  });

  it('moves a changed row to its new place in the order', () => {
    const live = new LiveLedgerRows('xg');
    live.apply([
      state('a', 1, 'xg', '2026-01-01T00:00:00.000Z'),
      state('b', 1, 'xg', '2026-02-01T00:00:00.000Z'),
      state('c', 1, 'xg', '2026-03-01T00:00:00.000Z'),
    ]);
    const before = live.list();
    live.apply([state('a', 2, 'xg', '2026-04-01T00:00:00.000Z')]);
    expect(ids(live)).toEqual(['a', 'c', 'b']);
    expect(live.list()).not.toBe(before);
  });

  it('ends in the same rows as a plain sort of the newest states, in any arrival order', () => {
    const arbState = fc.record({
      id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
      version: fc.integer({ min: 1, max: 20 }),
      scope: fc.constantFrom('xg', 'xg.gyj', 'xg.gyj.h1', 'xg.ab', null),
      day: fc.integer({ min: 1, max: 28 }),
    });
    fc.assert(
      fc.property(fc.array(fc.array(arbState, { maxLength: 80 }), { maxLength: 8 }), (batches) => {
        const live = new LiveLedgerRows('xg.gyj');
        const newest = new Map<string, DemandState>();
        for (const batch of batches) {
          const states = batch.map((s) =>
            state(s.id, s.version, s.scope, `2026-01-${String(s.day).padStart(2, '0')}T00:00:00.000Z`),
          );
          live.apply(states);
          for (const s of states) {
            const known = newest.get(s.id);
            if (!known || known.version < s.version) newest.set(s.id, s);
          }
          const expected = [...newest.values()]
            .flatMap((s) =>
              s.demand && (s.demand.scope === 'xg.gyj' || s.demand.scope.startsWith('xg.gyj.'))
                ? [s.demand]
                : [],
            )
            .sort(byReceivedDesc)
            .map((d) => d.id);
          expect(ids(live)).toEqual(expected);
        }
      }),
    );
  });
});
