import type { YishiDatabase } from '../../db/create-database';
import { readSettings, saveSettings } from '../../db/settings';
import type { DeviceSettings } from '../../db/settings';
import { audit } from '../../db/write';
import { nowIso } from '../../db/ids';
import { deviceLock, platform } from '../../platform';
import {
  DexieRefusedRowStore,
  DexieUploadedAttachmentStore,
  enrollDevice,
  normalizeHubUrl,
} from '../../sync';
import type { DeviceKind } from '#shared/domain/vocab';
import type { EnrollResponse } from '#shared/protocol/v1';

export const HUB_TOKEN_SECRET = 'hub.token';

/** The origin of a hub address a person typed; a clear Chinese message when it is not one. */
export function hubOrigin(url: string): string {
  return new URL(normalizeHubUrl(url)).origin;
}

/**
 * First-run setup by enrollment: the hub decides this device's scope and role, so its home place is
 * the enrolled scope and the hub's device id becomes this device's id.
 */
export async function setupByEnrollment(
  db: YishiDatabase,
  draft: { deviceName: string; deviceKind: DeviceKind },
  hubUrl: string,
  code: string,
): Promise<DeviceSettings> {
  const answer = await enrollDevice({
    hubUrl,
    code,
    deviceName: draft.deviceName.trim(),
    fetchImpl: platform.enrollFetch,
  });
  return adoptEnrollment(
    db,
    {
      deviceId: answer.deviceId,
      deviceName: draft.deviceName.trim(),
      deviceKind: draft.deviceKind,
      homeScope: answer.scope,
      role: answer.role,
      setupAt: nowIso(),
      hub: null,
    },
    hubUrl,
    answer,
  );
}

/** Exchanges a one-time code for a token; the token goes to the keychain, the rest to settings. */
export async function connectToHub(
  db: YishiDatabase,
  settings: DeviceSettings,
  hubUrl: string,
  code: string,
): Promise<DeviceSettings> {
  // Its documents already carry its own id: the hub records it as this device's author id.
  const answer = await enrollDevice({
    hubUrl,
    code,
    deviceName: settings.deviceName,
    localDeviceId: settings.deviceId,
    fetchImpl: platform.enrollFetch,
  });
  return adoptEnrollment(db, settings, hubUrl, answer);
}

async function adoptEnrollment(
  db: YishiDatabase,
  settings: DeviceSettings,
  hubUrl: string,
  answer: EnrollResponse,
): Promise<DeviceSettings> {
  await platform.setSecret(HUB_TOKEN_SECRET, answer.token);
  const next: DeviceSettings = {
    ...settings,
    role: answer.role,
    homeScope: answer.scope,
    hub: {
      url: hubOrigin(hubUrl),
      hubId: answer.hubId,
      ...(answer.epoch !== undefined ? { epoch: answer.epoch } : {}),
      deviceId: answer.deviceId,
      scope: answer.scope,
      role: answer.role,
      enrolledAt: nowIso(),
    },
  };
  await saveSettings(db, next);
  await audit(db, settings, answer.scope, 'device.enroll', {
    collection: 'places',
    detail: `${next.hub?.url} ${answer.deviceId}`,
  });
  return next;
}

export async function disconnectFromHub(db: YishiDatabase): Promise<void> {
  const settings = await readSettings(db);
  if (!settings) return;
  await platform.deleteSecret(HUB_TOKEN_SECRET);
  await saveSettings(db, { ...settings, hub: null });
  await audit(db, settings, settings.homeScope, 'device.disconnect');
}

/**
 * A revoked device must not keep residents' data: remove the database, the refused rows, the
 * token and the passphrase mark, then start again from first-run setup.
 */
export async function wipeLocalData(db: YishiDatabase): Promise<void> {
  await platform.deleteSecret(HUB_TOKEN_SECRET).catch(() => undefined);
  await new DexieRefusedRowStore().clear().catch(() => undefined);
  await new DexieUploadedAttachmentStore().clear().catch(() => undefined);
  await db.remove();
  await deviceLock.forget(db.name);
}
