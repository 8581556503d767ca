// Validates a push's rows against the shared schemas before the write transaction, a slice at a
// time, giving the event loop a turn between slices: a 5 MB push of 1000 rows must not hold up
// every other device's requests (and /v1/health) while ajv walks it. The verdicts are then
// answered from memory when the push's decision asks for them inside the transaction.

import type { CollectionName } from '#shared/domain/vocab';
import type { Doc } from '#shared/protocol/v1';
import type { ParsedRow, RowPolicy } from './rules';

/** How long one slice may run before the event loop gets a turn. */
const SLICE_MS = 8;

export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** True when `fields` is `doc` without `_deleted`: the same values, by reference. */
function sameFields(fields: Record<string, unknown>, doc: Doc): boolean {
  let count = 0;
  for (const key of Object.keys(fields)) {
    if (key === '_deleted' || fields[key] !== (doc as Record<string, unknown>)[key]) return false;
    count += 1;
  }
  return count === Object.keys(doc).filter((k) => k !== '_deleted').length;
}

/**
 * Runs `policy.validate` over every row in slices of at most ~SLICE_MS and returns a policy that
 * answers those rows' validation from the results (any other document is validated afresh).
 */
export async function prevalidate(
  collection: CollectionName,
  rows: readonly ParsedRow[],
  policy: RowPolicy,
): Promise<RowPolicy> {
  const verdicts = new Map<string, Array<{ doc: Doc; verdict: string | null }>>();
  let sliceStart = performance.now();
  for (const row of rows) {
    const { _deleted: _ignored, ...fields } = row.next;
    const list = verdicts.get(row.id) ?? [];
    list.push({ doc: row.next, verdict: policy.validate(collection, fields) });
    verdicts.set(row.id, list);
    if (performance.now() - sliceStart > SLICE_MS) {
      await yieldToEventLoop();
      sliceStart = performance.now();
    }
  }
  return {
    ...policy,
    validate(c, fields) {
      const known = c === collection ? verdicts.get(String(fields['id'])) : undefined;
      const hit = known?.find((k) => sameFields(fields, k.doc));
      return hit ? hit.verdict : policy.validate(c, fields);
    },
  };
}
