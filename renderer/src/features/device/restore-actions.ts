// 从备份恢复 on a fresh device: the file is read, opened with the passphrase and checked against
// its manifest before anything is written; then the documents, the unsynced changes (kept
// unsynced: the push bases go to restored-bases for the first sync) and the photo bytes are
// written, and the device's settings last, without any hub enrolment: the street office enrolls
// the restored device anew (docs/device-backup.md).

import { COLLECTION_NAMES } from '#shared/domain/vocab';
import type { ActorRole, DeviceKind } from '#shared/domain/vocab';
import { manifestTotals, planRestore, readBackupFile } from '#shared/protocol/device-backup';
import type { BackupFile, BackupPayload } from '#shared/protocol/device-backup';
import type { Doc } from '#shared/protocol/v1';
import type { YishiDatabase } from '../../db/create-database';
import { readSettings, saveSettings } from '../../db/settings';
import type { DeviceSettings } from '../../db/settings';
import { audit } from '../../db/write';
import { nowIso } from '../../db/ids';
import type { OpenedFile } from '../../platform';
import { RESTORED_BASES_ID } from '../../sync';
import type { RestoredBaseMap } from '../../sync';
import { fromBase64, openBackup } from './backup-seal';

export const OPEN_ERRORS = {
  passphrase: '口令不对，没有恢复任何数据。请输入备份时设置的口令。',
  damaged: '备份文件已损坏或被改动过，没有恢复任何数据。',
  digests: '备份内容与其清单的校验值不符（文件可能被改动过），没有恢复任何数据。',
} as const;

/** The file a person chose, read far enough to show what it holds; a Chinese message otherwise. */
export function readChosenBackup(file: OpenedFile): BackupFile {
  const read = readBackupFile(new TextDecoder().decode(file.data));
  if ('error' in read) throw new Error(read.error);
  return read.file;
}

/** The database holds no document and no settings: a restore could overwrite nothing. */
export async function isEmptyDevice(db: YishiDatabase): Promise<boolean> {
  if (await readSettings(db)) return false;
  for (const name of COLLECTION_NAMES) {
    if ((await db.collections[name].count().exec()) > 0) return false;
  }
  return true;
}

function stored(doc: Doc): Record<string, unknown> {
  const { _deleted: _d, ...rest } = doc;
  return rest;
}

async function writePayload(db: YishiDatabase, payload: BackupPayload, restoredAt: string): Promise<void> {
  const plan = planRestore(payload);
  for (const name of COLLECTION_NAMES) {
    const collection = db.collections[name];
    const docs = plan.documents[name] ?? [];
    for (let i = 0; i < docs.length; i += 500) {
      const result = await collection.bulkInsert(docs.slice(i, i + 500).map(stored) as never[]);
      if (result.error.length > 0) throw new Error(`${name}：${result.error.length} 条记录写入失败`);
    }
    // An unsynced deletion is written and deleted again, so that the first push still sends it.
    for (const doc of plan.deletions[name] ?? []) {
      const written = await collection.insert(stored(doc) as never);
      await written.remove();
    }
    for (const [id, photos] of Object.entries(payload.photos[name] ?? {})) {
      for (const photo of photos) {
        const doc = await collection.findOne(id).exec();
        const bytes = fromBase64(photo.data);
        if (!doc || !bytes) continue;
        await doc.putAttachment({
          id: photo.id,
          type: photo.type,
          data: new Blob([bytes as BlobPart], { type: photo.type }),
        });
      }
    }
  }
  const bases: RestoredBaseMap = { restoredAt, unsynced: {} };
  for (const name of COLLECTION_NAMES) {
    const rows = payload.unsynced[name] ?? [];
    if (rows.length === 0) continue;
    bases.unsynced[name] = Object.fromEntries(
      rows.map((row) => [row.newDocumentState.id, plan.bases[name]?.[row.newDocumentState.id] ?? null]),
    );
  }
  await db.upsertLocal<RestoredBaseMap>(RESTORED_BASES_ID, bases);
}

export interface RestoreOutcome {
  documents: number;
  unsynced: number;
  photos: number;
  settings: DeviceSettings;
}

export async function restoreDeviceBackup(
  db: YishiDatabase,
  file: BackupFile,
  passphrase: string,
): Promise<RestoreOutcome> {
  const opened = await openBackup(file, passphrase);
  if ('error' in opened) throw new Error(OPEN_ERRORS[opened.error]);
  if (!(await isEmptyDevice(db)))
    throw new Error('本机已经有数据，备份只能恢复到尚未设置的新设备上；没有恢复任何数据。');
  await writePayload(db, opened.payload, nowIso());
  const device = file.device;
  // Not enrolled: the token never left the old device; the street office enrolls this one anew.
  const settings: DeviceSettings = {
    deviceId: device.deviceId,
    deviceName: device.deviceName,
    deviceKind: device.deviceKind as DeviceKind,
    homeScope: device.homeScope,
    role: device.role as ActorRole,
    setupAt: device.setupAt,
    hub: null,
  };
  const totals = manifestTotals(file.manifest);
  await audit(db, settings, settings.homeScope, 'device.restore', {
    collection: 'places',
    detail: `${file.createdAt} 的备份：${totals.documents} 条记录，其中 ${totals.unsynced} 条未同步`,
  });
  await saveSettings(db, settings);
  return { ...totals, settings };
}
