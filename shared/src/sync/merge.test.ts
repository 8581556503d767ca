import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { canonicalJson, jsonEqual } from './json';
import { mergeDocuments, resolveConflict } from './merge';
import type { ConflictEntry, DocState } from './merge';

const AT = '2026-11-29T08:00:00.000Z';

function doc(fields: DocState): DocState {
  return {
    id: 'd1',
    scope: 'xg.gyj',
    createdAt: '2026-11-01T00:00:00.000Z',
    createdBy: 'dev-a',
    updatedAt: '2026-11-01T00:00:00.000Z',
    updatedBy: 'dev-a',
    _deleted: false,
    ...fields,
  };
}

describe('mergeDocuments', () => {
  const base = doc({ title: '楼道堆物', status: 'received', urgency: 'normal', demandIds: ['a'] });

  it('takes fields changed on one side only from that side', () => {
    const local = {
      ...base,
      title: '楼道堆物清理',
      updatedAt: '2026-11-02T00:00:00.000Z',
      updatedBy: 'dev-b',
    };
    const remote = { ...base, status: 'accepted', updatedAt: '2026-11-03T00:00:00.000Z', updatedBy: 'dev-c' };
    const merged = mergeDocuments({ base, local, remote, at: AT });
    expect(merged['title']).toBe('楼道堆物清理');
    expect(merged['status']).toBe('accepted');
    expect(merged['updatedAt']).toBe('2026-11-03T00:00:00.000Z');
    expect(merged['updatedBy']).toBe('dev-c');
    expect((merged as DocState)['conflicts']).toBeUndefined();
  });

  it('keeps the master value and records a conflict when both changed a field differently', () => {
    const local = { ...base, urgency: 'urgent', updatedAt: '2026-11-04T00:00:00.000Z', updatedBy: 'dev-b' };
    const remote = {
      ...base,
      urgency: 'critical',
      updatedAt: '2026-11-03T00:00:00.000Z',
      updatedBy: 'dev-c',
    };
    const merged = mergeDocuments({ base, local, remote, at: AT });
    expect(merged['urgency']).toBe('critical');
    expect(merged['updatedBy']).toBe('dev-b');
    expect((merged as DocState)['conflicts']).toEqual([
      {
        field: 'urgency',
        localValue: 'urgent',
        remoteValue: 'critical',
        remoteUpdatedBy: 'dev-c',
        remoteUpdatedAt: '2026-11-03T00:00:00.000Z',
        detectedAt: AT,
      },
    ]);
  });

  it('accepts both sides making the same change without a conflict', () => {
    const local = { ...base, demandIds: ['a', 'b'], title: 'x' };
    const remote = { ...base, demandIds: ['a', 'b'], status: 'accepted' };
    const merged = mergeDocuments({ base, local, remote, at: AT });
    expect(merged['demandIds']).toEqual(['a', 'b']);
    expect((merged as DocState)['conflicts']).toBeUndefined();
  });

  it('compares nested arrays as whole values', () => {
    const local = { ...base, demandIds: ['a', 'b'] };
    const remote = { ...base, demandIds: ['a', 'c'] };
    const merged = mergeDocuments({ base, local, remote, at: AT });
    expect(merged['demandIds']).toEqual(['a', 'c']);
    expect((merged['conflicts'] as ConflictEntry[])[0]).toMatchObject({
      field: 'demandIds',
      localValue: ['a', 'b'],
    });
  });

  it('keeps an edit against a deletion and records the deletion as a conflict', () => {
    const localDelete = { ...base, _deleted: true };
    const remoteEdit = { ...base, title: '新标题' };
    const a = mergeDocuments({ base, local: localDelete, remote: remoteEdit, at: AT });
    expect(a['_deleted']).toBe(false);
    expect(a['title']).toBe('新标题');
    expect(a['conflicts']).toEqual([
      expect.objectContaining({ field: '_deleted', localValue: true, remoteValue: false }),
    ]);

    const b = mergeDocuments({ base, local: remoteEdit, remote: localDelete, at: AT });
    expect(b['_deleted']).toBe(false);
    expect(b['title']).toBe('新标题');
    expect(b['conflicts']).toEqual([
      expect.objectContaining({ field: '_deleted', localValue: false, remoteValue: true }),
    ]);
  });

  it('lets a deletion stand when the other side only touched bookkeeping or nothing', () => {
    const localDelete = { ...base, _deleted: true, updatedAt: '2026-11-05T00:00:00.000Z' };
    const remoteTouch = { ...base, updatedAt: '2026-11-04T00:00:00.000Z' };
    expect(mergeDocuments({ base, local: localDelete, remote: remoteTouch, at: AT })['_deleted']).toBe(true);
  });

  it('keeps a field one side removed when the other did not touch it, and records removal vs change', () => {
    const { title: _t, ...withoutTitle } = base;
    const local = { ...withoutTitle };
    const remote = { ...base, status: 'accepted' };
    expect(mergeDocuments({ base, local, remote, at: AT })).not.toHaveProperty('title');
    const remote2 = { ...base, title: '改了' };
    const merged = mergeDocuments({ base, local, remote: remote2, at: AT });
    expect(merged['title']).toBe('改了');
    const entry = (merged['conflicts'] as ConflictEntry[])[0];
    expect(entry).toMatchObject({ field: 'title', remoteValue: '改了' });
    expect(entry).not.toHaveProperty('localValue');
  });

  it('merges conflict lists three-way: a resolved entry stays resolved, new entries from both sides stay', () => {
    const e1: ConflictEntry = {
      field: 'title',
      localValue: 'x',
      remoteValue: 'y',
      remoteUpdatedBy: 'c',
      remoteUpdatedAt: AT,
      detectedAt: AT,
    };
    const e2: ConflictEntry = { ...e1, field: 'status' };
    const e3: ConflictEntry = { ...e1, field: 'urgency' };
    const b = { ...base, conflicts: [e1] };
    const local = { ...base, conflicts: [], title: 'resolved' };
    const remote = { ...base, conflicts: [e1, e2], status: 'x' };
    const merged = mergeDocuments({ base: b, local: { ...local, conflicts: [e3] }, remote, at: AT });
    expect((merged as DocState)['conflicts']).toEqual([e2, e3]);
  });

  it('treats a missing base as both sides having created the document', () => {
    const local = doc({ title: 'A', status: 'received' });
    const remote = doc({ title: 'B', status: 'received' });
    const merged = mergeDocuments({ base: undefined, local, remote, at: AT });
    expect(merged['title']).toBe('B');
    expect((merged as DocState)['conflicts']).toEqual([
      expect.objectContaining({ field: 'title', localValue: 'A', remoteValue: 'B' }),
    ]);
  });
});

describe('resolveConflict', () => {
  const entry: ConflictEntry = {
    field: 'urgency',
    localValue: 'urgent',
    remoteValue: 'critical',
    remoteUpdatedBy: 'dev-c',
    remoteUpdatedAt: AT,
    detectedAt: AT,
  };
  const conflicted = doc({ urgency: 'critical', conflicts: [entry, { ...entry, field: 'title' }] });

  it('puts back the local value and removes only that field’s entries', () => {
    const out = resolveConflict(conflicted, 'urgency', 'local', '2026-12-01T00:00:00.000Z', 'person-1');
    expect(out['urgency']).toBe('urgent');
    expect(out['conflicts']).toEqual([{ ...entry, field: 'title' }]);
    expect(out['updatedBy']).toBe('person-1');
    expect(out['updatedAt']).toBe('2026-12-01T00:00:00.000Z');
  });

  it('keeps the master value on "remote" and takes a typed value on custom', () => {
    expect(resolveConflict(conflicted, 'urgency', 'remote', AT, 'p')['urgency']).toBe('critical');
    expect(resolveConflict(conflicted, 'urgency', { custom: 'normal' }, AT, 'p')['urgency']).toBe('normal');
  });

  it('deletes the document when a person confirms a conflicting local deletion', () => {
    const d = doc({ conflicts: [{ ...entry, field: '_deleted', localValue: true, remoteValue: false }] });
    expect(resolveConflict(d, '_deleted', 'local', AT, 'p')['_deleted']).toBe(true);
    expect(resolveConflict(d, '_deleted', 'remote', AT, 'p')['_deleted']).toBe(false);
  });

  it('returns the document unchanged when the field has no conflict', () => {
    expect(resolveConflict(conflicted, 'status', 'local', AT, 'p')).toBe(conflicted);
  });
});

// ---- properties ----

const value = fc.oneof(
  fc.constantFrom('a', 'b', 'c'),
  fc.integer({ min: 0, max: 3 }),
  fc.boolean(),
  fc.constant(undefined),
  fc.array(fc.constantFrom('x', 'y'), { maxLength: 2 }),
  fc.record({ k: fc.constantFrom(1, 2) }),
);
const FIELDS = ['f1', 'f2', 'f3', 'f4'] as const;
const state = fc
  .record({
    f1: value,
    f2: value,
    f3: value,
    f4: value,
    _deleted: fc.boolean(),
    updatedAt: fc.constantFrom(
      '2026-11-01T00:00:00.000Z',
      '2026-11-02T00:00:00.000Z',
      '2026-11-03T00:00:00.000Z',
    ),
    updatedBy: fc.constantFrom('dev-a', 'dev-b'),
  })
  .map((r) => {
    const out: DocState = { id: 'd', scope: 'xg' };
    for (const [k, v] of Object.entries(r)) if (v !== undefined) out[k] = v;
    return out;
  });
/** A side derived from the base by changing some fields, so unchanged fields are common. */
const triple = fc
  .tuple(
    state,
    state,
    state,
    fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
    fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
  )
  .map(([base, l, r, lMask, rMask]) => {
    const derive = (side: DocState, mask: boolean[]) => {
      const out: DocState = { ...base };
      [...FIELDS, '_deleted'].forEach((f, i) => {
        if (mask[i]) {
          if (side[f] === undefined) delete out[f];
          else out[f] = side[f];
        }
      });
      out['updatedAt'] = side['updatedAt'];
      out['updatedBy'] = side['updatedBy'];
      return out;
    };
    return { base, local: derive(l, lMask), remote: derive(r, rMask) };
  });

describe('mergeDocuments properties', () => {
  it('is deterministic and independent of key order', () => {
    fc.assert(
      fc.property(triple, ({ base, local, remote }) => {
        const a = mergeDocuments({ base, local, remote, at: AT });
        const reversed = (d: DocState) => Object.fromEntries(Object.entries(d).reverse());
        const b = mergeDocuments({
          base: reversed(base),
          local: reversed(local),
          remote: reversed(remote),
          at: AT,
        });
        expect(canonicalJson(a)).toBe(canonicalJson(b));
      }),
    );
  });

  it('never drops a value either side changed: it is in the field or in conflicts', () => {
    fc.assert(
      fc.property(triple, ({ base, local, remote }) => {
        const merged = mergeDocuments({ base, local, remote, at: AT });
        const conflicts = (merged['conflicts'] as ConflictEntry[] | undefined) ?? [];
        for (const field of [...FIELDS, '_deleted']) {
          const norm = (d: DocState) => (field === '_deleted' ? d[field] === true : d[field]);
          for (const [side, key] of [
            [local, 'localValue'],
            [remote, 'remoteValue'],
          ] as const) {
            if (jsonEqual(norm(side), norm(base))) continue;
            const kept =
              jsonEqual(norm(merged), norm(side)) ||
              conflicts.some((e) => e.field === field && jsonEqual(e[key], norm(side)));
            expect(kept, `${field} from ${key}`).toBe(true);
          }
        }
      }),
    );
  });

  it('returns the other side when one side is unchanged', () => {
    fc.assert(
      fc.property(triple, ({ base, local, remote }) => {
        expect(mergeDocuments({ base, local: base, remote, at: AT })).toEqual(remote);
        expect(mergeDocuments({ base, local, remote: base, at: AT })).toEqual(local);
      }),
    );
  });

  it('records a conflict only where both sides changed a field to different values', () => {
    fc.assert(
      fc.property(triple, ({ base, local, remote }) => {
        const merged = mergeDocuments({ base, local, remote, at: AT });
        for (const e of (merged['conflicts'] as ConflictEntry[] | undefined) ?? []) {
          if (e.field === '_deleted') continue;
          expect(jsonEqual(local[e.field], base[e.field])).toBe(false);
          expect(jsonEqual(remote[e.field], base[e.field])).toBe(false);
          expect(jsonEqual(local[e.field], remote[e.field])).toBe(false);
        }
      }),
    );
  });
});

describe('a push whose answer was lost', () => {
  const created = {
    id: 'd1',
    scope: 'xg.gyj',
    title: '原标题',
    answer: '',
    updatedAt: 't1',
    updatedBy: 'a',
    _deleted: false,
  };
  const pushed = { ...created, title: 'a 改的标题', updatedAt: 't2' };

  it('treats the master holding this device’s own pushed state as unchanged', () => {
    // a pushed `pushed` (applied, answer lost), then edited again; RxDB still assumes `created`.
    const local = { ...pushed, title: 'a 再改的标题', updatedAt: 't3' };
    const merged = mergeDocuments({ base: created, local, remote: pushed, at: 't4', ours: [pushed] });
    expect(merged.title).toBe('a 再改的标题');
    expect((merged as DocState)['conflicts']).toBeUndefined();
  });

  it('keeps this device’s later edit in the field when another device changed a different field meanwhile', () => {
    // a's insert was applied without an answer; c then answered; a edited its title.
    const remote = { ...created, answer: 'c 的答复', updatedAt: 't3', updatedBy: 'c' };
    const local = { ...created, title: 'a 的新标题', updatedAt: 't4' };
    const merged = mergeDocuments({ base: undefined, local, remote, at: 't5', ours: [created] });
    expect(merged.title).toBe('a 的新标题');
    expect(merged.answer).toBe('c 的答复');
    expect((merged as DocState)['conflicts']).toBeUndefined();
  });

  it('still records a true conflict when another device changed the same field', () => {
    const remote = { ...created, title: 'c 的标题', updatedAt: 't3', updatedBy: 'c' };
    const local = { ...created, title: 'a 的标题', updatedAt: 't4' };
    const merged = mergeDocuments({ base: created, local, remote, at: 't5', ours: [created] });
    expect(merged.title).toBe('c 的标题');
    expect((merged as DocState)['conflicts']).toEqual([
      {
        field: 'title',
        localValue: 'a 的标题',
        remoteValue: 'c 的标题',
        remoteUpdatedBy: 'c',
        remoteUpdatedAt: 't3',
        detectedAt: 't5',
      },
    ]);
  });
});
