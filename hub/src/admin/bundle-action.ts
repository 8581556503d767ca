// Importing a sync bundle is an admin action like any other: recorded in admin_audit (refusals
// too), whether the CLI reaches a running hub, the hub's own route serves a street-office
// device, or the CLI opens the stopped hub's database.

import { gunzipSync } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import { MAX_BUNDLE_BYTES } from '#shared/protocol/bundle';
import type { ReturnBundle } from '#shared/protocol/bundle';
import type { DeviceInfo } from '#shared/protocol/v1';
import { generateBundleId } from '../secrets';
import type { Store } from '../store/store';
import { BundleRefused, importBundle } from '../sync/bundle-import';
import type { RowPolicy } from '../sync/rules';

/** What the CLI and the street-office screen show after an import. */
export interface BundleImportReport {
  device: Pick<DeviceInfo, 'deviceId' | 'label' | 'name' | 'scope' | 'revokedAt'>;
  bundleId: string;
  rows: number;
  written: number;
  conflicts: number;
  refused: number;
  replay: boolean;
  firstImportedAt?: string;
  documentsReturned: number;
  answer: ReturnBundle;
}

/** The text of a bundle file, gunzipped when it is gzip (the device may compress it). */
export function bundleText(bytes: Buffer): string | { error: string } {
  let raw = bytes;
  if (raw.length >= 2 && raw[0] === 0x1f && raw[1] === 0x8b) {
    try {
      raw = gunzipSync(raw, { maxOutputLength: MAX_BUNDLE_BYTES });
    } catch {
      return { error: '同步包是损坏的压缩文件，无法读取。' };
    }
  }
  return raw.toString('utf8');
}

export async function readBundleFile(path: string): Promise<string | { error: string }> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return { error: `${path} 不是文件。` };
    if (info.size > MAX_BUNDLE_BYTES) return { error: '同步包文件过大，无法读取。' };
    return bundleText(await readFile(path));
  } catch {
    return { error: `无法读取文件 ${path}。` };
  }
}

export async function importBundleAudited(
  store: Store,
  policy: RowPolicy,
  text: string,
  actor: string,
  now: Date,
  options: { fromRevoked?: boolean } = {},
): Promise<BundleImportReport | { error: string }> {
  try {
    const r = await importBundle(text, {
      store,
      policy,
      now,
      newId: generateBundleId,
      fromRevoked: options.fromRevoked === true,
    });
    await store.audit({
      at: now.toISOString(),
      actor,
      action: 'bundle.import',
      detail: {
        deviceId: r.device.deviceId,
        bundleId: r.answer.answers,
        returnId: r.answer.bundleId,
        rows: r.rows,
        written: r.written,
        conflicts: r.conflicts,
        refused: r.refused,
        replay: r.replay,
        // Taken in from a device already revoked: the administrator confirmed it (--from-revoked).
        ...(r.device.revokedAt !== null ? { fromRevoked: true, revokedAt: r.device.revokedAt } : {}),
      },
    });
    return {
      device: {
        deviceId: r.device.deviceId,
        label: r.device.label,
        name: r.device.name,
        scope: r.device.scope,
        revokedAt: r.device.revokedAt,
      },
      bundleId: r.answer.answers,
      rows: r.rows,
      written: r.written,
      conflicts: r.conflicts,
      refused: r.refused,
      replay: r.replay,
      ...(r.firstImportedAt ? { firstImportedAt: r.firstImportedAt } : {}),
      documentsReturned: r.documentsReturned,
      answer: r.answer,
    };
  } catch (err) {
    if (!(err instanceof BundleRefused)) throw err;
    await store.audit({
      at: now.toISOString(),
      actor,
      action: 'bundle.refused',
      detail: { reason: err.message },
    });
    return { error: err.message };
  }
}
