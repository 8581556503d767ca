// Residents' personal information (PIPL), as the schemas mark it with `pii(…)`: the one list the
// device seals at rest, the hub withholds from roles without `pii.read` and seals in its
// database, and exports mask. Pure functions over document states.

import { COLLECTION_NAMES, type CollectionName } from '#shared/domain/vocab';
import { jsonEqual } from '#shared/sync/json';
import { SCHEMAS } from './schemas';

type DocState = Record<string, unknown>;

function markedFields(properties: Record<string, unknown>): string[] {
  return Object.entries(properties)
    .filter(([, part]) => (part as { pii?: unknown }).pii === true)
    .map(([field]) => field);
}

/** The PII fields of every collection (empty for collections without any), in schema order. */
export const PII_FIELDS: Readonly<Record<CollectionName, readonly string[]>> = Object.freeze(
  Object.fromEntries(
    COLLECTION_NAMES.map((name) => [
      name,
      Object.freeze(markedFields(SCHEMAS[name].properties as Record<string, unknown>)),
    ]),
  ) as Record<CollectionName, readonly string[]>,
);

export function isPiiField(collection: CollectionName, field: string): boolean {
  return PII_FIELDS[collection].includes(field);
}

/** Whether the document holds a value in any PII field (conflict records included). */
export function holdsPii(collection: CollectionName, doc: DocState): boolean {
  const fields = PII_FIELDS[collection];
  if (fields.length === 0) return false;
  if (fields.some((field) => doc[field] !== undefined)) return true;
  const conflicts = doc['conflicts'];
  return (
    Array.isArray(conflicts) &&
    conflicts.some((entry) => fields.includes((entry as { field?: unknown }).field as string))
  );
}

/**
 * The document without its PII: the fields, and the conflict records kept for them (they hold both
 * sides' values). Returns the same object when there is nothing to remove.
 */
export function withoutPii<T extends DocState>(collection: CollectionName, doc: T): T {
  if (!holdsPii(collection, doc)) return doc;
  const fields = PII_FIELDS[collection];
  const out: DocState = {};
  for (const [key, value] of Object.entries(doc)) if (!fields.includes(key)) out[key] = value;
  const conflicts = doc['conflicts'];
  if (Array.isArray(conflicts)) {
    out['conflicts'] = conflicts.filter(
      (entry) => !fields.includes((entry as { field?: unknown }).field as string),
    );
  }
  return out as T;
}

/**
 * The state to store when a device that never saw the PII (its role lacks `pii.read`) pushes
 * `next`, edited from `assumed`, over the hub's `master`: a PII field keeps the master's value
 * unless the device itself entered a different one (absent from `assumed` or changed from it) —
 * a field withheld from the device is absent there, and absence must not erase it. A new document
 * keeps what the device entered (a leader records the reporter's phone at intake).
 */
export function keepWithheldPii<T extends DocState>(
  collection: CollectionName,
  master: DocState | null,
  assumed: DocState | null,
  next: T,
): T {
  const fields = PII_FIELDS[collection];
  if (master === null || fields.length === 0) return next;
  const out: DocState = { ...next };
  for (const field of fields) {
    const entered = next[field] !== undefined && !jsonEqual(next[field], assumed?.[field]);
    if (entered) continue;
    if (master[field] === undefined) delete out[field];
    else out[field] = master[field];
  }
  const masterConflicts = Array.isArray(master['conflicts']) ? (master['conflicts'] as DocState[]) : [];
  const withheld = masterConflicts.filter((entry) => fields.includes(entry['field'] as string));
  if (withheld.length > 0) {
    const own = Array.isArray(next['conflicts']) ? (next['conflicts'] as DocState[]) : [];
    const kept = own.filter((entry) => !fields.includes(entry['field'] as string));
    out['conflicts'] = [...kept, ...withheld];
  }
  return out as T;
}
