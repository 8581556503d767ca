// Sync bundles: protocol v1 carried on a USB stick for a hall with no line. A device bundle holds
// the device's unsynced push rows and its pull checkpoints; the hub applies the rows as a push and
// answers with a return bundle: what became of each row and everything the device's scope gained
// since its checkpoints. Both are JSON, signed with HMAC-SHA-256 under a key derived from the
// device's token, which the hub keeps from the device's enrolment or last online request.

import { COLLECTION_NAMES } from '#shared/domain/vocab';
import type { CollectionName } from '#shared/domain/vocab';
import { canonicalJson } from '#shared/sync/json';
import { fromHex, hmacSha256, sameMac, toHex, utf8 } from './hmac';
import { REFUSAL_CODES, isCollectionName } from './v1';
import type { Doc, PushRow, RefusedRow } from './v1';

export const SYNC_BUNDLE_FORMAT = 'yishi-sync-bundle';
export const SYNC_BUNDLE_VERSION = 1;
/** A file larger than this is not read (a hall's weeks of work stay far below it). */
export const MAX_BUNDLE_BYTES = 256 * 1024 * 1024;
const KEY_LABEL = 'yishi sync bundle key v1';
const MAX_ID = 64;

interface BundleHead {
  format: typeof SYNC_BUNDLE_FORMAT;
  version: typeof SYNC_BUNDLE_VERSION;
  hubId: string;
  deviceId: string;
  /** Unique per bundle: the hub recognises a bundle it has already imported by it. */
  bundleId: string;
  createdAt: string;
  /** HMAC-SHA-256 (hex) of the canonical JSON of every other field. */
  mac: string;
}

/** Device → hub: the rows the hub has not acknowledged and where the device's pulls stand. */
export interface DeviceBundle extends BundleHead {
  kind: 'device';
  scope: string;
  /** Per collection, the `seq` of the device's last pull checkpoint (0: nothing pulled yet). */
  checkpoints: Partial<Record<CollectionName, number>>;
  changes: Partial<Record<CollectionName, PushRow[]>>;
}

/** What became of the rows of one collection (written and idempotent replays are both accepted). */
export interface BundleOutcome {
  accepted: string[];
  conflicts: string[];
  refused: RefusedRow[];
}

export interface BundlePull {
  since: number;
  checkpoint: number;
  documents: Doc[];
}

/** Hub → device: the answer to one device bundle. */
export interface ReturnBundle extends BundleHead {
  kind: 'return';
  /** The `bundleId` of the device bundle this answers. */
  answers: string;
  /** The device bundle had been imported before; its rows were not applied again. */
  replay: boolean;
  outcomes: Partial<Record<CollectionName, BundleOutcome>>;
  /** The hub's current state of every pushed document the device may see (conflicts included). */
  hubStates: Partial<Record<CollectionName, Doc[]>>;
  /** Everything the device's scope gained since its checkpoints, in sequence order. */
  pulls: Partial<Record<CollectionName, BundlePull>>;
}

export type SyncBundle = DeviceBundle | ReturnBundle;
export type Unsigned<T extends SyncBundle> = Omit<T, 'mac'>;

/** The MAC key of a device's bundles (hex), derived from its hub token. */
export function bundleKeyFromToken(token: string): string {
  return toHex(hmacSha256(utf8(token), utf8(KEY_LABEL)));
}

function macOf(unsigned: object, keyHex: string): string {
  const key = fromHex(keyHex);
  if (key === null || key.length === 0) throw new Error('bundle key must be hex');
  const { mac: _mac, ...rest } = unsigned as Record<string, unknown>;
  return toHex(hmacSha256(key, utf8(canonicalJson(rest))));
}

export function signBundle<T extends SyncBundle>(unsigned: Unsigned<T>, keyHex: string): T {
  return { ...unsigned, mac: macOf(unsigned, keyHex) } as T;
}

/** Whether the bundle is exactly what the holder of `keyHex` signed. */
export function verifyBundle(bundle: SyncBundle, keyHex: string): boolean {
  return sameMac(bundle.mac, macOf(bundle, keyHex));
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= MAX_ID;
const isSeq = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isDoc = (v: unknown): v is Doc => isObject(v) && typeof v['id'] === 'string';

/** Checks that every key is a collection and every value passes `check`; the first fault or null. */
function perCollection(value: unknown, what: string, check: (v: unknown) => boolean): string | null {
  if (!isObject(value)) return `${what}格式不正确`;
  for (const [name, v] of Object.entries(value)) {
    if (!isCollectionName(name)) return `${what}含有未知的数据类别 ${name.slice(0, 40)}`;
    if (!check(v)) return `${what}中 ${name} 的内容格式不正确`;
  }
  return null;
}

const isRow = (r: unknown): boolean =>
  isObject(r) &&
  isDoc(r['newDocumentState']) &&
  (r['assumedMasterState'] === undefined ||
    r['assumedMasterState'] === null ||
    isDoc(r['assumedMasterState']));

const isOutcome = (o: unknown): boolean =>
  isObject(o) &&
  Array.isArray(o['accepted']) &&
  o['accepted'].every((id) => typeof id === 'string') &&
  Array.isArray(o['conflicts']) &&
  o['conflicts'].every((id) => typeof id === 'string') &&
  Array.isArray(o['refused']) &&
  o['refused'].every(
    (r) =>
      isObject(r) &&
      typeof r['id'] === 'string' &&
      typeof r['reason'] === 'string' &&
      (REFUSAL_CODES as readonly unknown[]).includes(r['code']),
  );

const isPull = (p: unknown): boolean =>
  isObject(p) &&
  isSeq(p['since']) &&
  isSeq(p['checkpoint']) &&
  Array.isArray(p['documents']) &&
  p['documents'].every(isDoc);

/**
 * Reads a bundle file's text. Checks the envelope only (format, version, fields, collections):
 * the MAC is checked by whoever holds the key, the rows by the same rules as an online push.
 */
export function parseBundle(text: string): { bundle: SyncBundle } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { error: '文件不是议事同步包（无法读取 JSON）。' };
  }
  if (!isObject(value) || value['format'] !== SYNC_BUNDLE_FORMAT) {
    return { error: '文件不是议事同步包。' };
  }
  if (value['version'] !== SYNC_BUNDLE_VERSION) {
    return { error: `同步包版本 ${String(value['version']).slice(0, 20)} 无法识别，请升级本软件。` };
  }
  for (const field of ['hubId', 'deviceId', 'bundleId'] as const) {
    if (!isId(value[field])) return { error: `同步包缺少 ${field}。` };
  }
  if (typeof value['createdAt'] !== 'string' || typeof value['mac'] !== 'string') {
    return { error: '同步包缺少时间或校验码。' };
  }
  let fault: string | null;
  if (value['kind'] === 'device') {
    if (typeof value['scope'] !== 'string') return { error: '同步包缺少设备范围。' };
    fault =
      perCollection(value['checkpoints'], '同步位置', isSeq) ??
      perCollection(value['changes'], '本机更改', (rows) => Array.isArray(rows) && rows.every(isRow));
  } else if (value['kind'] === 'return') {
    if (!isId(value['answers']) || typeof value['replay'] !== 'boolean') {
      return { error: '回传包缺少它所答复的同步包编号。' };
    }
    fault =
      perCollection(value['outcomes'], '处理结果', isOutcome) ??
      perCollection(value['hubStates'], '服务器状态', (docs) => Array.isArray(docs) && docs.every(isDoc)) ??
      perCollection(value['pulls'], '新增数据', isPull);
  } else {
    return { error: '同步包类型无法识别。' };
  }
  if (fault !== null) return { error: `同步包内容不完整：${fault}。` };
  return { bundle: value as unknown as SyncBundle };
}

/** How many rows a device bundle carries, over all collections. */
export function countChanges(bundle: DeviceBundle): number {
  return COLLECTION_NAMES.reduce((n, c) => n + (bundle.changes[c]?.length ?? 0), 0);
}

/** A file name for a bundle: which device, which way, when (the time as given, Beijing or not). */
export function bundleFileName(kind: SyncBundle['kind'], deviceId: string, stamp: string): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, '');
  return `yishi-${kind === 'device' ? 'sync' : 'return'}-${safe(deviceId)}-${safe(stamp)}.json`;
}
