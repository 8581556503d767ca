import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { COLLECTION_NAMES, REFERENCE_COLLECTIONS } from '#shared/domain/vocab';
import {
  ancestors,
  depthOf,
  isValidScope,
  joinScope,
  levelOf,
  liesBelow,
  liesUnder,
  onOneLine,
  parentScope,
  scopeAtLevel,
  scopeRange,
  visibilityOf,
  isVisible,
  visibilitySqlParams,
  visibleToDevice,
} from './scope';

describe('scope paths', () => {
  it('test ancestry on whole segments', () => {
    expect(liesUnder('xg.gyj.b1', 'xg.gyj')).toBe(true);
    expect(liesUnder('xg.gyj', 'xg.gyj')).toBe(true);
    expect(liesUnder('xg.gyjx', 'xg.gyj')).toBe(false);
    expect(liesUnder('xg', 'xg.gyj')).toBe(false);
  });

  it('walk up the path', () => {
    expect(parentScope('xg.gyj.y3')).toBe('xg.gyj');
    expect(parentScope('xg')).toBeNull();
    expect(ancestors('xg.gyj.y3.b2')).toEqual(['xg', 'xg.gyj', 'xg.gyj.y3']);
    expect(ancestors('xg')).toEqual([]);
    expect(depthOf('xg.gyj.y3.b2.e1')).toBe(5);
  });

  it('map a scope to its deliberation level', () => {
    expect(levelOf('xg')).toBe('street');
    expect(levelOf('xg.gyj')).toBe('community');
    expect(levelOf('xg.gyj.y3')).toBe('courtyard');
    expect(levelOf('xg.gyj.y3.b2.e1')).toBe('courtyard');
    expect(scopeAtLevel('xg.gyj.y3.b2', 'community')).toBe('xg.gyj');
    expect(scopeAtLevel('xg', 'courtyard')).toBeNull();
  });

  it('join only valid segments', () => {
    expect(joinScope('xg', 'gyj')).toBe('xg.gyj');
    expect(joinScope('', 'xg')).toBe('xg');
    expect(() => joinScope('xg', 'a.b')).toThrow();
    expect(() => joinScope('xg', 'Gy')).toThrow();
  });

  it('agree with each other for any path', () => {
    const segment = fc.stringMatching(/^[a-z0-9]{1,4}$/);
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 7 }), (parts) => {
        const scope = parts.reduce((acc, part) => joinScope(acc, part), '');
        for (const above of ancestors(scope)) expect(liesUnder(scope, above)).toBe(true);
        expect(ancestors(scope)).toHaveLength(depthOf(scope) - 1);
        const parent = parentScope(scope);
        if (parent !== null) expect(ancestors(scope).at(-1)).toBe(parent);
      }),
    );
  });
});

describe('scopes', () => {
  it('lies under itself and its descendants only, never a sibling with a shared prefix', () => {
    expect(liesUnder('xg.gyj', 'xg.gyj')).toBe(true);
    expect(liesUnder('xg.gyj.hxnl5.b3', 'xg.gyj')).toBe(true);
    expect(liesUnder('xg.gyjx', 'xg.gyj')).toBe(false);
    expect(liesUnder('xg', 'xg.gyj')).toBe(false);
  });

  it('lists proper ancestors', () => {
    expect(ancestors('xg.gyj.y3')).toEqual(['xg', 'xg.gyj']);
    expect(ancestors('xg')).toEqual([]);
  });

  it('validates scope syntax', () => {
    expect(isValidScope('xg.gyj.hxnl5')).toBe(true);
    expect(isValidScope('xg..gyj')).toBe(false);
    expect(isValidScope("xg'; drop table documents; --")).toBe(false);
    expect(isValidScope('xg.%')).toBe(false);
    expect(isValidScope('')).toBe(false);
    expect(isValidScope('a'.repeat(201))).toBe(false);
  });

  it('shows the subtree of every collection and the ancestors of reference collections only', () => {
    for (const collection of COLLECTION_NAMES) {
      const reference = (REFERENCE_COLLECTIONS as readonly string[]).includes(collection);
      expect(visibleToDevice('xg.gyj', collection, 'xg.gyj')).toBe(true);
      expect(visibleToDevice('xg.gyj.hxnl5.b3', collection, 'xg.gyj')).toBe(true);
      expect(visibleToDevice('xg.hxdj', collection, 'xg.gyj')).toBe(false);
      expect(visibleToDevice('xg.hxdj.a1', collection, 'xg.gyj')).toBe(false);
      expect(visibleToDevice('xg.gyjx', collection, 'xg.gyj')).toBe(false);
      expect(visibleToDevice('xg', collection, 'xg.gyj')).toBe(reference);
      expect(visibleToDevice('x', collection, 'xg.gyj')).toBe(false);
    }
  });

  it('agrees with the definition for generated scopes', () => {
    const seg = fc.constantFrom('xg', 'gyj', 'hxdj', 'a', 'b3');
    const scope = fc.array(seg, { minLength: 1, maxLength: 4 }).map((s) => s.join('.'));
    fc.assert(
      fc.property(scope, scope, fc.constantFrom(...COLLECTION_NAMES), (doc, device, collection) => {
        const under = doc === device || doc.startsWith(device + '.');
        const ancestor = device.startsWith(doc + '.');
        const reference = collection === 'places' || collection === 'organizations';
        expect(visibleToDevice(doc, collection, device)).toBe(under || (reference && ancestor));
      }),
    );
  });
});

describe('liesUnder', () => {
  const scope = fc.string({ unit: fc.constantFrom('x', 'g', '.'), maxLength: 6 });

  it('is "x === s or x starts with s + ." and its strict and symmetric forms follow', () => {
    fc.assert(
      fc.property(scope, scope, (x, s) => {
        const under = x === s || x.startsWith(`${s}.`);
        expect(liesUnder(x, s)).toBe(under);
        expect(liesBelow(x, s)).toBe(under && x !== s);
        expect(onOneLine(x, s)).toBe(under || s === x || s.startsWith(`${x}.`));
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with the index range of a subtree for valid scopes', () => {
    const valid = fc.array(fc.constantFrom('xg', 'gyj', 'gyj0', 'a', 'b3'), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(valid, valid, (x, s) => {
        const [doc, under] = [x.join('.'), s.join('.')];
        const range = scopeRange(under);
        expect(doc >= range.$gte && doc < range.$lt).toBe(liesUnder(doc, under));
      }),
    );
  });
});

describe('visibility', () => {
  it('gives the SQL the same subtree and ancestors as the JavaScript predicate', () => {
    expect(visibilitySqlParams(visibilityOf('xg.gyj', 'places'))).toEqual({
      street: 'xg',
      exact: 'xg.gyj',
      below: 'xg.gyj.%',
      alsoExactly: ['xg'],
    });
    expect(visibilitySqlParams(visibilityOf('xg.gyj', 'demands'))).toEqual({
      street: 'xg',
      exact: 'xg.gyj',
      below: 'xg.gyj.%',
      alsoExactly: [],
    });
    expect(visibilitySqlParams(visibilityOf('a_b%', 'demands')).below).toBe('a\\_b\\%.%');
  });

  it('name the one street every visible scope lies in, so the SQL may narrow to it', () => {
    const path = fc.array(fc.constantFrom('xg', 'sl', 'gyj', 'gyj0', 'b3'), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(path, path, fc.constantFrom('places', 'demands'), (d, x, collection) => {
        const [device, doc] = [d.join('.'), x.join('.')];
        const visibility = visibilityOf(device, collection);
        if (isVisible(visibility, doc))
          expect(doc.split('.')[0]).toBe(visibilitySqlParams(visibility).street);
      }),
    );
  });

  it('reads nothing but the subtree when the collection is unknown', () => {
    expect(visibilityOf('xg.gyj', undefined).alsoExactly).toEqual([]);
  });
});
