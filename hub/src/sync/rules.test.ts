import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Doc } from '#shared/protocol/v1';
import { validDoc } from '../testing/fixtures';
import { createRowPolicy } from './policy';
import { decideRow, hasUnstorableString, isStorableId, parsePushBody } from './rules';
import type { DeviceActor, ParsedRow } from './rules';

const actor: DeviceActor = { id: 'dev-1', role: 'community-worker', scope: 'xg.gyj' };
const policy = createRowPolicy();

function row(next: Record<string, unknown>, assumed: Record<string, unknown> | null = null): ParsedRow {
  const parsed = parsePushBody([{ newDocumentState: next, assumedMasterState: assumed }]);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed.rows[0] as ParsedRow;
}
const master = (d: Record<string, unknown>) => ({ ...d, _deleted: false }) as Doc;

describe('parsePushBody', () => {
  it('refuses bodies that are not lists of rows with a usable id', () => {
    expect(parsePushBody({})).toHaveProperty('error');
    expect(parsePushBody([1])).toHaveProperty('error');
    expect(parsePushBody([{ newDocumentState: 'x' }])).toHaveProperty('error');
    expect(parsePushBody([{ newDocumentState: { id: 5 } }])).toHaveProperty('error');
    expect(parsePushBody([{ newDocumentState: { id: 'a'.repeat(65) } }])).toHaveProperty('error');
    expect(parsePushBody([{ newDocumentState: { id: 'a' }, assumedMasterState: 'x' }])).toHaveProperty(
      'error',
    );
    expect(
      parsePushBody(Array.from({ length: 1001 }, () => ({ newDocumentState: { id: 'a' } }))),
    ).toHaveProperty('error');
    let deep: unknown = 1;
    for (let i = 0; i < 100; i += 1) deep = { d: deep };
    expect(parsePushBody([{ newDocumentState: { id: 'a', deep } }])).toHaveProperty('error');
  });

  it('strips RxDB local fields and defaults _deleted', () => {
    const parsed = parsePushBody([
      { newDocumentState: { id: 'a', _rev: '1-a', _meta: { lwt: 1 }, _attachments: {} } },
    ]);
    expect(parsed).toEqual({
      rows: [expect.objectContaining({ id: 'a', next: { id: 'a', _deleted: false }, assumed: null })],
    });
  });

  it('never throws on arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(typeof parsePushBody(v)).toBe('object');
      }),
    );
  });
});

describe('decideRow', () => {
  const doc = validDoc('demands', 'd1', 'xg.gyj.c1');

  it('writes new documents in scope', () => {
    expect(decideRow('demands', actor, row(doc), null, policy)).toEqual({ kind: 'write', doc: master(doc) });
  });

  it('refuses out-of-scope documents, including moves out of and into the subtree', () => {
    expect(decideRow('demands', actor, row({ ...doc, scope: 'xg.hxdj' }), null, policy)).toMatchObject({
      code: 'scope',
    });
    expect(decideRow('demands', actor, row({ ...doc, scope: 'xg' }), null, policy)).toMatchObject({
      code: 'scope',
    });
    const foreign = master({ ...doc, scope: 'xg.hxdj' });
    expect(decideRow('demands', actor, row(doc, foreign), foreign, policy)).toMatchObject({ code: 'scope' });
  });

  it('refuses schema violations and a non-boolean _deleted', () => {
    expect(decideRow('demands', actor, row({ ...doc, urgency: 'whenever' }), null, policy)).toMatchObject({
      code: 'schema',
    });
    expect(decideRow('demands', actor, row({ ...doc, _deleted: 'yes' }), null, policy)).toMatchObject({
      code: 'schema',
    });
    expect(decideRow('demands', actor, row({ ...doc, title: '\ud800' }), null, policy)).toMatchObject({
      code: 'schema',
    });
  });

  it('refuses writes beyond the role', () => {
    const viewer = { ...actor, role: 'viewer' as const };
    expect(decideRow('demands', viewer, row(doc), null, policy)).toMatchObject({ code: 'role' });
  });

  it('ignores a replay, reports a stale assumption as a conflict, writes a fresh one', () => {
    const m = master(doc);
    const edited = { ...doc, title: '新标题' };
    expect(decideRow('demands', actor, row(doc, null), m, policy)).toEqual({ kind: 'noop' });
    expect(decideRow('demands', actor, row(edited, null), m, policy)).toEqual({
      kind: 'conflict',
      master: m,
    });
    expect(decideRow('demands', actor, row(edited, { ...doc, title: '别的' }), m, policy)).toEqual({
      kind: 'conflict',
      master: m,
    });
    expect(decideRow('demands', actor, row(edited, doc), m, policy)).toEqual({
      kind: 'write',
      doc: master(edited),
    });
  });

  it('keeps the PII a role without pii.read never saw, and judges its conflicts on what it saw', () => {
    const chair = { ...actor, role: 'hall-chair' as const };
    const withPii = { ...doc, reporterPhone: '13800000001', addressDetail: '3号楼2单元401' };
    const m = master(withPii);
    const { reporterPhone: _p, addressDetail: _a, ...seen } = withPii;
    const edited = { ...seen, title: '新标题' };
    expect(decideRow('demands', chair, row(edited, seen), m, policy)).toEqual({
      kind: 'write',
      doc: master({ ...withPii, title: '新标题' }),
    });
    expect(decideRow('demands', chair, row(seen, seen), m, policy)).toEqual({ kind: 'noop' });
    expect(decideRow('demands', chair, row(edited, { ...seen, title: '别的' }), m, policy)).toEqual({
      kind: 'conflict',
      master: master(seen),
    });
    // A community worker saw the PII: removing it is an edit like any other.
    expect(decideRow('demands', actor, row(edited, withPii), m, policy)).toEqual({
      kind: 'write',
      doc: master(edited),
    });
  });

  it('refuses a step the shared state machines do not open to the role, with the reason', () => {
    const as = (role: DeviceActor['role']) => ({ ...actor, role });
    const topic = validDoc('topics', 't1', 'xg.gyj', {
      status: 'handling',
      track: 'inDepth',
      level: 'courtyard',
    });
    const closedTopic = { ...topic, status: 'closed' };
    expect(decideRow('topics', as('leader'), row(closedTopic, topic), master(topic), policy)).toEqual({
      kind: 'refuse',
      code: 'role',
      reason: expect.stringContaining('门楼院长无权把议题从「结果办理」改为「已办结」'),
    });
    expect(decideRow('topics', as('hall-chair'), row(closedTopic, topic), master(topic), policy)).toEqual({
      kind: 'write',
      doc: master(closedTopic),
    });
    const answered = { ...doc, status: 'answered' };
    expect(
      decideRow(
        'demands',
        as('hall-chair'),
        row({ ...answered, status: 'closed' }, answered),
        master(answered),
        policy,
      ),
    ).toMatchObject({ code: 'role', reason: expect.stringContaining('议事会主持人无权把诉求') });
    expect(decideRow('demands', as('leader'), row({ ...doc, status: 'closed' }), null, policy)).toMatchObject(
      {
        code: 'role',
        reason: expect.stringContaining('门楼院长无权新建「已办结」状态的诉求'),
      },
    );
    expect(decideRow('demands', as('leader'), row(doc), null, policy)).toMatchObject({ kind: 'write' });
  });

  it("refuses a document or audit entry in another device's name, accepting the device's local id", () => {
    expect(decideRow('demands', actor, row({ ...doc, createdBy: 'dev-9' }), null, policy)).toMatchObject({
      code: 'author',
      reason: expect.stringContaining('createdBy'),
    });
    const entry = validDoc('auditTrail', 'a1', 'xg.gyj');
    expect(decideRow('auditTrail', actor, row({ ...entry, actor: 'dev-9' }), null, policy)).toMatchObject({
      code: 'author',
      reason: expect.stringContaining('审计记录的操作人不是本设备'),
    });
    const enrolled = { ...actor, id: 'hub-id-7', localId: 'dev-1' };
    expect(decideRow('auditTrail', enrolled, row(entry), null, policy)).toMatchObject({ kind: 'write' });
    const other = validDoc('demands', 'd9', 'xg.gyj', { createdBy: 'dev-9', updatedBy: 'dev-9' });
    const edited = { ...other, title: '改', updatedBy: 'hub-id-7' };
    expect(decideRow('demands', enrolled, row(edited, other), master(other), policy)).toMatchObject({
      kind: 'write',
    });
    expect(
      decideRow('demands', enrolled, row({ ...edited, createdBy: 'hub-id-7' }, other), master(other), policy),
    ).toMatchObject({ code: 'author' });
  });

  it('refuses edits of append-only records but lets replays through', () => {
    const rec = validDoc('followUps', 'f1', 'xg.gyj');
    const m = master(rec);
    expect(decideRow('followUps', actor, row({ ...rec, note: '改' }, rec), m, policy)).toMatchObject({
      code: 'append_only',
    });
    expect(decideRow('followUps', actor, row(rec, rec), m, policy)).toEqual({ kind: 'noop' });
  });
});

describe('storable strings', () => {
  it('finds NUL and lone surrogates in values and keys, accepts paired surrogates', () => {
    expect(hasUnstorableString({ a: ['x', 'y\u0000'] })).toBe(true);
    expect(hasUnstorableString({ ['k\u0000']: 1 })).toBe(true);
    expect(hasUnstorableString('\udc00')).toBe(true);
    expect(hasUnstorableString('😀 中文')).toBe(false);
    expect(isStorableId("x'; drop table documents; --")).toBe(true);
    expect(isStorableId('')).toBe(false);
  });
});
