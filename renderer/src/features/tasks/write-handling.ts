// Writes what a pure handling step returned: documents first, then one audit entry per step, so
// every change of 办/督/评 is a proper document with its audit trail.
import type { AuditNote, HandlingContext } from '#shared/domain/handling/index';
import type { DeviceSettings } from '../../db/settings';
import type { DemandDoc, FollowUpDoc, TaskDoc, TopicDoc } from '#shared/schema/index';
import type { YishiDatabase } from '../../db/create-database';
import { newId, nowIso } from '../../db/ids';
import { audit } from '../../db/write';

export interface HandlingWrite {
  /** The task a step changed (the shape of a `TaskStep`). */
  task?: TaskDoc;
  tasks?: readonly TaskDoc[];
  followUps?: readonly FollowUpDoc[];
  demands?: readonly DemandDoc[];
  topics?: readonly TopicDoc[];
  audit: readonly AuditNote[];
}

/** The context of a step taken now on this device. */
export function handlingContext(settings: Pick<DeviceSettings, 'deviceId' | 'role'>): HandlingContext {
  return { now: nowIso(), by: settings.deviceId, role: settings.role, ids: newId };
}

export async function writeHandling(
  db: YishiDatabase,
  settings: Pick<DeviceSettings, 'deviceId'>,
  write: HandlingWrite,
): Promise<void> {
  const author = { deviceId: settings.deviceId };
  // Follow-ups are append-only: inserted, never upserted.
  if (write.followUps?.length) failed(await db.followUps.bulkInsert([...write.followUps]));
  const tasks = [...(write.task ? [write.task] : []), ...(write.tasks ?? [])];
  if (tasks.length) failed(await db.tasks.bulkUpsert(tasks));
  if (write.demands?.length) failed(await db.demands.bulkUpsert([...write.demands]));
  if (write.topics?.length) failed(await db.topics.bulkUpsert([...write.topics]));
  for (const note of write.audit) {
    await audit(db, author, note.scope, note.action, {
      collection: note.collection,
      id: note.id,
      detail: note.detail.slice(0, 1000),
    });
  }
}

/** Bulk writes report refused rows instead of throwing: a refused row must not pass silently. */
function failed(result: { error: readonly { documentId?: string; status?: number }[] }): void {
  const first = result.error[0];
  if (first) throw new Error(`保存失败（${first.documentId ?? ''}，${first.status ?? ''}）`);
}
