import { map } from 'rxjs';
import type { Observable } from 'rxjs';
import type { ActorRole, DeviceKind } from '#shared/domain/vocab';
import type { YishiDatabase } from './create-database';

/** Where this device's own settings live: an RxDB local document, never replicated. */
const SETTINGS_ID = 'device';

export interface HubEnrollment {
  url: string;
  hubId: string;
  /** The hub epoch this device syncs with (absent: '0', before any restore of the hub). */
  epoch?: string;
  deviceId: string;
  scope: string;
  role: ActorRole;
  enrolledAt: string;
}

export interface DeviceSettings {
  deviceId: string;
  deviceName: string;
  deviceKind: DeviceKind;
  /** The place this device works for: its scope when standalone. */
  homeScope: string;
  role: ActorRole;
  setupAt: string;
  hub?: HubEnrollment | null;
}

export function settings$(db: YishiDatabase): Observable<DeviceSettings | null> {
  return db
    .getLocal$<DeviceSettings>(SETTINGS_ID)
    .pipe(map((doc) => (doc ? (doc.toJSON().data as DeviceSettings) : null)));
}

export async function readSettings(db: YishiDatabase): Promise<DeviceSettings | null> {
  const doc = await db.getLocal<DeviceSettings>(SETTINGS_ID);
  return doc ? (doc.toJSON().data as DeviceSettings) : null;
}

export async function saveSettings(db: YishiDatabase, settings: DeviceSettings): Promise<void> {
  await db.upsertLocal<DeviceSettings>(SETTINGS_ID, settings);
}
