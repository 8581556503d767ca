// 备份本机数据: gathers every document, the unsynced changes and the photo bytes of this device
// (backup-collect.ts), seals them (backup-seal.ts) and writes the file through the save dialog.

import { buildManifest, manifestTotals } from '#shared/protocol/device-backup';
import type { YishiDatabase } from '../../db/create-database';
import type { DeviceSettings } from '../../db/settings';
import { audit } from '../../db/write';
import { nowIso } from '../../db/ids';
import { platform } from '../../platform';
import type { SyncClient } from '../../sync';
import { fileStamp } from '../sync';
import { backupDevice, collectPayload } from './backup-collect';
import { sealBackup, sha256Text } from './backup-seal';

export const BACKUP_FILTERS = [{ name: '议事本机备份', extensions: ['yishibak'] }];

/** Writes the sealed backup through the save dialog; null when the person cancelled. */
export async function writeDeviceBackup(
  db: YishiDatabase,
  settings: DeviceSettings,
  client: SyncClient | null,
  passphrase: string,
): Promise<{ documents: number; unsynced: number; photos: number; fileName: string } | null> {
  const createdAt = nowIso();
  const fileName = `议事本机备份-${settings.deviceName.replace(/[\\/:*?"<>|\s]+/g, '_')}-${fileStamp(createdAt)}.yishibak`;
  // Written first so that the backup holds its own trail entry (PIPL: every copy is accounted for).
  await audit(db, settings, settings.homeScope, 'device.backup', { collection: 'places', detail: fileName });
  const payload = await collectPayload(db, settings, client);
  const manifest = await buildManifest(payload, sha256Text);
  const file = await sealBackup({ createdAt, device: backupDevice(settings), manifest, payload, passphrase });
  const data = new TextEncoder().encode(JSON.stringify(file));
  if (!(await platform.saveFile(fileName, data, BACKUP_FILTERS))) return null;
  return { ...manifestTotals(manifest), fileName };
}
