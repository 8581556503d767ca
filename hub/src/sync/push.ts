// A push: every row is decided in order against the hub's current state (refuse, ignore a replay,
// report a conflict, or write), inside the store's write transaction. Sync decides, the store
// stores: this module calls the store, never the other way round.

import type { CollectionName } from '#shared/domain/vocab';
import type { Doc, PushResponse } from '#shared/protocol/v1';
import type { QuarantinedRow, Store } from '../store/store';
import { claimedLocalId } from './legacy-author';
import { decideRow } from './rules';
import type { DeviceActor, ParsedRow, RowPolicy } from './rules';

export interface PushOutcome extends PushResponse {
  written: number;
  maxSeq: number;
}

export async function pushRows(
  store: Store,
  collection: CollectionName,
  actor: DeviceActor,
  rows: ParsedRow[],
  policy: RowPolicy,
  now: Date,
): Promise<PushOutcome> {
  const outcome: PushOutcome = { conflicts: [], refused: [], written: 0, maxSeq: 0 };
  const claimed = claimedLocalId(actor, rows);
  if (claimed !== null && (await store.claimLocalId(actor.id, claimed))) actor.localId = claimed;
  outcome.maxSeq = await store.writePush(
    collection,
    rows.map((r) => r.id),
    actor.id,
    now,
    (current) => {
      // A later row of the same id is decided against the earlier row's result, as if pushed after it.
      const writes = new Map<string, Doc>();
      const quarantine: QuarantinedRow[] = [];
      // Planned afresh whenever the store runs the transaction.
      outcome.conflicts = [];
      outcome.refused = [];
      for (const row of rows) {
        const decision = decideRow(collection, actor, row, current.get(row.id) ?? null, policy);
        if (decision.kind === 'write') {
          current.set(row.id, decision.doc);
          writes.set(row.id, decision.doc);
        } else if (decision.kind === 'conflict') {
          outcome.conflicts.push(decision.master);
        } else if (decision.kind === 'refuse') {
          outcome.refused.push({ id: row.id, code: decision.code, reason: decision.reason });
          quarantine.push({ id: row.id, code: decision.code, reason: decision.reason, raw: row.raw });
        }
      }
      outcome.written = writes.size;
      return { writes: [...writes.values()], quarantine };
    },
  );
  return outcome;
}
