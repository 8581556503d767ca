import { describe, it, expect } from 'vitest';
import { yishiConflictHandler } from './conflict-handler';
import { createSyncSession } from './sync-session';

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
    const handler = yishiConflictHandler<Record<string, unknown>>('demands', createSyncSession(), {
      nowIso: () => AT,
    });
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
    const handler = yishiConflictHandler<Record<string, unknown>>('followUps', createSyncSession());
    const master = { ...base, title: 'master' };
    expect(
      await handler.resolve(
        { assumedMasterState: base, newDocumentState: { ...base, title: 'mine' }, realMasterState: master },
        't',
      ),
    ).toBe(master);
  });

  it('compares states ignoring key order and local bookkeeping', () => {
    const handler = yishiConflictHandler<Record<string, unknown>>('demands', createSyncSession());
    const reordered = Object.fromEntries(Object.entries(base).reverse()) as typeof base;
    expect(handler.isEqual(base, { ...reordered, _meta: { lwt: 1 }, _rev: '1-a' } as typeof base, 't')).toBe(
      true,
    );
    expect(handler.isEqual(base, { ...base, _deleted: true }, 't')).toBe(false);
  });

  it('while a restored hub is given back what it lacks, an older master yields to the device state', async () => {
    const session = createSyncSession();
    const handler = yishiConflictHandler<Record<string, unknown>>('demands', session, { nowIso: () => AT });
    const local = { ...base, title: 'after the backup', updatedAt: '2026-11-29T09:00:00.000Z' };
    const input = { newDocumentState: local, realMasterState: base };
    session.pushed.setHubRestoring(true);
    expect(await handler.resolve(input, 'test')).toEqual(local);
    // A master newer than the device's state is another device's edit after the restore: merged.
    const newer = { ...base, title: 'other', updatedBy: 'd2', updatedAt: '2026-11-29T09:30:00.000Z' };
    const merged = await handler.resolve({ newDocumentState: local, realMasterState: newer }, 'test');
    expect(merged['conflicts']).toHaveLength(1);
    // Another database's session is not restoring.
    const other = yishiConflictHandler<Record<string, unknown>>('demands', createSyncSession(), {
      nowIso: () => AT,
    });
    expect((await other.resolve(input, 'test'))['conflicts']).toHaveLength(1);
    session.pushed.setHubRestoring(false);
    // Outside a restore the same conflict is merged as usual (no base: kept as a conflict).
    expect((await handler.resolve(input, 'test'))['conflicts']).toHaveLength(1);
  });
});

describe('yishiConflictHandler on a device restored from a backup', () => {
  const restoredSession = () => {
    const session = createSyncSession();
    session.restored.use({
      read: () =>
        Promise.resolve({
          restoredAt: '2026-11-29T12:00:00.000Z',
          unsynced: { demands: { u: base, n: null } },
        }),
      remove: () => Promise.resolve(),
    });
    return session;
  };
  const remote = { ...base, title: 'remote', updatedBy: 'd2', updatedAt: '2026-11-29T13:00:00.000Z' };

  it('takes the hub’s state for a document that was synced when the backup was made', async () => {
    const handler = yishiConflictHandler<Record<string, unknown>>('demands', restoredSession());
    const resolved = await handler.resolve(
      { newDocumentState: { ...base, id: 's' }, realMasterState: { ...remote, id: 's' } },
      't',
    );
    expect(resolved).toEqual({ ...remote, id: 's' });
  });

  it('merges an unsynced change against the base the backup carried', async () => {
    const handler = yishiConflictHandler<Record<string, unknown>>('demands', restoredSession());
    const local = { ...base, id: 'u', status: 'accepted', updatedAt: '2026-11-29T09:00:00.000Z' };
    const resolved = await handler.resolve(
      { newDocumentState: local, realMasterState: { ...remote, id: 'u' } },
      't',
    );
    // Each side changed one field: both kept, nothing to decide.
    expect(resolved).toMatchObject({ title: 'remote', status: 'accepted' });
    expect(resolved['conflicts'] ?? []).toEqual([]);
  });

  it('keeps both values of a field edited after the restore, since its base is unknown', async () => {
    const handler = yishiConflictHandler<Record<string, unknown>>('demands', restoredSession(), {
      nowIso: () => AT,
    });
    const local = { ...base, id: 'e', title: 'edited', updatedAt: '2026-11-29T12:30:00.000Z' };
    const resolved = await handler.resolve(
      { newDocumentState: local, realMasterState: { ...remote, id: 'e' } },
      't',
    );
    expect(resolved['conflicts']).toEqual([
      expect.objectContaining({ field: 'title', localValue: 'edited', remoteValue: 'remote' }),
    ]);
  });
});
