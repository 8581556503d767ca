import { CHANGE_ORDER, type Change, type Decided, type Outcome } from '#shared/domain/commands/index';
import type { YishiDatabase } from './create-database';

// The one place a command's Change reaches the database. It writes collection by collection in
// a fixed order (inserts, then replacements), the audit entries last, and stops at the first
// refused row. IndexedDB has no transaction across collections, so a failure can leave the first
// collections written: the result says exactly which, and the audit trail is then not written.

interface BulkResult {
  readonly error: readonly { readonly documentId?: string; readonly status?: number }[];
}

export interface CommitFailure {
  readonly ok: false;
  readonly message: string;
  /** What was written before the failure, as "collection:id" (empty: nothing was written). */
  readonly written: readonly string[];
  readonly failed: { readonly collection: string; readonly id: string; readonly status?: number };
}

export type CommitResult = { readonly ok: true; readonly written: readonly string[] } | CommitFailure;

type Step = { collection: string; ids: string[]; write: () => Promise<BulkResult> };

function stepsOf(db: YishiDatabase, change: Change): Step[] {
  const steps: Step[] = [];
  for (const name of CHANGE_ORDER) {
    // One collection at a time; the cast joins the per-collection document types.
    const collection = db[name] as unknown as {
      bulkInsert(docs: unknown[]): Promise<BulkResult>;
      bulkUpsert(docs: unknown[]): Promise<BulkResult>;
    };
    const inserts = (change.insert[name] ?? []) as readonly { id: string }[];
    const updates = (change.update[name] ?? []) as readonly { id: string }[];
    if (inserts.length)
      steps.push({
        collection: name,
        ids: inserts.map((d) => d.id),
        write: () => collection.bulkInsert([...inserts]),
      });
    if (updates.length)
      steps.push({
        collection: name,
        ids: updates.map((d) => d.id),
        write: () => collection.bulkUpsert([...updates]),
      });
  }
  if (change.audit.length)
    steps.push({
      collection: 'auditTrail',
      ids: change.audit.map((a) => a.id),
      write: () => db.auditTrail.bulkInsert([...change.audit]),
    });
  return steps;
}

export async function commit(db: YishiDatabase, change: Change): Promise<CommitResult> {
  const written: string[] = [];
  for (const step of stepsOf(db, change)) {
    let result: BulkResult;
    try {
      result = await step.write();
    } catch (e) {
      return failure(written, { collection: step.collection, id: step.ids[0] ?? '' }, (e as Error).message);
    }
    const failedIds = new Set(result.error.map((e) => e.documentId));
    written.push(...step.ids.filter((id) => !failedIds.has(id)).map((id) => `${step.collection}:${id}`));
    const first = result.error[0];
    if (first)
      return failure(written, {
        collection: step.collection,
        id: first.documentId ?? '',
        ...(first.status !== undefined ? { status: first.status } : {}),
      });
  }
  return { ok: true, written };
}

function failure(written: string[], failed: CommitFailure['failed'], cause?: string): CommitFailure {
  const what = `${failed.id}${failed.status !== undefined ? `，${failed.status}` : ''}${cause ? `，${cause}` : ''}`;
  const message =
    written.length === 0
      ? `保存失败（${what}）`
      : `只保存了一部分：${written.length} 条已写入，其余未写入（${what}）`;
  return { ok: false, message, written, failed };
}

/** Commits an accepted command's Change; a refusal passes through and nothing is written. */
export async function commitDecided(
  db: YishiDatabase,
  decided: Decided<{ readonly change: Change }>,
): Promise<Outcome> {
  if (!decided.ok) return decided;
  const result = await commit(db, decided.change);
  return result.ok ? { ok: true } : { ok: false, message: result.message };
}
