// A device restored from its backup, against a real hub (issue 17, point 9): a device edits a
// document the hub holds and creates another while offline, and is backed up; meanwhile another
// device edits a different field of the same document. The old registration is revoked, the
// restored device enrolls under its documents' author id, and its first sync pushes its unsynced
// changes: the hub ends with both devices' edits merged field by field (the base came from the
// backup) and the new document, and no conflict is left for a person.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { buildManifest } from '#shared/protocol/device-backup';
import type { BackupFile } from '#shared/protocol/device-backup';
import { createYishiDatabase } from '../../renderer/src/db/create-database';
import type { YishiDatabase } from '../../renderer/src/db/create-database';
import { devTools } from '../../renderer/src/db/dev-mode';
import { saveSettings } from '../../renderer/src/db/settings';
import type { DeviceSettings } from '../../renderer/src/db/settings';
import { createSyncClient, enrollDevice } from '../../renderer/src/sync/index';
import type { EventSourceFactory, SyncClient } from '../../renderer/src/sync/index';
import { backupDevice, collectPayload } from '../../renderer/src/features/device/backup-collect';
import { sealBackup, sha256Text } from '../../renderer/src/features/device/backup-seal';
import { restoreDeviceBackup } from '../../renderer/src/features/device/restore-actions';
import { deviceClient, pushRow } from '../../hub/src/testing/client';
import { BACKENDS, freshScope } from './sync-support/backends';
import { demand } from './sync-support/docs';
import { HubProcess } from './sync-support/processes';

type Doc = Record<string, unknown>;
const PASS = '恢复测试口令-2026';
const silent: EventSourceFactory = () => ({ close: () => undefined, addEventListener: () => undefined });

async function database(): Promise<YishiDatabase> {
  return createYishiDatabase({
    name: `restore${Math.random().toString(36).slice(2)}`,
    storage: getRxStorageMemory(),
    password: 'device-key-0123456789',
    multiInstance: false,
    devTools: devTools(),
  });
}

const authored = (doc: Doc, by: string, at: string): Doc => ({
  ...doc,
  createdAt: at,
  createdBy: by,
  updatedAt: at,
  updatedBy: by,
});

for (const backend of BACKENDS) {
  describe.runIf(backend.enabled)(`a device restored from its backup (${backend.name})`, () => {
    const scope = freshScope();
    // Ids of this run only: the sync tests share one PostgreSQL database, where ids are unique.
    const run = scope.split('.t')[1] ?? '';
    const D1 = `d1-${run}`;
    const D2 = `d2-${run}`;
    let hub: HubProcess;

    beforeAll(async () => {
      hub = new HubProcess(backend.databaseUrl ? { databaseUrl: backend.databaseUrl } : {});
      await hub.start();
    });
    afterAll(async () => {
      await hub?.dispose();
    });

    it('pushes its unsynced edit and new document, merged with what another device did meanwhile', async () => {
      const enroll = async (name: string, localDeviceId?: string) =>
        enrollDevice({
          hubUrl: hub.url,
          code: await hub.enrollCode(scope, 'community-worker', name),
          deviceName: name,
          ...(localDeviceId ? { localDeviceId } : {}),
        });
      const other = await enroll('other');
      const otherHttp = deviceClient(hub.url, other.token);
      const t0 = new Date().toISOString();
      const d1 = authored(demand(D1, scope), other.deviceId, t0);
      expect((await otherHttp.push('demands', [pushRow(d1)])).status).toBe(200);

      // The old device syncs, loses its line, edits d1's title and records d2; then it is backed up.
      const old = await enroll('old');
      const settings: DeviceSettings = {
        deviceId: old.deviceId,
        deviceName: 'old',
        deviceKind: 'fieldLaptop',
        homeScope: scope,
        role: 'community-worker',
        setupAt: t0,
        hub: {
          url: hub.url,
          hubId: old.hubId,
          deviceId: old.deviceId,
          scope,
          role: 'community-worker',
          enrolledAt: t0,
        },
      };
      let offline = false;
      const start = (db: YishiDatabase, token: string, hubId: string): SyncClient =>
        createSyncClient({
          db,
          hubUrl: hub.url,
          token,
          hubId,
          deviceScope: scope,
          eventSourceFactory: silent,
          fetchImpl: (url, init) =>
            offline ? Promise.reject(new TypeError('Failed to fetch')) : fetch(url, init),
          onRevoked: () => undefined,
          timing: { tickMs: 100, backoff: { baseMs: 50, capMs: 200 } },
        });
      let db = await database();
      await saveSettings(db, settings);
      let client = start(db, old.token, old.hubId);
      await client.syncNow();
      expect(await db.demands.findOne(D1).exec()).not.toBeNull();
      offline = true;
      const t1 = new Date(Date.now() + 1000).toISOString();
      await (await db.demands.findOne(D1).exec())!.incrementalPatch({
        title: '离线改的标题',
        updatedAt: t1,
        updatedBy: old.deviceId,
      } as never);
      await db.demands.insert(authored(demand(D2, scope), old.deviceId, t1) as never);
      const payload = await collectPayload(db, settings, client);
      expect(
        payload.unsynced.demands?.map((r) => [
          r.newDocumentState.id,
          r.assumedMasterState?.['title'] ?? null,
        ]),
      ).toEqual([
        [D1, `诉求 ${D1}`],
        [D2, null],
      ]);
      const file = JSON.parse(
        JSON.stringify(
          await sealBackup({
            createdAt: t1,
            device: backupDevice(settings),
            manifest: await buildManifest(payload, sha256Text),
            payload,
            passphrase: PASS,
            iterations: 100_000,
          }),
        ),
      ) as BackupFile;
      await client.stop();
      await db.remove();

      // Meanwhile another device changes d1's description.
      const onHub = (await otherHttp.pullAll('demands')).find((d) => d['id'] === D1)!;
      const t2 = new Date(Date.now() + 2000).toISOString();
      const otherEdit = {
        ...onHub,
        description: '别的设备改的描述',
        updatedAt: t2,
        updatedBy: other.deviceId,
      };
      expect((await otherHttp.push('demands', [pushRow(otherEdit, onHub)])).body).toEqual({
        conflicts: [],
        refused: [],
      });

      // The old machine is revoked; the restored one enrolls under the documents' author id.
      await expect(enroll('restored', old.deviceId)).rejects.toThrow();
      await hub.revoke(old.deviceId);
      const restored = await enroll('restored', old.deviceId);
      db = await database();
      const outcome = await restoreDeviceBackup(db, file, PASS);
      expect(outcome.unsynced).toBe(2);
      await saveSettings(db, { ...outcome.settings, hub: { ...settings.hub!, deviceId: restored.deviceId } });
      offline = false;
      client = start(db, restored.token, restored.hubId);
      await client.syncNow();
      await client.syncNow();

      const all = await otherHttp.pullAll('demands');
      const merged = all.find((d) => d['id'] === D1);
      expect(merged).toMatchObject({ title: '离线改的标题', description: '别的设备改的描述' });
      expect((merged?.['conflicts'] as unknown[] | undefined) ?? []).toEqual([]);
      expect(all.map((d) => d['id'])).toContain(D2);
      const local = (await db.demands.findOne(D1).exec())!.toJSON();
      expect(local).toMatchObject({ title: '离线改的标题', description: '别的设备改的描述' });
      // The bases served their first sync and are gone.
      expect(await db.getLocal('restored-bases')).toBeNull();
      await client.stop();
      await db.remove();
    });
  });
}
