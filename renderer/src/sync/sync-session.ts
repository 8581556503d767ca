// What the database's conflict handlers and the sync client's push handlers of one device share:
// the states pushed and not yet acknowledged, and the push rows held back as outdated. The
// database factory creates the session with the database (its conflict handlers need it from the
// start) and the sync client finds it through the database, so that two databases in one process
// (tests, benchmarks) never see each other's rows.

import { createPushedStates } from './pushed-states';
import type { PushedStates } from './pushed-states';
import { createStaleRows } from './stale-rows';
import type { StaleRows } from './stale-rows';
import { createRestoredBases } from './restored-bases';
import type { RestoredBases } from './restored-bases';

export interface SyncSession {
  readonly pushed: PushedStates;
  readonly stale: StaleRows;
  readonly restored: RestoredBases;
}

export function createSyncSession(): SyncSession {
  return { pushed: createPushedStates(), stale: createStaleRows(), restored: createRestoredBases() };
}

const sessions = new WeakMap<object, SyncSession>();

/** Called by the database factory: `session` belongs to `db` from now on. */
export function attachSyncSession(db: object, session: SyncSession): void {
  sessions.set(db, session);
}

/** The session of `db`; a database made elsewhere gets one of its own on first use. */
export function syncSessionOf(db: object): SyncSession {
  let session = sessions.get(db);
  if (!session) {
    session = createSyncSession();
    sessions.set(db, session);
  }
  return session;
}

/**
 * The hub's epoch as the health check and the stream report it. A restored hub's sequence went
 * back, so checkpoints of the old epoch would skip new documents: on another epoch than `known`
 * the session is marked restoring and `onChanged` restarts the client, whose replication identity
 * (`idSuffix`) then includes the new epoch.
 */
export function watchEpoch(
  session: SyncSession,
  known: string | undefined,
  onChanged: ((epoch: string) => void) | undefined,
) {
  let reported = false;
  return {
    idSuffix: known && known !== '0' ? `|${known}` : '',
    seen(epoch: string | undefined) {
      if (epoch === undefined || epoch === (known ?? '0') || reported) return;
      reported = true;
      session.pushed.setHubRestoring(true);
      onChanged?.(epoch);
    },
    /** A client started after a restore was seen has now given the hub back what it lacked. */
    firstRoundDone() {
      if (!reported) session.pushed.setHubRestoring(false);
    },
  };
}
