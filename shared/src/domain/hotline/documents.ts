// The demand documents an import plan writes: a new order becomes a demand with the status the
// city's facts give it; a stored one gets the newer facts, keeps what the app owns, and records a
// status the city and a worker both changed as a conflict for a person to settle.
import type { DemandDoc } from '#shared/schema/index';
import type { DemandState } from '#shared/domain/vocab';
import { cityStatus, demandIdForOrderNo, IMPORT_OWNED_FIELDS, statusMerge, type ImportPlan } from './plan';
import type { HotlineDemand } from './rows';

export interface ImportContext {
  readonly now: string;
  /** The device writing (createdBy/updatedBy). */
  readonly by: string;
}

type Mutable = { -readonly [K in keyof DemandDoc]: DemandDoc[K] };

/** The times that go with a status the city gave: resolved and closed when the order was 办结. */
function statusTimes(doc: Mutable, status: DemandState, demand: HotlineDemand): void {
  doc.status = status;
  const finished = demand.hotlineFinishedAt;
  if (finished !== undefined && (status === 'resolved' || status === 'closed')) doc.resolvedAt = finished;
  if (finished !== undefined && status === 'closed') doc.closedAt = finished;
}

function createdDoc(demand: HotlineDemand, id: string, ctx: ImportContext): DemandDoc {
  const doc: Mutable = {
    id,
    createdAt: ctx.now,
    createdBy: ctx.by,
    updatedAt: ctx.now,
    updatedBy: ctx.by,
    ...demand,
    source: 'hotline',
    status: 'received',
    reasonable: true,
    reopenedCount: 0,
  };
  statusTimes(doc, cityStatus(demand), demand);
  return doc;
}

function mergedDoc(existing: DemandDoc, demand: HotlineDemand, rowConflict: boolean, ctx: ImportContext) {
  const doc: Mutable = { ...existing, ...demand, updatedAt: ctx.now, updatedBy: ctx.by };
  // A field emptied in the newer export is emptied here too.
  for (const field of IMPORT_OWNED_FIELDS) if (demand[field] === undefined) delete doc[field];
  const merge = statusMerge(existing, demand);
  if (merge.kind === 'take') statusTimes(doc, merge.incoming, demand);
  if (rowConflict) {
    const others = (existing.conflicts ?? []).filter((c) => c.field !== 'status');
    doc.conflicts = [
      ...others,
      {
        field: 'status',
        localValue: merge.local,
        remoteValue: merge.incoming,
        remoteUpdatedBy: ctx.by,
        remoteUpdatedAt: ctx.now,
        detectedAt: ctx.now,
      },
    ];
  }
  return doc;
}

/** Every document the plan creates or changes, one per work order, from its latest row. */
export function importDocuments(
  plan: ImportPlan,
  existingByOrderNo: ReadonlyMap<string, DemandDoc>,
  ctx: ImportContext,
): DemandDoc[] {
  const touched = new Set([...plan.create, ...plan.update].map((p) => p.demand.hotlineOrderNo));
  const conflicted = new Set(plan.conflicts.map((c) => c.orderNo));
  const docs: DemandDoc[] = [];
  for (const [orderNo, { demand }] of plan.latest) {
    const existing = existingByOrderNo.get(orderNo);
    const recorded = existing?.conflicts?.some(
      (c) => c.field === 'status' && c.remoteValue === cityStatus(demand),
    );
    if (!touched.has(orderNo) && (!conflicted.has(orderNo) || recorded)) continue;
    docs.push(
      existing
        ? mergedDoc(existing, demand, conflicted.has(orderNo), ctx)
        : createdDoc(demand, demandIdForOrderNo(orderNo), ctx),
    );
  }
  return docs;
}
