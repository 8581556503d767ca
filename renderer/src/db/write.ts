import { auditEntry, change, newBase, touched } from '#shared/domain/commands/index';
import type { CollectionName } from '#shared/domain/vocab';
import { commit } from './commit';
import type { YishiDatabase } from './create-database';
import { newId, nowIso } from './ids';

// Device records outside any command (setup, enrolment, imports, exports) take the same path as
// commands: the shared builders make the fields and the entry, `commit` writes them.

/** Who writes: this device acting in its role for its home scope. */
export interface Author {
  deviceId: string;
}

/** The base fields of a new document. */
export function created(author: Author, scope: string, id: string, at: string = nowIso()) {
  return { ...newBase({ deviceId: author.deviceId, now: at, newId: () => id }, '', scope) };
}

/** The base fields that change with every edit. */
export function updated(author: Author, at: string = nowIso()) {
  return touched({ deviceId: author.deviceId, now: at });
}

/** Appends one entry to the audit trail (PIPL accountability: imports, exports, setup, wipes). */
export async function audit(
  db: YishiDatabase,
  author: Author,
  scope: string,
  action: string,
  target?: { collection: CollectionName; id?: string; detail?: string },
): Promise<void> {
  const entry = auditEntry(
    { actor: { id: author.deviceId }, deviceId: author.deviceId, now: nowIso(), newId },
    {
      scope,
      action,
      ...(target ? { collection: target.collection } : {}),
      ...(target?.id ? { id: target.id } : {}),
      ...(target?.detail ? { detail: target.detail } : {}),
    },
  );
  const written = await commit(db, change({ audit: [entry] }));
  if (!written.ok) throw new Error(written.message);
}
