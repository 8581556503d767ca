import { afterEach, describe, expect, it } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { buildManifest } from '#shared/protocol/device-backup';
import type { BackupFile } from '#shared/protocol/device-backup';
import { createYishiDatabase } from '../../db/create-database';
import type { YishiDatabase } from '../../db/create-database';
import { devTools } from '../../db/dev-mode';
import { readSettings, saveSettings } from '../../db/settings';
import type { DeviceSettings } from '../../db/settings';
import { syncSessionOf } from '../../sync';
import { backupDevice, collectPayload } from './backup-collect';
import { sealBackup, sha256Text } from './backup-seal';
import { isEmptyDevice, restoreDeviceBackup } from './restore-actions';

const T = '2026-12-01T08:00:00.000Z';
const PASS = '备份口令 2026';
let open: YishiDatabase[] = [];
let n = 0;

afterEach(async () => {
  await Promise.all(open.map((db) => db.remove()));
  open = [];
});

async function database(): Promise<YishiDatabase> {
  n += 1;
  const db = await createYishiDatabase({
    name: `restore-${Date.now()}-${n}`,
    storage: getRxStorageMemory(),
    password: 'device-key-0123456789',
    multiInstance: false,
    devTools: devTools(),
  });
  open.push(db);
  return db;
}

const settings: DeviceSettings = {
  deviceId: 'device-old',
  deviceName: '和平里社区工作站',
  deviceKind: 'fieldLaptop',
  homeScope: 'xg.gyj',
  role: 'community-worker',
  setupAt: T,
  hub: null,
};

const person = {
  id: 'person-1',
  scope: 'xg.gyj',
  createdAt: T,
  createdBy: 'device-old',
  updatedAt: T,
  updatedBy: 'device-old',
  name: '王秀兰',
  initials: 'wxl',
  placeId: 'place-1',
  phone: '13900001234',
  roles: [],
  vulnerabilities: [],
  active: true,
};

/** The backup of `db`, which is then closed: RxDB opens 13 collections at a time, one database. */
async function backupOf(db: YishiDatabase): Promise<BackupFile> {
  const payload = await collectPayload(db, settings, null);
  await db.remove();
  open = open.filter((d) => d !== db);
  const file = await sealBackup({
    createdAt: T,
    device: backupDevice(settings),
    manifest: await buildManifest(payload, sha256Text),
    payload,
    passphrase: PASS,
    iterations: 100_000,
  });
  return JSON.parse(JSON.stringify(file)) as BackupFile;
}

describe('restoring a device backup', () => {
  it('gives a fresh device the same documents, its settings unenrolled, and keeps every change unsynced', async () => {
    const old = await database();
    await saveSettings(old, settings);
    await old.people.insert(person as never);
    await old.people.insert({ ...person, id: 'person-2', name: '李建国', phone: '13900005678' } as never);
    const file = await backupOf(old);
    expect(file.manifest.people).toMatchObject({ documents: 2, unsynced: 2 });

    const fresh = await database();
    expect(await isEmptyDevice(fresh)).toBe(true);
    const outcome = await restoreDeviceBackup(fresh, file, PASS);
    expect(outcome).toMatchObject({ documents: 2, unsynced: 2 });
    const people = await fresh.people.find({ sort: [{ id: 'asc' }] }).exec();
    expect(people.map((p) => [p.id, p.get('name'), p.get('phone')])).toEqual([
      ['person-1', '王秀兰', '13900001234'],
      ['person-2', '李建国', '13900005678'],
    ]);
    expect(await readSettings(fresh)).toEqual(settings);
    const restored = syncSessionOf(fresh).restored;
    // Never enrolled: the hub had none of them, so each is a change of its own with no base.
    expect(await restored.lookup('people', person)).toEqual({ base: null });
    expect((await fresh.auditTrail.find().exec()).map((a) => a.get('action') as string)).toEqual([
      'device.restore',
    ]);
    await restored.finish();
    expect(await restored.lookup('people', person)).toBeUndefined();
    expect(await fresh.getLocal('restored-bases')).toBeNull();
  });

  it('writes nothing on a wrong passphrase and never over a device that has data', async () => {
    const old = await database();
    await old.people.insert(person as never);
    const file = await backupOf(old);
    const fresh = await database();
    await expect(restoreDeviceBackup(fresh, file, '别的口令 2026')).rejects.toThrow(
      '口令不对，没有恢复任何数据',
    );
    expect(await isEmptyDevice(fresh)).toBe(true);
    await fresh.people.insert({ ...person, id: 'person-9' } as never);
    await expect(restoreDeviceBackup(fresh, file, PASS)).rejects.toThrow('本机已经有数据');
    expect((await fresh.people.find().exec()).map((p) => p.id)).toEqual(['person-9']);
  });

  it('writes nothing from an altered file', async () => {
    const old = await database();
    await old.people.insert(person as never);
    const file = await backupOf(old);
    const fresh = await database();
    const manifest = { ...file.manifest, people: { ...file.manifest.people!, sha256: '0'.repeat(64) } };
    await expect(restoreDeviceBackup(fresh, { ...file, manifest }, PASS)).rejects.toThrow('损坏或被改动');
    expect(await isEmptyDevice(fresh)).toBe(true);
  });
});
