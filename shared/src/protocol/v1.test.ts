import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ERROR_CODES,
  ERROR_MESSAGES,
  ERROR_STATUS,
  errorBody,
  jsonDepth,
  parseRoute,
  sameDocState,
  toWireDoc,
} from './v1';

describe('parseRoute', () => {
  it('maps every protocol route', () => {
    expect(parseRoute('GET', '/v1/health')).toEqual({ route: { kind: 'health' } });
    expect(parseRoute('POST', '/v1/devices/enroll')).toEqual({ route: { kind: 'enroll' } });
    expect(parseRoute('GET', '/v1/sync/demands/pull')).toEqual({
      route: { kind: 'pull', collection: 'demands' },
    });
    expect(parseRoute('POST', '/v1/sync/places/push')).toEqual({
      route: { kind: 'push', collection: 'places' },
    });
    expect(parseRoute('GET', '/v1/sync/stream')).toEqual({ route: { kind: 'stream' } });
    expect(parseRoute('POST', '/v1/admin/enroll')).toEqual({ route: { kind: 'adminEnroll' } });
    expect(parseRoute('GET', '/v1/admin/devices')).toEqual({ route: { kind: 'adminDevices' } });
    expect(parseRoute('POST', '/v1/admin/devices/d-1/revoke')).toEqual({
      route: { kind: 'adminRevoke', deviceId: 'd-1' },
    });
    expect(parseRoute('POST', '/v1/admin/seed-demo')).toEqual({ route: { kind: 'adminSeedDemo' } });
  });

  it('keeps unknown collections for the handler to refuse with unknown_collection', () => {
    expect(parseRoute('GET', '/v1/sync/nope/pull')).toEqual({ route: { kind: 'pull', collection: 'nope' } });
  });

  it('refuses wrong methods, unknown paths, empty and encoded-slash segments', () => {
    expect(parseRoute('POST', '/v1/health')).toEqual({ error: 'method_not_allowed' });
    expect(parseRoute('GET', '/v1/sync/demands/push')).toEqual({ error: 'method_not_allowed' });
    expect(parseRoute('GET', '/v2/health')).toEqual({ error: 'not_found' });
    expect(parseRoute('GET', '/v1//health')).toEqual({ error: 'not_found' });
    expect(parseRoute('GET', '/v1/sync/a%2Fb/pull')).toEqual({ error: 'not_found' });
    expect(parseRoute('GET', '/v1/sync/%E0%A4%A/pull')).toEqual({ error: 'not_found' });
    expect(parseRoute('GET', '/v1/sync/../../etc/passwd')).toEqual({ error: 'not_found' });
    expect(parseRoute('GET', '/')).toEqual({ error: 'not_found' });
  });

  it('never throws on arbitrary paths', () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom('GET', 'POST', 'PUT'), (path, method) => {
        const out = parseRoute(method, path);
        expect('route' in out || 'error' in out).toBe(true);
      }),
    );
  });
});

describe('sameDocState', () => {
  it('ignores key order at every level', () => {
    const a = { id: 'a', scope: 'xg', n: { x: 1, y: [1, { p: 1, q: 2 }] }, _deleted: false };
    const b = { _deleted: false, n: { y: [1, { q: 2, p: 1 }], x: 1 }, scope: 'xg', id: 'a' };
    expect(sameDocState(a, b)).toBe(true);
  });

  it('counts _deleted (absent = false) and ignores RxDB local fields', () => {
    expect(sameDocState({ id: 'a' }, { id: 'a', _deleted: false })).toBe(true);
    expect(sameDocState({ id: 'a' }, { id: 'a', _deleted: true })).toBe(false);
    expect(sameDocState({ id: 'a', _rev: '1-x', _meta: { lwt: 1 } }, { id: 'a', _attachments: {} })).toBe(
      true,
    );
  });

  it('sees real differences', () => {
    expect(sameDocState({ id: 'a', t: [1, 2] }, { id: 'a', t: [2, 1] })).toBe(false);
    expect(sameDocState({ id: 'a', t: null }, { id: 'a' })).toBe(false);
    expect(sameDocState({ id: 'a', t: {} }, { id: 'a', t: [] })).toBe(false);
    expect(sameDocState({ id: 'a', t: '1' }, { id: 'a', t: 1 })).toBe(false);
    expect(sameDocState(null, { id: 'a' })).toBe(false);
    expect(sameDocState(null, undefined)).toBe(true);
  });

  it('is reflexive through a JSON round trip with shuffled keys', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (fields) => {
        const doc = { ...fields, id: 'x' };
        const shuffled = Object.fromEntries(Object.entries(doc).reverse());
        expect(sameDocState(doc, JSON.parse(JSON.stringify(shuffled)))).toBe(true);
      }),
    );
  });
});

describe('wire helpers', () => {
  it('strips local fields and makes _deleted explicit', () => {
    expect(toWireDoc({ id: 'a', _rev: '1', _meta: {}, _attachments: {} })).toEqual({
      id: 'a',
      _deleted: false,
    });
  });

  it('keeps a "__proto__" key as a plain field', () => {
    const hostile = JSON.parse('{"id":"a","__proto__":{"admin":true}}') as Record<string, unknown>;
    const wire = toWireDoc(hostile);
    expect(Object.keys(wire)).toContain('__proto__');
    expect(Object.getPrototypeOf(wire)).toBe(Object.prototype);
    expect(sameDocState(wire, { id: 'a' })).toBe(false);
  });

  it('measures depth without recursion', () => {
    expect(jsonDepth(1)).toBe(0);
    expect(jsonDepth({ a: [1, { b: 2 }] })).toBe(3);
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    expect(jsonDepth(deep)).toBeGreaterThan(64);
  });

  it('has a Chinese message and a 4xx/5xx status for every error code', () => {
    for (const code of ERROR_CODES) {
      expect(ERROR_MESSAGES[code]).toMatch(/[\u4e00-\u9fff]/);
      expect(ERROR_STATUS[code]).toBeGreaterThanOrEqual(400);
      expect(errorBody(code).error.code).toBe(code);
    }
  });
});
