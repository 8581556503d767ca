// RxDB's conflict handler for Yishi collections. When the hub answers a push with its current
// master state, mutable documents are merged field by field (`mergeDocuments`): nothing is
// silently overwritten, true conflicts are kept for a person. Append-only documents are
// immutable, so the master's copy is the document.

import type { RxConflictHandler, RxConflictHandlerInput, WithDeleted } from 'rxdb';
import { APPEND_ONLY_COLLECTIONS } from '#shared/domain/vocab';
import type { CollectionName } from '#shared/domain/vocab';
import { sameDocState } from '#shared/protocol/v1';
import { mergeDocuments } from '#shared/sync/merge';
import type { SyncSession } from './sync-session';
import type { DocState } from '#shared/sync/merge';

export interface ConflictHandlerOptions {
  /** The detection time stamped on new conflict entries (ISO). */
  nowIso?: () => string;
}

export function isAppendOnly(collection: string): boolean {
  return (APPEND_ONLY_COLLECTIONS as readonly string[]).includes(collection);
}

function isEqual<T>(a: WithDeleted<T>, b: WithDeleted<T>): boolean {
  return sameDocState(a as DocState, b as DocState);
}

/** A restored hub's state this device had already moved past (see PushedStates.setHubRestoring). */
function restoredOlder(session: SyncSession, remote: DocState, local: DocState): boolean {
  const r = remote['updatedAt'];
  const l = local['updatedAt'];
  return session.pushed.hubRestoring() && typeof r === 'string' && typeof l === 'string' && r <= l;
}

/** The handler for one collection (`conflictHandler` of its RxCollectionCreator). */
export function yishiConflictHandler<T = unknown>(
  collection: CollectionName,
  session: SyncSession,
  options: ConflictHandlerOptions = {},
): RxConflictHandler<T> {
  const nowIso = options.nowIso ?? (() => new Date().toISOString());
  if (isAppendOnly(collection)) {
    return {
      isEqual,
      resolve: (input: RxConflictHandlerInput<T>) => {
        session.stale.take(collection, input.newDocumentState as DocState);
        return Promise.resolve(input.realMasterState);
      },
    };
  }
  return {
    isEqual,
    resolve: async (input: RxConflictHandlerInput<T>) => {
      const local = input.newDocumentState as DocState;
      const remote = input.realMasterState as DocState;
      // A row held back as outdated: its document has moved on, nothing to merge.
      if (session.stale.take(collection, local)) return input.realMasterState;
      if (restoredOlder(session, remote, local)) return input.newDocumentState;
      const id = String(local['id']);
      let base = input.assumedMasterState as DocState | undefined;
      if (!base) {
        // A device restored from a backup pushes with no assumed master: the backup kept the base.
        const restored = await session.restored.lookup(collection, local);
        if (restored === 'synced') return input.realMasterState;
        if (restored) base = restored.base ?? undefined;
      }
      return mergeDocuments({
        base,
        local,
        remote,
        at: nowIso(),
        ours: session.pushed.states(collection, id),
      }) as WithDeleted<T>;
    },
  };
}
