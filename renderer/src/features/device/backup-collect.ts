// What a device backup holds, read from the database and the running replication: every stored
// document, what the replication has yet to push (the rule is unsyncedRows in
// shared/src/protocol/device-backup.ts) and the photo bytes. No platform calls: tested in Node.

import { COLLECTION_NAMES } from '#shared/domain/vocab';
import type { CollectionName } from '#shared/domain/vocab';
import { isPhotoCollection } from '#shared/protocol/attachments';
import { makePayload, unsyncedRows } from '#shared/protocol/device-backup';
import type { BackupDevice, BackupPayload, BackupPhoto } from '#shared/protocol/device-backup';
import { toWireDoc } from '#shared/protocol/v1';
import type { Doc, PushRow } from '#shared/protocol/v1';
import type { YishiDatabase } from '../../db/create-database';
import type { DeviceSettings } from '../../db/settings';
import { pendingRows } from '../../sync';
import type { SyncClient } from '../../sync';
import { toBase64 } from './backup-seal';

interface AttachmentLike {
  id: string;
  type: string;
  getData(): Promise<Blob>;
}

async function photosOf(
  docs: { primary: string; allAttachments(): AttachmentLike[] }[],
): Promise<Record<string, BackupPhoto[]>> {
  const out: Record<string, BackupPhoto[]> = {};
  for (const doc of docs) {
    const attachments = doc.allAttachments();
    if (attachments.length === 0) continue;
    const list: BackupPhoto[] = [];
    for (const att of attachments) {
      const bytes = new Uint8Array(await (await att.getData()).arrayBuffer());
      list.push({ id: att.id, type: att.type, data: toBase64(bytes) });
    }
    out[doc.primary] = list;
  }
  return out;
}

export function backupDevice(settings: DeviceSettings): BackupDevice {
  const hub = settings.hub;
  return {
    deviceId: settings.deviceId,
    deviceName: settings.deviceName,
    deviceKind: settings.deviceKind,
    homeScope: settings.homeScope,
    role: settings.role,
    setupAt: settings.setupAt,
    hub: hub
      ? {
          url: hub.url,
          hubId: hub.hubId,
          ...(hub.epoch !== undefined ? { epoch: hub.epoch } : {}),
          deviceId: hub.deviceId,
          scope: hub.scope,
        }
      : null,
  };
}

/** Everything the backup holds, read from the database and the running replication. */
export async function collectPayload(
  db: YishiDatabase,
  settings: DeviceSettings,
  client: SyncClient | null,
): Promise<BackupPayload> {
  const enrolled = Boolean(settings.hub);
  if (enrolled && client && !db.isLeader())
    throw new Error('请在负责同步的窗口中备份（另一个窗口正在同步）。');
  const documents: Partial<Record<CollectionName, Doc[]>> = {};
  const unsynced: Partial<Record<CollectionName, PushRow[]>> = {};
  const photos: BackupPayload['photos'] = {};
  for (const name of COLLECTION_NAMES) {
    const found = await db.collections[name].find().exec();
    documents[name] = found.map(
      (doc) => toWireDoc(doc.toMutableJSON(false) as Record<string, unknown>) as Doc,
    );
    const replication = client?.replications.get(name);
    unsynced[name] = unsyncedRows(
      enrolled,
      documents[name],
      replication ? await pendingRows(replication) : null,
    );
    if (isPhotoCollection(name)) photos[name] = await photosOf(found as never);
  }
  return makePayload({ documents, unsynced, photos });
}
