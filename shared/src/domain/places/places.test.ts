import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { PersonDoc, PlaceDoc } from '#shared/schema/index';
import {
  buildPlaceTree,
  childrenOf,
  coverage,
  coverageSummary,
  isTermActive,
  pathTo,
  rollUp,
  rollUpKeyed,
  subtree,
} from '#shared/domain/places/index';

const T = '2026-01-01T00:00:00.000Z';

function place(scope: string, kind: PlaceDoc['kind'], parentId: string | null, order = 0): PlaceDoc {
  const code = scope.split('.').pop() as string;
  return {
    id: `p-${scope}`,
    scope,
    createdAt: T,
    createdBy: 'd',
    updatedAt: T,
    updatedBy: 'd',
    kind,
    name: code,
    parentId,
    code,
    initials: code,
    order,
  };
}

function person(id: string, roles: PersonDoc['roles'], active = true): PersonDoc {
  return {
    id,
    scope: 'xg.c1',
    createdAt: T,
    createdBy: 'd',
    updatedAt: T,
    updatedBy: 'd',
    name: id,
    initials: id,
    placeId: 'p-xg.c1',
    roles,
    vulnerabilities: [],
    active,
  };
}

const street = place('xg', 'street', null);
const community = place('xg.c1', 'community', 'p-xg');
const hall = place('xg.c1.v1', 'venue', 'p-xg.c1', 9);
const courtyard = place('xg.c1.y1', 'courtyard', 'p-xg.c1', 1);
const building = place('xg.c1.y1.b1', 'building', 'p-xg.c1.y1');
const e1 = place('xg.c1.y1.b1.e1', 'entrance', 'p-xg.c1.y1.b1', 1);
const e2 = place('xg.c1.y1.b1.e2', 'entrance', 'p-xg.c1.y1.b1', 2);
const places = [e2, street, building, hall, e1, community, courtyard];

describe('place tree', () => {
  const tree = buildPlaceTree(places);

  it('links children in display order', () => {
    expect(tree.roots.map((p) => p.scope)).toEqual(['xg']);
    expect(childrenOf(tree, 'xg.c1').map((p) => p.scope)).toEqual(['xg.c1.y1', 'xg.c1.v1']);
    expect(childrenOf(tree, 'xg.c1.y1.b1').map((p) => p.code)).toEqual(['e1', 'e2']);
    expect(subtree(tree, 'xg.c1.y1').map((p) => p.scope)).toEqual([
      'xg.c1.y1',
      'xg.c1.y1.b1',
      'xg.c1.y1.b1.e1',
      'xg.c1.y1.b1.e2',
    ]);
    expect(pathTo(tree, 'xg.c1.y1.b1.e2').map((p) => p.code)).toEqual(['xg', 'c1', 'y1', 'b1', 'e2']);
  });

  it('falls back to the scope path when the parent document is missing', () => {
    const partial = buildPlaceTree([community, building, e1]);
    expect(partial.roots.map((p) => p.scope)).toEqual(['xg.c1']);
    expect(childrenOf(partial, 'xg.c1').map((p) => p.scope)).toEqual(['xg.c1.y1.b1']);
  });

  it('survives a cycle of parent links', () => {
    const a = { ...place('q.a', 'community', 'p-q.b') };
    const b = { ...place('q.b', 'community', 'p-q.a') };
    const looped = buildPlaceTree([a, b]);
    expect(subtree(looped, 'q.a').map((p) => p.scope)).toEqual(['q.a', 'q.b']);
  });
});

describe('rollUp', () => {
  it('sums counts up to every ancestor, attributing unknown scopes to the nearest place', () => {
    const tree = buildPlaceTree(places);
    const totals = rollUp(tree, {
      'xg.c1.y1.b1.e1': 2,
      'xg.c1.y1.b1.e2.f3': 3,
      'xg.c1.v1': 1,
      elsewhere: 100,
    });
    expect(totals.get('xg.c1.y1.b1.e2')).toBe(3);
    expect(totals.get('xg.c1.y1.b1')).toBe(5);
    expect(totals.get('xg.c1')).toBe(6);
    expect(totals.get('xg')).toBe(6);
    expect(totals.get('xg.c1.v1')).toBe(1);
  });

  it('gives every parent its own count plus the sum of its children', () => {
    const shape = fc.array(fc.nat(), { minLength: 0, maxLength: 40 });
    fc.assert(
      fc.property(
        shape,
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 50 }), fc.boolean())),
        (parents, raw) => {
          const docs: PlaceDoc[] = [place('r', 'street', null)];
          parents.forEach((pick, i) => {
            const parent = docs[pick % docs.length] as PlaceDoc;
            docs.push(place(`${parent.scope}.n${i}`, 'building', parent.id));
          });
          const counts = new Map<string, number>();
          const own = new Map<string, number>();
          for (const [pick, count, deeper] of raw) {
            const target = docs[pick % docs.length] as PlaceDoc;
            const scope = deeper ? `${target.scope}.f1` : target.scope;
            counts.set(scope, (counts.get(scope) ?? 0) + count);
            own.set(target.scope, (own.get(target.scope) ?? 0) + count);
          }
          const tree = buildPlaceTree(docs);
          const totals = rollUp(tree, counts);
          for (const doc of docs) {
            const kids = childrenOf(tree, doc.scope).reduce(
              (sum, kid) => sum + (totals.get(kid.scope) ?? 0),
              0,
            );
            expect(totals.get(doc.scope)).toBe((own.get(doc.scope) ?? 0) + kids);
          }
          const all = [...counts.values()].reduce((a, b) => a + b, 0);
          expect(totals.get('r')).toBe(all);
        },
      ),
    );
  });

  it('rolls several keys at once', () => {
    const tree = buildPlaceTree(places);
    const totals = rollUpKeyed(
      tree,
      new Map([
        ['xg.c1.y1.b1.e1', { open: 2 }],
        ['xg.c1.y1', { open: 1, closed: 4 }],
      ]),
    );
    expect(totals.get('xg')).toEqual({ open: 3, closed: 4 });
    expect(totals.get('xg.c1.y1.b1')).toEqual({ open: 2, closed: 0 });
  });
});

describe('coverage', () => {
  const at = '2026-06-01T00:00:00.000Z';

  it('lists entrances, buildings and courtyards without an active leader', () => {
    const people = [
      person('a', [
        { role: 'doorLeader', placeScope: 'xg.c1.y1.b1.e1', appointedAt: '2025-01-01T00:00:00.000Z' },
      ]),
      // Ceased before `at`: does not cover.
      person('b', [
        {
          role: 'buildingLeader',
          placeScope: 'xg.c1.y1.b1',
          appointedAt: '2024-01-01T00:00:00.000Z',
          ceasedAt: '2026-05-01T00:00:00.000Z',
        },
      ]),
      // Wrong role for the place: a 门长 does not cover the building.
      person('c', [{ role: 'doorLeader', placeScope: 'xg.c1.y1', appointedAt: '2025-01-01T00:00:00.000Z' }]),
      // Moved away.
      person(
        'd',
        [{ role: 'doorLeader', placeScope: 'xg.c1.y1.b1.e2', appointedAt: '2025-01-01T00:00:00.000Z' }],
        false,
      ),
    ];
    const gaps = coverage(places, people, at);
    expect(gaps.map((g) => [g.scope, g.role])).toEqual([
      ['xg.c1.y1', 'courtyardLeader'],
      ['xg.c1.y1.b1', 'buildingLeader'],
      ['xg.c1.y1.b1.e2', 'doorLeader'],
    ]);
    expect(coverageSummary(places, gaps)).toEqual({
      entrance: { total: 2, uncovered: 1 },
      building: { total: 1, uncovered: 1 },
      courtyard: { total: 1, uncovered: 1 },
    });
  });

  it('counts a term from its appointment up to, not including, its end', () => {
    const term = { appointedAt: '2026-01-01T00:00:00.000Z', ceasedAt: '2026-02-01T00:00:00.000Z' };
    expect(isTermActive(term, '2025-12-31T23:59:59.999Z')).toBe(false);
    expect(isTermActive(term, '2026-01-01T00:00:00.000Z')).toBe(true);
    expect(isTermActive(term, '2026-02-01T00:00:00.000Z')).toBe(false);
    expect(isTermActive({ appointedAt: term.appointedAt }, '2030-01-01T00:00:00.000Z')).toBe(true);
  });
});
