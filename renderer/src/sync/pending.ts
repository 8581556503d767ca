// How many local changes the hub has not acknowledged yet, computed from RxDB's own replication
// bookkeeping rather than counted from events, so the number is right after a restart too: every
// document the fork changed after the upstream checkpoint whose state differs from the assumed
// master state is still waiting to be pushed (or is being pushed right now).

import {
  getAssumedMasterState,
  getChangedDocumentsSince,
  getComposedPrimaryKeyOfDocumentData,
  stackCheckpoints,
} from 'rxdb';
import type { RxReplicationState } from 'rxdb/plugins/replication';

const BATCH = 500;

export async function countPending<C>(replication: RxReplicationState<unknown, C>): Promise<number> {
  const state = replication.internalReplicationState;
  if (!state || replication.isStopped()) return 0;
  const meta = state.input.metaInstance;
  const checkpointId = getComposedPrimaryKeyOfDocumentData(meta.schema, { isCheckpoint: '1', itemId: 'up' });
  const [checkpointDoc] = await meta.findDocumentsById([checkpointId], false);
  let checkpoint: unknown = (checkpointDoc as { checkpointData?: unknown } | undefined)?.checkpointData;
  const isEqual = state.input.conflictHandler.isEqual;
  const primaryPath = state.primaryPath as string;
  let pending = 0;
  for (;;) {
    const changed = await getChangedDocumentsSince(state.input.forkInstance, BATCH, checkpoint);
    if (changed.documents.length === 0) break;
    const ids = changed.documents.map((d) => String((d as Record<string, unknown>)[primaryPath]));
    const assumed = await getAssumedMasterState(state, ids);
    for (const doc of changed.documents) {
      const { _meta: _m, _rev: _r, _attachments: _a, ...docState } = doc as Record<string, unknown>;
      const master = assumed[String((doc as Record<string, unknown>)[primaryPath])];
      if (!master || !isEqual(master.docData, docState as never, 'yishi-pending')) pending += 1;
    }
    checkpoint = stackCheckpoints([checkpoint, changed.checkpoint]);
    if (changed.documents.length < BATCH) break;
  }
  return pending;
}
