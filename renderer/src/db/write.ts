import type { CollectionName } from '#shared/domain/vocab';
import type { YishiDatabase } from './create-database';
import { newId, nowIso } from './ids';

/** Who writes: this device acting in its role for its home scope. */
export interface Author {
  deviceId: string;
}

/** The base fields of a new document. */
export function created(author: Author, scope: string, id: string, at: string = nowIso()) {
  return { id, scope, createdAt: at, createdBy: author.deviceId, updatedAt: at, updatedBy: author.deviceId };
}

/** The base fields that change with every edit. */
export function updated(author: Author, at: string = nowIso()) {
  return { updatedAt: at, updatedBy: author.deviceId };
}

/** Appends one entry to the audit trail (PIPL accountability: imports, exports, setup, wipes). */
export async function audit(
  db: YishiDatabase,
  author: Author,
  scope: string,
  action: string,
  target?: { collection: CollectionName; id?: string; detail?: string },
): Promise<void> {
  const at = nowIso();
  await db.auditTrail.insert({
    ...created(author, scope, newId('audit'), at),
    at,
    actor: author.deviceId,
    device: author.deviceId,
    action,
    ...(target ? { targetCollection: target.collection } : {}),
    ...(target?.id ? { targetId: target.id } : {}),
    ...(target?.detail ? { detail: target.detail } : {}),
  });
}
