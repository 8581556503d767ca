// The device's side of sync bundles (protocol/bundle.ts), as pure decisions. The device writes
// a bundle of the rows its replication has not had acknowledged and of its pull checkpoints; a
// return bundle then answers the replication's own pull and push calls while the device has no
// line, so its documents land through exactly the path of an online sync (RxDB's downstream,
// the conflict handler, the refused rows).

import { COLLECTION_NAMES } from '#shared/domain/vocab';
import type { CollectionName } from '#shared/domain/vocab';
import {
  SYNC_BUNDLE_FORMAT,
  SYNC_BUNDLE_VERSION,
  parseBundle,
  signBundle,
  verifyBundle,
} from '#shared/protocol/bundle';
import type { DeviceBundle, ReturnBundle } from '#shared/protocol/bundle';
import { sameDocState, toWireDoc } from '#shared/protocol/v1';
import { sha256, toHex, utf8 } from '#shared/protocol/hmac';
import { canonicalJson } from '#shared/sync/json';
import type { Doc, PushRow, RefusedRow } from '#shared/protocol/v1';

export interface BundleIdentity {
  hubId: string;
  deviceId: string;
  scope: string;
}

export interface DeviceBundleInput extends BundleIdentity {
  bundleId: string;
  createdAt: string;
  checkpoints: Partial<Record<CollectionName, number>>;
  changes: Partial<Record<CollectionName, PushRow[]>>;
}

/** The signed bundle; collections with no row are left out. */
export function makeDeviceBundle(input: DeviceBundleInput, keyHex: string): DeviceBundle {
  const changes: DeviceBundle['changes'] = {};
  for (const name of COLLECTION_NAMES) {
    const rows = input.changes[name];
    if (rows && rows.length > 0) changes[name] = rows;
  }
  return signBundle<DeviceBundle>(
    {
      format: SYNC_BUNDLE_FORMAT,
      version: SYNC_BUNDLE_VERSION,
      kind: 'device',
      hubId: input.hubId,
      deviceId: input.deviceId,
      bundleId: input.bundleId,
      createdAt: input.createdAt,
      scope: input.scope,
      checkpoints: input.checkpoints,
      changes,
    },
    keyHex,
  );
}

/**
 * Reads a file a person chose as a return bundle for this device: a clear Chinese message for
 * anything that is not one, is for another device or hub, or was altered after the hub signed it.
 */
export function readReturnBundle(
  text: string,
  self: Pick<BundleIdentity, 'hubId' | 'deviceId'>,
  keyHex: string,
): { bundle: ReturnBundle } | { error: string } {
  const parsed = parseBundle(text);
  if ('error' in parsed) return parsed;
  const bundle = parsed.bundle;
  if (bundle.kind !== 'return') {
    return { error: '这是设备导出的同步包，应带到街道办导入服务器；本机只能导入服务器生成的回传包。' };
  }
  if (bundle.hubId !== self.hubId) {
    return { error: '此回传包来自另一个同步服务器，不能导入本机。' };
  }
  if (bundle.deviceId !== self.deviceId) {
    return { error: `此回传包是给设备 ${bundle.deviceId} 的，不是本机的，不能导入。` };
  }
  if (!verifyBundle(bundle, keyHex)) {
    return { error: '回传包校验失败：文件在服务器生成后被改动过。已拒绝，本机数据没有任何改变。' };
  }
  return { bundle };
}

/**
 * The replication's pull at `seq` (undefined: never pulled), answered from the bundle: all its
 * documents when the device stands where it stood at export, an empty page once it has them.
 * Anything else (the device has pulled online since) cannot be answered from the file: null.
 * Documents carry no sequence number, so a pull cannot start inside the bundle's range.
 */
export function answerPull(
  bundle: ReturnBundle,
  collection: CollectionName,
  seq: number | undefined,
): { documents: Doc[]; checkpoint: { seq: number } } | null {
  const pull = bundle.pulls[collection];
  if (!pull) return null;
  const at = seq ?? 0;
  if (at === pull.since && pull.checkpoint > pull.since) {
    return { documents: pull.documents, checkpoint: { seq: pull.checkpoint } };
  }
  if (at === pull.checkpoint) return { documents: [], checkpoint: { seq: pull.checkpoint } };
  return null;
}

export interface PushAnswer {
  /** The hub's states the replication must take as conflicts (RxDB resolves them). */
  conflicts: Doc[];
  /** Rows the hub refused, kept for 服务器拒绝的记录 as an online push keeps them. */
  refused: RefusedRow[];
  /** Hub states that are the device's own exported writes, changed on the device since. */
  ours: Doc[];
}

/** Digests of the rows an export carried, by collection and id (the device keeps no copy). */
export type CarriedDigests = Partial<Record<CollectionName, Record<string, string>>>;

/** A digest of a document state (SHA-256 of its canonical wire JSON), as carried rows are kept. */
export function docDigest(doc: Record<string, unknown>): string {
  return toHex(sha256(utf8(canonicalJson(toWireDoc(doc)))));
}

/** What an export remembers of its rows, to know later whether each row changed since. */
export function carriedDigests(changes: DeviceBundle['changes']): CarriedDigests {
  const out: CarriedDigests = {};
  for (const name of COLLECTION_NAMES) {
    const rows = changes[name];
    if (rows)
      out[name] = Object.fromEntries(rows.map((r) => [r.newDocumentState.id, docDigest(r.newDocumentState)]));
  }
  return out;
}

/**
 * The replication's push of `rows`, answered from what the hub did with the exported rows. A row
 * exported as it stands now gets the hub's verdict (applied, conflict with the hub's state,
 * refused). A row changed since the export is answered with the hub's state as a conflict, which
 * the conflict handler merges knowing whether that state is the device's own export. A row the
 * hub has not judged makes the whole batch unanswerable (null): it waits for the line or the next
 * bundle, as RxDB takes one answer per batch.
 */
export function answerPush(
  bundle: ReturnBundle,
  carried: Record<string, string> | undefined,
  collection: CollectionName,
  rows: readonly PushRow[],
): PushAnswer | null {
  const outcome = bundle.outcomes[collection];
  if (!outcome || !carried) return null;
  const hub = new Map((bundle.hubStates[collection] ?? []).map((d) => [d.id, d]));
  const accepted = new Set(outcome.accepted);
  const refusedById = new Map(outcome.refused.map((r) => [r.id, r]));
  const answer: PushAnswer = { conflicts: [], refused: [], ours: [] };
  for (const row of rows) {
    const id = row.newDocumentState.id;
    const digest = carried[id];
    if (digest === undefined) return null;
    const unchanged = docDigest(row.newDocumentState) === digest;
    const refused = refusedById.get(id);
    if (unchanged && refused) {
      answer.refused.push(refused);
      continue;
    }
    const hubState = hub.get(id);
    // Applied, and the hub still holds it (or it left this device's view since).
    if (
      unchanged &&
      accepted.has(id) &&
      (hubState === undefined || sameDocState(hubState, row.newDocumentState))
    )
      continue;
    // A conflict, a row the hub has moved on from, or a row changed since: the hub's state decides.
    if (hubState === undefined) return null;
    // The device took the hub's state in already (a resolved conflict pushing its merge): the
    // hub has not judged this newer state, and answering again would resolve the same conflict
    // over and over.
    if (sameDocState(row.assumedMasterState ?? null, hubState)) return null;
    if (!unchanged && docDigest(hubState) === digest) answer.ours.push(hubState);
    answer.conflicts.push(hubState);
  }
  return answer;
}

export interface ReturnSummary {
  accepted: number;
  conflicts: number;
  refused: number;
  received: number;
  replay: boolean;
}

/** What a return bundle brings, for the person who imports it. */
export function summarizeReturn(bundle: ReturnBundle): ReturnSummary {
  const outcomes = Object.values(bundle.outcomes);
  return {
    accepted: outcomes.reduce((n, o) => n + o.accepted.length, 0),
    conflicts: outcomes.reduce((n, o) => n + o.conflicts.length, 0),
    refused: outcomes.reduce((n, o) => n + o.refused.length, 0),
    received: Object.values(bundle.pulls).reduce((n, p) => n + p.documents.length, 0),
    replay: bundle.replay,
  };
}
