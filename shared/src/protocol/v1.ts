// Hub protocol v1: the contract between hub/ (server) and renderer/src/sync (client).
// Everything here is pure so both sides share one reading of routes, limits and document equality.
// Scope paths and what a device may see live in `#shared/domain/places`.

import { ACTOR_ROLES, COLLECTION_NAMES } from '#shared/domain/vocab';
import { jsonEqual } from '#shared/sync/json';
import type { ActorRole, CollectionName } from '#shared/domain/vocab';

export const PROTOCOL_VERSION = 1;
export const MAX_BODY_BYTES = 5 * 1024 * 1024;
export const MAX_PUSH_ROWS = 1000;
export const PULL_LIMIT_DEFAULT = 500;
export const PULL_LIMIT_MAX = 2000;
export const KEEPALIVE_MS = 15_000;
/** Nesting deeper than this is refused before any recursive work touches the value. */
export const MAX_JSON_DEPTH = 64;
export const MAX_ID_LENGTH = 64;
export const MAX_DEVICE_NAME_LENGTH = 100;

/** A document as it travels over the wire: the RxDB state without `_meta`, `_rev`, `_attachments`. */
export type Doc = { id: string; scope: string; _deleted: boolean } & Record<string, unknown>;

export interface Checkpoint {
  seq: number;
}

export interface HealthResponse {
  ok: true;
  version: string;
  protocol: typeof PROTOCOL_VERSION;
  database: 'pglite' | 'postgres';
  hubId: string;
  /** Changes when the hub is restored from a backup (absent from hubs before epochs: '0'). */
  epoch?: string;
}

export interface EnrollRequest {
  code: string;
  deviceName: string;
  /**
   * The id the device set itself up with before enrolling, which its documents carry as
   * createdBy/updatedBy and its audit entries as actor: the hub accepts it as this device's.
   */
  localDeviceId?: string;
}

export interface EnrollResponse {
  deviceId: string;
  token: string;
  scope: string;
  role: ActorRole;
  hubId: string;
  /** The hub's epoch at enrollment (see HealthResponse). */
  epoch?: string;
}

export interface PullResponse {
  documents: Doc[];
  checkpoint: Checkpoint | null;
  /**
   * The page stopped short of `limit` at the hub's byte budget for one answer, and more documents
   * follow: ask again from `checkpoint`. Absent otherwise (a short page without it is the end).
   */
  more?: true;
}

/**
 * `GET /v1/sync/:collection/pull?order=newest&before=<seq>&limit=<n>`: a device's first pull,
 * newest first. `high` and `low` are the first and last document's sequence numbers (null on an
 * empty page); the next page asks `before=<low>`. A hub that answers without `order` does not
 * know this order (its answer is an ordinary ascending page).
 */
export interface PullNewestResponse {
  order: 'newest';
  documents: Doc[];
  high: number | null;
  low: number | null;
  /** As in PullResponse: cut at the byte budget, ask again with `before=<low>`. */
  more?: true;
}

/**
 * `GET /v1/sync/counts`: how many documents each collection's pull delivers to this device from
 * the beginning (its scope, tombstones included), so that a first sync can show its progress.
 */
export interface CountsResponse {
  counts: Record<CollectionName, number>;
}

export interface PushRow {
  newDocumentState: Doc;
  assumedMasterState?: Doc | null;
}

/** Why a pushed row was refused; the client shows `reason` (Chinese) to a person. */
export const REFUSAL_CODES = ['schema', 'scope', 'role', 'append_only', 'bad_row', 'author'] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

export interface RefusedRow {
  id: string;
  code: RefusalCode;
  reason: string;
}

export interface PushResponse {
  conflicts: Doc[];
  refused: RefusedRow[];
}

export interface StreamChange {
  collection: CollectionName;
  documents: Doc[];
  checkpoint: Checkpoint;
}

export const ERROR_CODES = [
  'bad_json',
  'bad_request',
  'unknown_collection',
  'unauthorized',
  'revoked',
  'forbidden',
  'too_large',
  'code_invalid',
  'code_expired',
  'code_used',
  'not_found',
  'method_not_allowed',
  'rate_limited',
  'unavailable',
  'internal',
  // Photo attachments (shared/src/protocol/attachments.ts): bytes that do not match the entry.
  'attachment_mismatch',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ERROR_MESSAGES: Record<ErrorCode, string> = {
  bad_json: '请求内容不是有效的 JSON。',
  bad_request: '请求格式不正确。',
  unknown_collection: '没有这个数据集合。',
  unauthorized: '设备未登记或令牌无效，请重新登记。',
  revoked: '此设备已被街道管理员停用，本机数据将被清除。',
  forbidden: '没有权限执行此操作。',
  too_large: '请求内容过大。',
  code_invalid: '登记码无效，请核对后重试。',
  code_expired: '登记码已过期，请向街道管理员重新申请。',
  code_used: '登记码已被使用，请向街道管理员重新申请。',
  not_found: '请求的地址不存在。',
  method_not_allowed: '不支持此请求方式。',
  rate_limited: '尝试次数过多，请稍后再试。',
  unavailable: '同步服务正在关闭，请稍后重试。',
  internal: '同步服务内部错误，请稍后重试。',
  attachment_mismatch: '照片与记录中登记的不一致，请先同步记录本身。',
};

export const ERROR_STATUS: Record<ErrorCode, number> = {
  bad_json: 400,
  bad_request: 400,
  unknown_collection: 404,
  unauthorized: 401,
  revoked: 401,
  forbidden: 403,
  too_large: 413,
  code_invalid: 400,
  code_expired: 410,
  code_used: 409,
  not_found: 404,
  method_not_allowed: 405,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
  attachment_mismatch: 409,
};

export const REFUSAL_MESSAGES: Record<RefusalCode, string> = {
  schema: '数据格式不符合规范',
  scope: '超出本设备的管辖范围',
  role: '本设备的角色无权进行此操作',
  append_only: '此类记录只能新增，不能修改',
  bad_row: '同步数据行格式不正确',
  author: '记录的作者不是本设备',
};

export interface ErrorBody {
  error: { code: ErrorCode; message: string };
}

export function errorBody(code: ErrorCode, message: string = ERROR_MESSAGES[code]): ErrorBody {
  return { error: { code, message } };
}

// ---- admin routes (loopback only, used by the hub CLI) ----

export interface AdminEnrollRequest {
  scope: string;
  role: ActorRole;
  name: string;
  ttlMinutes?: number;
}

export interface AdminEnrollResponse {
  code: string;
  expiresAt: string;
}

export interface DeviceInfo {
  deviceId: string;
  name: string;
  label: string;
  scope: string;
  role: ActorRole;
  enrolledAt: string;
  lastSeenAt: string | null;
  revokedAt: string | null;
  /** The id the device named at enrolment as the one its documents carry (null: only deviceId). */
  localId: string | null;
}

// ---- routes ----

export type Route =
  | { kind: 'health' }
  | { kind: 'enroll' }
  | { kind: 'pull'; collection: string }
  | { kind: 'push'; collection: string }
  | { kind: 'stream' }
  | { kind: 'counts' }
  | { kind: 'adminEnroll' }
  | { kind: 'adminDevices' }
  | { kind: 'adminRevoke'; deviceId: string }
  | { kind: 'adminSeedDemo' };

type RouteMatch = { route: Route; method: 'GET' | 'POST' } | null;

function matchPath(pathname: string): RouteMatch {
  const parts = pathname.split('/');
  // A leading '' from the initial slash, then 'v1'; empty segments (//) never match.
  if (parts[0] !== '' || parts[1] !== 'v1' || parts.slice(1).some((p) => p === '')) return null;
  const rest = parts.slice(2);
  const [a, b, c, d] = rest;
  if (rest.length === 1 && a === 'health') return { route: { kind: 'health' }, method: 'GET' };
  if (rest.length === 2 && a === 'devices' && b === 'enroll')
    return { route: { kind: 'enroll' }, method: 'POST' };
  if (rest.length === 2 && a === 'sync' && b === 'stream')
    return { route: { kind: 'stream' }, method: 'GET' };
  if (rest.length === 2 && a === 'sync' && b === 'counts')
    return { route: { kind: 'counts' }, method: 'GET' };
  if (rest.length === 3 && a === 'sync' && b !== undefined && c === 'pull')
    return { route: { kind: 'pull', collection: b }, method: 'GET' };
  if (rest.length === 3 && a === 'sync' && b !== undefined && c === 'push')
    return { route: { kind: 'push', collection: b }, method: 'POST' };
  if (a !== 'admin') return null;
  if (rest.length === 2 && b === 'enroll') return { route: { kind: 'adminEnroll' }, method: 'POST' };
  if (rest.length === 2 && b === 'devices') return { route: { kind: 'adminDevices' }, method: 'GET' };
  if (rest.length === 2 && b === 'seed-demo') return { route: { kind: 'adminSeedDemo' }, method: 'POST' };
  if (rest.length === 4 && b === 'devices' && c !== undefined && d === 'revoke')
    return { route: { kind: 'adminRevoke', deviceId: c }, method: 'POST' };
  return null;
}

/**
 * Maps a request line to a route. `pathname` must already be separated from the query string.
 * Percent-encoded segments are decoded once; a segment that fails to decode does not match.
 */
export function parseRoute(method: string, pathname: string): { route: Route } | { error: ErrorCode } {
  let decoded: string;
  try {
    decoded = pathname
      .split('/')
      .map((p) => decodeURIComponent(p))
      .join('/');
    // A decoded '/' inside a segment would shift the route: refuse it instead.
    if (decoded.split('/').length !== pathname.split('/').length) return { error: 'not_found' };
  } catch {
    return { error: 'not_found' };
  }
  const match = matchPath(decoded);
  if (!match) return { error: 'not_found' };
  if (method !== match.method) return { error: 'method_not_allowed' };
  return { route: match.route };
}

export function isCollectionName(value: unknown): value is CollectionName {
  return typeof value === 'string' && (COLLECTION_NAMES as readonly string[]).includes(value);
}

export function isActorRole(value: unknown): value is ActorRole {
  return typeof value === 'string' && (ACTOR_ROLES as readonly string[]).includes(value);
}

// ---- documents ----

const SERVER_IGNORED_FIELDS = ['_meta', '_rev', '_attachments'] as const;

/** Drops RxDB's local bookkeeping and makes `_deleted` an explicit boolean. */
export function toWireDoc(state: Record<string, unknown>): Record<string, unknown> {
  // fromEntries defines own properties, so a hostile "__proto__" key stays a plain (refusable)
  // field instead of replacing the object's prototype.
  const out = Object.fromEntries(
    Object.entries(state).filter(([key]) => !(SERVER_IGNORED_FIELDS as readonly string[]).includes(key)),
  );
  out['_deleted'] = state['_deleted'] === true;
  return out;
}

/** Depth of nested arrays/objects, computed without recursion so hostile nesting cannot overflow. */
export function jsonDepth(value: unknown, limit: number = MAX_JSON_DEPTH): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop() as [unknown, number];
    if (v === null || typeof v !== 'object') continue;
    const d = depth + 1;
    if (d > max) max = d;
    if (max > limit) return max;
    for (const child of Object.values(v as object)) stack.push([child, d]);
  }
  return max;
}

/**
 * Whether two document states are the same, ignoring key order and RxDB's local fields
 * (`_meta`, `_rev`, `_attachments`); `_deleted` counts, absent meaning false.
 */
export function sameDocState(
  a: Record<string, unknown> | null | undefined,
  b: Record<string, unknown> | null | undefined,
): boolean {
  const aMissing = a === null || a === undefined;
  const bMissing = b === null || b === undefined;
  if (aMissing || bMissing) return aMissing && bMissing;
  return jsonEqual(toWireDoc(a), toWireDoc(b));
}
