// Local changes the hub has not acknowledged yet, computed from RxDB's own replication
// bookkeeping rather than counted from events, so the answer is right after a restart too: every
// document the fork changed after the upstream checkpoint whose state differs from the assumed
// master state is still waiting to be pushed (or is being pushed right now). The status bar
// counts them; a sync bundle carries them as the push would send them.

import {
  getAssumedMasterState,
  getChangedDocumentsSince,
  getComposedPrimaryKeyOfDocumentData,
  stackCheckpoints,
} from 'rxdb';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import { toWireDoc } from '#shared/protocol/v1';
import type { Doc, PushRow } from '#shared/protocol/v1';

const BATCH = 500;

type Internal = NonNullable<RxReplicationState<unknown, unknown>['internalReplicationState']>;

async function readCheckpoint(state: Internal, direction: 'up' | 'down'): Promise<unknown> {
  const meta = state.input.metaInstance;
  const id = getComposedPrimaryKeyOfDocumentData(meta.schema, { isCheckpoint: '1', itemId: direction });
  const [doc] = await meta.findDocumentsById([id], false);
  return (doc as { checkpointData?: unknown } | undefined)?.checkpointData;
}

/** The replication's stored checkpoint of one direction (`up`: pushed, `down`: pulled). */
export async function storedCheckpoint<C>(
  replication: RxReplicationState<unknown, C>,
  direction: 'up' | 'down',
): Promise<unknown> {
  // A fresh replication sets up its bookkeeping when it starts (after leadership).
  await replication.startPromise;
  const state = replication.internalReplicationState;
  return state ? readCheckpoint(state as Internal, direction) : undefined;
}

/** Calls `visit` with every row the push has yet to deliver, in RxDB's order. */
async function eachPending<C>(
  replication: RxReplicationState<unknown, C>,
  visit: (row: PushRow) => void,
): Promise<void> {
  const state = replication.internalReplicationState;
  if (!state || replication.isStopped()) return;
  let checkpoint = await readCheckpoint(state as Internal, 'up');
  const isEqual = state.input.conflictHandler.isEqual;
  const primaryPath = state.primaryPath as string;
  for (;;) {
    const changed = await getChangedDocumentsSince(state.input.forkInstance, BATCH, checkpoint);
    if (changed.documents.length === 0) break;
    const ids = changed.documents.map((d) => String((d as Record<string, unknown>)[primaryPath]));
    const assumed = await getAssumedMasterState(state, ids);
    for (const doc of changed.documents) {
      const { _meta: _m, _rev: _r, _attachments: _a, ...docState } = doc as Record<string, unknown>;
      const master = assumed[String((doc as Record<string, unknown>)[primaryPath])];
      if (master && isEqual(master.docData, docState as never, 'yishi-pending')) continue;
      visit({
        newDocumentState: toWireDoc(docState) as Doc,
        assumedMasterState: master ? (toWireDoc(master.docData as Record<string, unknown>) as Doc) : null,
      });
    }
    checkpoint = stackCheckpoints([checkpoint, changed.checkpoint]);
    if (changed.documents.length < BATCH) break;
  }
}

export async function countPending<C>(replication: RxReplicationState<unknown, C>): Promise<number> {
  let pending = 0;
  await eachPending(replication, () => {
    pending += 1;
  });
  return pending;
}

/** The rows as the push handler would send them (wire states, photo bytes excluded). */
export async function pendingRows<C>(replication: RxReplicationState<unknown, C>): Promise<PushRow[]> {
  // A fresh replication sets up its bookkeeping when it starts (after leadership).
  await replication.startPromise;
  const rows: PushRow[] = [];
  await eachPending(replication, (row) => rows.push(row));
  return rows;
}
