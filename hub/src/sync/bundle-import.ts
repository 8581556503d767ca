// Imports a device's sync bundle (brought on a USB stick from a hall with no line): checks that it
// comes from an enrolled, active device of this hub and was not altered, applies its rows with
// exactly the push of the sync routes (`pushRows`), and answers with a return bundle signed for
// that device. A bundle imported before is answered again but not applied again.

import { COLLECTION_NAMES } from '#shared/domain/vocab';
import type { CollectionName } from '#shared/domain/vocab';
import { visibleToDevice } from '#shared/domain/places/index';
import { asSeenBy } from '#shared/domain/permissions/index';
import { MAX_PUSH_ROWS, PULL_LIMIT_MAX } from '#shared/protocol/v1';
import type { DeviceInfo, Doc } from '#shared/protocol/v1';
import {
  SYNC_BUNDLE_FORMAT,
  SYNC_BUNDLE_VERSION,
  countChanges,
  parseBundle,
  signBundle,
  verifyBundle,
} from '#shared/protocol/bundle';
import type { BundleOutcome, BundlePull, DeviceBundle, ReturnBundle } from '#shared/protocol/bundle';
import type { BundleOutcomes, Store } from '../store/store';
import { pushRows } from './push';
import { parsePushBody } from './rules';
import type { DeviceActor, RowPolicy } from './rules';

export class BundleRefused extends Error {}

export interface BundleImport {
  answer: ReturnBundle;
  device: DeviceInfo;
  rows: number;
  written: number;
  conflicts: number;
  refused: number;
  replay: boolean;
  /** When a replayed bundle was first imported. */
  firstImportedAt?: string;
  documentsReturned: number;
}

const beijing = (iso: string) =>
  new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

/**
 * The device a bundle claims to come from, refused unless it may still sync with this hub, or the
 * administrator takes in what a revoked device exported before it was wiped (`fromRevoked`).
 */
async function checkSender(
  store: Store,
  bundle: DeviceBundle,
  fromRevoked: boolean,
): Promise<{ device: DeviceInfo; key: string }> {
  if (bundle.hubId !== store.hubId) {
    throw new BundleRefused('此同步包来自在另一个同步服务器登记的设备，本服务器不能导入。');
  }
  const found = await store.deviceBundleKey(bundle.deviceId);
  if (!found) throw new BundleRefused(`本服务器没有登记过设备 ${bundle.deviceId}，拒绝导入。`);
  const { device, bundleKey } = found;
  if (device.revokedAt !== null && !fromRevoked) {
    throw new BundleRefused(
      `设备“${device.label}”（${device.deviceId}）已于 ${beijing(device.revokedAt)}（北京时间）停用，拒绝导入它的同步包。` +
        '如这是它停用后导出的未同步修改，请管理员核对后在服务器上用 npm run hub -- import-bundle <文件> --from-revoked 导入。',
    );
  }
  if (bundleKey === null) {
    throw new BundleRefused(
      `设备“${device.label}”登记后还没有联网同步过，服务器尚无它的同步包密钥，无法核验。请让它先联网同步一次。`,
    );
  }
  if (!verifyBundle(bundle, bundleKey)) {
    throw new BundleRefused(
      '同步包校验失败：文件在导出后被改动过，或不是该设备导出的。已拒绝，没有写入任何数据。',
    );
  }
  return { device, key: bundleKey };
}

/** Applies the rows of one collection in batches of the push limit, as the device would push them. */
async function applyRows(
  store: Store,
  collection: CollectionName,
  actor: DeviceActor,
  raw: unknown[],
  policy: RowPolicy,
  now: Date,
): Promise<{ outcome: BundleOutcome; written: number }> {
  const outcome: BundleOutcome = { accepted: [], conflicts: [], refused: [] };
  let written = 0;
  for (let i = 0; i < raw.length; i += MAX_PUSH_ROWS) {
    const parsed = parsePushBody(raw.slice(i, i + MAX_PUSH_ROWS));
    if ('error' in parsed) throw new BundleRefused(`同步包中 ${collection} 的更改无法读取：${parsed.error}`);
    const result = await pushRows(store, collection, actor, parsed.rows, policy, now);
    written += result.written;
    const conflicted = new Set(result.conflicts.map((d) => d.id));
    const refused = new Set(result.refused.map((r) => r.id));
    outcome.conflicts.push(...conflicted);
    outcome.refused.push(...result.refused);
    for (const row of parsed.rows) {
      if (!conflicted.has(row.id) && !refused.has(row.id)) outcome.accepted.push(row.id);
    }
  }
  return { outcome, written };
}

/** Everything the device pulls after `since`, page by page, as its role may receive it. */
async function pullAll(store: Store, collection: CollectionName, device: DeviceInfo, since: number) {
  const pull: BundlePull = { since, checkpoint: since, documents: [] };
  for (;;) {
    const page = await store.pull(collection, device.scope, pull.checkpoint, PULL_LIMIT_MAX);
    pull.documents.push(...page.documents.map((doc) => asSeenBy(device.role, collection, doc)));
    pull.checkpoint = page.checkpoint.seq;
    if (page.documents.length < PULL_LIMIT_MAX) return pull;
  }
}

export interface ImportOptions {
  store: Store;
  policy: RowPolicy;
  now: Date;
  /** A fresh id for the return bundle. */
  newId: () => string;
  /** The administrator confirmed taking in a revoked device's unsynced changes (CLI only). */
  fromRevoked?: boolean;
}

/** Imports the text of a bundle file; throws BundleRefused (Chinese message) when it must not. */
export async function importBundle(text: string, options: ImportOptions): Promise<BundleImport> {
  const { store, policy, now } = options;
  const parsed = parseBundle(text);
  if ('error' in parsed) throw new BundleRefused(parsed.error);
  const bundle = parsed.bundle;
  if (bundle.kind !== 'device') {
    throw new BundleRefused('这是服务器生成的回传包，应在议事厅的设备上用“导入同步包”导入。');
  }
  const { device, key } = await checkSender(store, bundle, options.fromRevoked === true);
  const actor: DeviceActor = {
    id: device.deviceId,
    role: device.role,
    scope: device.scope,
    localId: device.localId,
  };
  const before = await store.findImportedBundle(device.deviceId, bundle.bundleId);
  let outcomes: BundleOutcomes;
  let written = 0;
  if (before) {
    outcomes = before.outcomes;
  } else {
    outcomes = {};
    for (const collection of COLLECTION_NAMES) {
      const rows = bundle.changes[collection];
      if (!rows || rows.length === 0) continue;
      const applied = await applyRows(store, collection, actor, rows, policy, now);
      outcomes[collection] = applied.outcome;
      written += applied.written;
    }
    await store.recordImportedBundle(device.deviceId, bundle.bundleId, now, outcomes);
  }

  const hubStates: ReturnBundle['hubStates'] = {};
  const pulls: ReturnBundle['pulls'] = {};
  let documentsReturned = 0;
  for (const collection of COLLECTION_NAMES) {
    const ids = (bundle.changes[collection] ?? []).map((r) => r.newDocumentState.id);
    const states: Doc[] = [];
    for (const id of new Set(ids)) {
      const doc = await store.document(collection, id);
      if (doc && visibleToDevice(doc.scope, collection, device.scope))
        states.push(asSeenBy(device.role, collection, doc));
    }
    if (states.length > 0) hubStates[collection] = states;
    const pull = await pullAll(store, collection, device, bundle.checkpoints[collection] ?? 0);
    documentsReturned += pull.documents.length;
    pulls[collection] = pull;
  }

  const answer = signBundle<ReturnBundle>(
    {
      format: SYNC_BUNDLE_FORMAT,
      version: SYNC_BUNDLE_VERSION,
      kind: 'return',
      hubId: store.hubId,
      deviceId: device.deviceId,
      bundleId: options.newId(),
      createdAt: now.toISOString(),
      answers: bundle.bundleId,
      replay: before !== null,
      outcomes,
      hubStates,
      pulls,
    },
    key,
  );
  const all = Object.values(outcomes);
  return {
    answer,
    device,
    rows: countChanges(bundle),
    written,
    conflicts: all.reduce((n, o) => n + o.conflicts.length, 0),
    refused: all.reduce((n, o) => n + o.refused.length, 0),
    replay: before !== null,
    ...(before ? { firstImportedAt: before.importedAt } : {}),
    documentsReturned,
  };
}
