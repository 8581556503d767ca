// SQL of sync bundles: each device's bundle MAC key and the bundles already imported, so that a
// bundle brought twice is answered again without being applied twice.

import type { DeviceInfo } from '#shared/protocol/v1';
import type { BundleOutcome } from '#shared/protocol/bundle';
import type { CollectionName } from '#shared/domain/vocab';
import type { SqlClient } from '../db/driver';

export type BundleOutcomes = Partial<Record<CollectionName, BundleOutcome>>;

export interface ImportedBundle {
  importedAt: string;
  outcomes: BundleOutcomes;
}

/** Sets a device's bundle key unless it has one; the key never changes for a device. */
export async function ensureBundleKey(db: SqlClient, deviceId: string, key: string): Promise<void> {
  await db.query(`update devices set bundle_key = $2 where id = $1 and bundle_key is null`, [deviceId, key]);
}

export async function deviceBundleKey(
  db: SqlClient,
  deviceId: string,
  listDevices: () => Promise<DeviceInfo[]>,
): Promise<{ device: DeviceInfo; bundleKey: string | null } | null> {
  const rows = await db.query<{ bundle_key: string | null }>(`select bundle_key from devices where id = $1`, [
    deviceId,
  ]);
  if (!rows[0]) return null;
  const device = (await listDevices()).find((d) => d.deviceId === deviceId);
  return device ? { device, bundleKey: rows[0].bundle_key } : null;
}

export async function findImportedBundle(
  db: SqlClient,
  deviceId: string,
  bundleId: string,
): Promise<ImportedBundle | null> {
  const rows = await db.query<{ imported_at: Date | string; outcomes: BundleOutcomes | string }>(
    `select imported_at, outcomes from sync_bundles where device_id = $1 and bundle_id = $2`,
    [deviceId, bundleId],
  );
  const row = rows[0];
  if (!row) return null;
  const outcomes =
    typeof row.outcomes === 'string' ? (JSON.parse(row.outcomes) as BundleOutcomes) : row.outcomes;
  return { importedAt: new Date(row.imported_at).toISOString(), outcomes };
}

export async function recordImportedBundle(
  db: SqlClient,
  deviceId: string,
  bundleId: string,
  now: Date,
  outcomes: BundleOutcomes,
): Promise<void> {
  await db.query(
    `insert into sync_bundles (device_id, bundle_id, imported_at, outcomes) values ($1, $2, $3, $4::text::jsonb)
     on conflict (device_id, bundle_id) do nothing`,
    [deviceId, bundleId, now.toISOString(), JSON.stringify(outcomes)],
  );
}
