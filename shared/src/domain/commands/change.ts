import type { CollectionName } from '#shared/domain/vocab';
import type { AuditEntryDoc, DocTypes } from '#shared/schema/index';

// What a command decides, as data: the documents to insert, the documents to replace and the
// audit entries that account for it. Commands build a Change; only the renderer's `commit`
// writes one, so every write of the app takes the same path in the same order.

/** Collections a command writes documents to (the audit trail has its own list). */
export type ChangeCollection = Exclude<CollectionName, 'auditTrail'>;

export type DocsByCollection = { readonly [K in ChangeCollection]?: readonly DocTypes[K][] };

export interface Change {
  /** New documents (append-only collections are only ever inserted). */
  readonly insert: DocsByCollection;
  /** Whole documents that replace the stored ones (read, changed by the command, written back). */
  readonly update: DocsByCollection;
  readonly audit: readonly AuditEntryDoc[];
}

export const NO_CHANGE: Change = { insert: {}, update: {}, audit: [] };

/** The order `commit` writes in: the things acted on first, the records of the act after them. */
export const CHANGE_ORDER: readonly ChangeCollection[] = [
  'places',
  'people',
  'organizations',
  'meetings',
  'topics',
  'demands',
  'tasks',
  'projects',
  'cases',
  'meetingRecords',
  'followUps',
];

export function change(parts: Partial<Change>): Change {
  return { insert: parts.insert ?? {}, update: parts.update ?? {}, audit: parts.audit ?? [] };
}

function mergeDocs(a: DocsByCollection, b: DocsByCollection): DocsByCollection {
  const out: Record<string, readonly unknown[]> = { ...a };
  for (const [name, docs] of Object.entries(b)) out[name] = [...(out[name] ?? []), ...(docs ?? [])];
  return out as DocsByCollection;
}

/** One Change out of several, in order; a later update of the same document replaces the earlier one. */
export function combine(...changes: readonly Change[]): Change {
  const merged = changes.reduce(
    (acc, next) => ({
      insert: mergeDocs(acc.insert, next.insert),
      update: mergeDocs(acc.update, next.update),
      audit: [...acc.audit, ...next.audit],
    }),
    NO_CHANGE,
  );
  const update: Record<string, readonly { id: string }[]> = {};
  for (const [name, docs] of Object.entries(merged.update) as [string, readonly { id: string }[]][]) {
    const last = new Map(docs.map((d) => [d.id, d]));
    update[name] = [...last.values()];
  }
  return { ...merged, update: update as DocsByCollection };
}

/** The documents of one collection a Change inserts or updates. */
export function docsOf<K extends ChangeCollection>(
  change: Change,
  kind: 'insert' | 'update',
  collection: K,
): readonly DocTypes[K][] {
  return (change[kind][collection] ?? []) as readonly DocTypes[K][];
}

/** True when the Change writes nothing at all. */
export const isEmpty = (change: Change): boolean =>
  change.audit.length === 0 &&
  Object.values(change.insert).every((d) => !d?.length) &&
  Object.values(change.update).every((d) => !d?.length);
