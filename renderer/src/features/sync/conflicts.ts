import { combineLatest, map } from 'rxjs';
import type { Observable } from 'rxjs';
import type { RxCollection } from 'rxdb';
import { APPEND_ONLY_COLLECTIONS, COLLECTION_NAMES } from '#shared/domain/vocab';
import type { CollectionName } from '#shared/domain/vocab';
import { resolveConflict } from '#shared/sync/merge';
import type { ConflictChoice, ConflictEntry, DocState } from '#shared/sync/merge';
import type { YishiDatabase } from '../../db/create-database';
import { nowIso } from '../../db/ids';

export const MUTABLE_COLLECTIONS = COLLECTION_NAMES.filter(
  (name) => !(APPEND_ONLY_COLLECTIONS as readonly string[]).includes(name),
);

export interface ConflictedDoc {
  collection: CollectionName;
  id: string;
  title: string;
  scope: string;
  conflicts: ConflictEntry[];
}

function titleOf(doc: Record<string, unknown>): string {
  for (const key of ['title', 'name']) {
    const value = doc[key];
    if (typeof value === 'string' && value) return value;
  }
  return String(doc.id);
}

/** Every document that holds a conflict a person must resolve, live. */
export function conflictedDocs$(db: YishiDatabase): Observable<ConflictedDoc[]> {
  return combineLatest(
    MUTABLE_COLLECTIONS.map((name) =>
      (db.collections[name] as unknown as RxCollection<Record<string, unknown>>)
        .find({ selector: { 'conflicts.0': { $exists: true } } })
        .$.pipe(
          map((docs) =>
            docs.map((doc) => {
              const data = doc.toJSON() as Record<string, unknown>;
              return {
                collection: name,
                id: String(data.id),
                title: titleOf(data),
                scope: String(data.scope),
                conflicts: (data.conflicts as ConflictEntry[] | undefined) ?? [],
              };
            }),
          ),
        ),
    ),
  ).pipe(map((lists) => lists.flat()));
}

/** Applies a person's choice for one field; the document keeps its other open conflicts. */
export async function resolveField(
  db: YishiDatabase,
  collection: CollectionName,
  id: string,
  field: string,
  choice: ConflictChoice,
  by: string,
): Promise<void> {
  const doc = await db.collections[collection].findOne(id).exec();
  if (!doc) return;
  await doc.incrementalModify(
    (data: DocState) => resolveConflict(data, field, choice, nowIso(), by) as never,
  );
}
