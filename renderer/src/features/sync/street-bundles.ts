// A street-office device takes in a hall's bundle for it: the hub imports it under the rules of a
// push (POST /v1/sync/bundles, street staff only) and answers with the return bundle.

import { bundleFileName, parseBundle } from '#shared/protocol/bundle';
import type { ReturnBundle } from '#shared/protocol/bundle';
import type { DeviceSettings } from '../../db/settings';
import { nowIso } from '../../db/ids';
import { platform } from '../../platform';
import type { OpenedFile } from '../../platform';
import { hubEndpoint, hubRequest } from '../../sync';
import { BUNDLE_FILTERS, fileStamp, hubOf } from './bundle-actions';
import { HUB_TOKEN_SECRET } from './hub-session';

/** The hub's report of one import (hub/src/admin/bundle-action.ts). */
export interface UploadReport {
  device: { deviceId: string; label: string; name: string; scope: string };
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

export async function uploadHallBundle(
  settings: DeviceSettings,
  file: OpenedFile,
  notDeviceBundle: string,
): Promise<UploadReport> {
  const hub = hubOf(settings);
  const parsed = parseBundle(new TextDecoder().decode(file.data));
  if ('error' in parsed) throw new Error(parsed.error);
  if (parsed.bundle.kind !== 'device') throw new Error(notDeviceBundle);
  const token = await platform.getSecret(HUB_TOKEN_SECRET);
  if (!token) throw new Error('本机没有同步服务器的登记凭据，请先连接街道服务器。');
  // The file as read: the hub checks its MAC and applies it, or says in Chinese why not.
  return hubRequest<UploadReport>(
    (input, init) => fetch(input, init),
    hubEndpoint(hub.url, '/v1/sync/bundles'),
    {
      method: 'POST',
      token,
      body: parsed.bundle,
      hubMessage: true,
      timeoutMs: 300_000,
    },
  );
}

export async function saveReturnBundle(answer: ReturnBundle): Promise<boolean> {
  const name = bundleFileName('return', answer.deviceId, fileStamp(answer.createdAt ?? nowIso()));
  return platform.saveFile(name, new TextEncoder().encode(JSON.stringify(answer)), BUNDLE_FILTERS);
}
