// 导出同步包 / 导入同步包 on a hall device: gathers what the screens need and leaves every decision
// to shared/sync/bundle-exchange.ts and the replication (renderer/src/sync/bundle-io.ts).

import { bundleFileName, bundleKeyFromToken } from '#shared/protocol/bundle';
import { readReturnBundle, summarizeReturn } from '#shared/sync/bundle-exchange';
import type { ReturnSummary } from '#shared/sync/bundle-exchange';
import type { YishiDatabase } from '../../db/create-database';
import type { DeviceSettings } from '../../db/settings';
import { audit } from '../../db/write';
import { newId, nowIso } from '../../db/ids';
import { platform } from '../../platform';
import type { OpenedFile } from '../../platform';
import { awaitReturnTaken, collectDeviceBundle, deviceBundleFrom, planReturn } from '../../sync';
import type { SyncClient } from '../../sync';
import { HUB_TOKEN_SECRET } from './hub-session';
import type { SyncControl } from './SyncContext';
import { carriedFor, importedAt, rememberExport, rememberImport } from './bundle-ledger';

export const BUNDLE_FILTERS = [{ name: '议事同步包', extensions: ['json'] }];

/** Beijing wall time for file names: 20261205-1630. */
export function fileStamp(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3600_000)
    .toISOString()
    .slice(0, 16)
    .replace(/[-:]/g, '')
    .replace('T', '-');
}

async function tokenOf(): Promise<string> {
  const token = await platform.getSecret(HUB_TOKEN_SECRET);
  if (!token) throw new Error('本机没有同步服务器的登记凭据，请先连接街道服务器。');
  return token;
}

export function hubOf(settings: DeviceSettings): NonNullable<DeviceSettings['hub']> {
  if (!settings.hub) throw new Error('本机尚未连接街道同步服务器。');
  return settings.hub;
}

/** Writes this device's bundle through the save dialog; null when the person cancelled. */
export async function exportBundle(
  db: YishiDatabase,
  settings: DeviceSettings,
  client: SyncClient,
): Promise<{ rows: number; fileName: string } | null> {
  const hub = hubOf(settings);
  const token = await tokenOf();
  const createdAt = nowIso();
  const bundleId = newId('bundle');
  const fileName = bundleFileName('device', hub.deviceId, fileStamp(createdAt));
  // Written first so that the bundle carries it: a row made after the export may hold back the
  // exported rows pushed with it when the return bundle is taken in (SyncContext.takeInBundle).
  await audit(db, settings, hub.scope, 'sync.bundle.export', {
    collection: 'places',
    detail: `${bundleId}：${fileName}`,
  });
  const { bundle, carried } = await collectDeviceBundle(
    client.replications,
    { hubId: hub.hubId, deviceId: hub.deviceId, scope: hub.scope, token },
    bundleId,
    createdAt,
  );
  const rows = Object.values(bundle.changes).reduce((n, r) => n + r.length, 0);
  const data = new TextEncoder().encode(JSON.stringify(bundle));
  // Remembered before the file leaves: a return bundle may come back for it whatever happens next.
  await rememberExport(db, { bundleId: bundle.bundleId, createdAt, carried });
  if (!(await platform.saveFile(fileName, data, BUNDLE_FILTERS))) return null;
  return { rows, fileName };
}

/** Rows a revoked device had not pushed (read when the hub refused it); null when unread. */
export function unsyncedCount(client: SyncClient | null): number | null {
  const snapshot = client?.unsyncedAtRevocation() ?? null;
  return snapshot && Object.values(snapshot.changes).reduce((n, rows) => n + rows.length, 0);
}

/**
 * A revoked device's unsynced changes as its signed bundle, for the street office: the hub takes it
 * in only when the administrator confirms (`npm run hub -- import-bundle FILE --from-revoked`).
 */
export async function exportRevokedChanges(
  settings: DeviceSettings,
  client: SyncClient,
): Promise<{ rows: number; fileName: string } | null> {
  const snapshot = client.unsyncedAtRevocation();
  if (!snapshot) throw new Error('没能读出本机未同步的修改。');
  const hub = hubOf(settings);
  const token = await tokenOf();
  const createdAt = nowIso();
  const fileName = bundleFileName('device', hub.deviceId, fileStamp(createdAt)).replace(
    'yishi-sync-',
    'yishi-revoked-',
  );
  const { bundle } = deviceBundleFrom(
    snapshot,
    { hubId: hub.hubId, deviceId: hub.deviceId, scope: hub.scope, token },
    newId('bundle'),
    createdAt,
  );
  const rows = Object.values(bundle.changes).reduce((n, r) => n + r.length, 0);
  const data = new TextEncoder().encode(JSON.stringify(bundle));
  if (!(await platform.saveFile(fileName, data, BUNDLE_FILTERS))) return null;
  return { rows, fileName };
}

export interface ImportOutcome extends ReturnSummary {
  /** When this very return bundle was taken in before (it then changed nothing). */
  importedBefore: string | null;
  /** Kinds of data the device has pulled further online since the export: nothing taken from them. */
  ahead: number;
  /** Exported rows still waiting (their batch holds a row the hub has not seen yet). */
  waiting: number;
  /** The export this bundle answers was not made on this device (only its documents apply). */
  unknownExport: boolean;
}

export async function importBundle(
  db: YishiDatabase,
  settings: DeviceSettings,
  client: SyncClient,
  control: Pick<SyncControl, 'takeInBundle' | 'settle'>,
  file: OpenedFile,
): Promise<ImportOutcome> {
  const hub = hubOf(settings);
  const text = new TextDecoder().decode(file.data);
  const read = readReturnBundle(text, hub, bundleKeyFromToken(await tokenOf()));
  if ('error' in read) throw new Error(read.error);
  const bundle = read.bundle;
  const carried = await carriedFor(db, bundle.answers);
  const plan = await planReturn(client.replications, bundle);
  const taking = await control.takeInBundle(bundle, carried ?? {});
  const { waiting } = await awaitReturnTaken(taking.replications, plan, carried ?? {});
  await control.settle();
  const before = await importedAt(db, bundle.bundleId);
  const at = nowIso();
  await rememberImport(db, bundle.bundleId, before ?? at);
  const summary = summarizeReturn(bundle);
  await audit(db, settings, hub.scope, 'sync.bundle.import', {
    collection: 'places',
    detail: `${bundle.bundleId}（答复 ${bundle.answers}）：接受 ${summary.accepted}，冲突 ${summary.conflicts}，拒绝 ${summary.refused}，新数据 ${summary.received}`,
  });
  return {
    ...summary,
    importedBefore: before,
    ahead: plan.ahead.length,
    waiting,
    unknownExport: carried === null,
  };
}
