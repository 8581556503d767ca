import { describe, it, expect } from 'vitest';
import { yishiConflictHandler } from './conflict-handler';

const AT = '2026-11-29T10:00:00.000Z';
const base = {
  id: 'x',
  scope: 'xg.gyj',
  title: 'a',
  status: 'received',
  updatedAt: '2026-11-29T08:00:00.000Z',
  updatedBy: 'd1',
  _deleted: false,
};

describe('yishiConflictHandler', () => {
  it('merges mutable documents field by field and keeps both values of a true conflict', async () => {
    const handler = yishiConflictHandler<Record<string, unknown>>('demands', { nowIso: () => AT });
    const resolved = await handler.resolve(
      {
        assumedMasterState: base,
        newDocumentState: {
          ...base,
          title: 'local',
          status: 'accepted',
          updatedAt: '2026-11-29T09:00:00.000Z',
        },
        realMasterState: { ...base, title: 'remote', updatedBy: 'd2', updatedAt: '2026-11-29T09:30:00.000Z' },
      },
      'test',
    );
    expect(resolved).toMatchObject({ title: 'remote', status: 'accepted', updatedBy: 'd2' });
    expect(resolved['conflicts']).toEqual([
      {
        field: 'title',
        localValue: 'local',
        remoteValue: 'remote',
        remoteUpdatedBy: 'd2',
        remoteUpdatedAt: '2026-11-29T09:30:00.000Z',
        detectedAt: AT,
      },
    ]);
  });

  it('lets the master win for append-only collections', async () => {
    const handler = yishiConflictHandler<Record<string, unknown>>('followUps');
    const master = { ...base, title: 'master' };
    expect(
      await handler.resolve(
        { assumedMasterState: base, newDocumentState: { ...base, title: 'mine' }, realMasterState: master },
        't',
      ),
    ).toBe(master);
  });

  it('compares states ignoring key order and local bookkeeping', () => {
    const handler = yishiConflictHandler<Record<string, unknown>>('demands');
    const reordered = Object.fromEntries(Object.entries(base).reverse()) as typeof base;
    expect(handler.isEqual(base, { ...reordered, _meta: { lwt: 1 }, _rev: '1-a' } as typeof base, 't')).toBe(
      true,
    );
    expect(handler.isEqual(base, { ...base, _deleted: true }, 't')).toBe(false);
  });
});
