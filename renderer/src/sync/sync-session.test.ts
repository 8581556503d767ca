import { describe, expect, it } from 'vitest';
import { attachSyncSession, createSyncSession, syncSessionOf, watchEpoch } from './sync-session';

describe('the sync session', () => {
  it('belongs to one database: the client finds the one the database factory attached', () => {
    const db = {};
    const session = createSyncSession();
    attachSyncSession(db, session);
    expect(syncSessionOf(db)).toBe(session);
    const other = {};
    expect(syncSessionOf(other)).not.toBe(session);
    expect(syncSessionOf(other)).toBe(syncSessionOf(other));
  });

  it('keeps pushed states apart per session', () => {
    const a = createSyncSession();
    const b = createSyncSession();
    a.pushed.remember('demands', { id: 'd1', title: 'x' });
    expect(a.pushed.states('demands', 'd1')).toHaveLength(1);
    expect(b.pushed.states('demands', 'd1')).toHaveLength(0);
  });

  it('marks the session restoring once on a new hub epoch, until the next client’s first round', () => {
    const session = createSyncSession();
    const changed: string[] = [];
    const first = watchEpoch(session, '0', (e) => changed.push(e));
    expect(first.idSuffix).toBe('');
    first.seen('0');
    first.seen(undefined);
    expect(session.pushed.hubRestoring()).toBe(false);
    first.seen('e2');
    first.seen('e2');
    first.firstRoundDone();
    expect(changed).toEqual(['e2']);
    expect(session.pushed.hubRestoring()).toBe(true);
    // The app restarts the client with the new epoch; its first round clears the flag.
    const next = watchEpoch(session, 'e2', undefined);
    expect(next.idSuffix).toBe('|e2');
    next.firstRoundDone();
    expect(session.pushed.hubRestoring()).toBe(false);
  });
});
