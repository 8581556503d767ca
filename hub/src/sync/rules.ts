// The per-row decision of a push (docs/protocol.md): refuse (schema, scope, role, append-only),
// ignore an idempotent replay, report a conflict, or write. Pure, so it is tested without a database.

import type { ActorRole, CollectionName } from '#shared/domain/vocab';
import { APPEND_ONLY_COLLECTIONS } from '#shared/domain/vocab';
import {
  MAX_ID_LENGTH,
  MAX_JSON_DEPTH,
  MAX_PUSH_ROWS,
  REFUSAL_MESSAGES,
  jsonDepth,
  sameDocState,
  toWireDoc,
} from '#shared/protocol/v1';
import { isValidScope, liesUnder } from '#shared/domain/places/index';
import { asSeenBy, readsPii } from '#shared/domain/permissions/index';
import { keepWithheldPii } from '#shared/schema/pii';
import type { Doc, RefusalCode } from '#shared/protocol/v1';

export interface DeviceActor {
  id: string;
  role: ActorRole;
  scope: string;
  /** The id the device's documents carry when it set itself up before enrolling. */
  localId?: string | null;
}

/** The ids a device writes its documents under: the hub's, and its own from before enrolment. */
export function authorIdsOf(actor: DeviceActor): string[] {
  return actor.localId ? [actor.id, actor.localId] : [actor.id];
}

/** The shared schema and permission rules, injected so the decision stays pure. */
export interface RowPolicy {
  /** A short description of the first schema violation, or null when the document is valid. */
  validate(collection: CollectionName, fields: Record<string, unknown>): string | null;
  /** Null when the actor's role may turn `master` (null: a new document) into `next`, else why not. */
  authorize(actor: DeviceActor, collection: CollectionName, master: Doc | null, next: Doc): string | null;
  /**
   * Null when the document's lifecycle may go from `master` (null: a new document) to `next` by
   * steps the actor's role may take (the shared state machines), else why not.
   */
  transition(actor: DeviceActor, collection: CollectionName, master: Doc | null, next: Doc): string | null;
  /** Null when `next` names the actor as its author (and audit actor) where it must, else why not. */
  author(actor: DeviceActor, collection: CollectionName, master: Doc | null, next: Doc): string | null;
}

export interface ParsedRow {
  id: string;
  next: Doc;
  assumed: Doc | null;
  raw: unknown;
}

export type RowDecision =
  | { kind: 'refuse'; code: RefusalCode; reason: string }
  | { kind: 'noop' }
  | { kind: 'conflict'; master: Doc }
  | { kind: 'write'; doc: Doc };

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** PostgreSQL text and jsonb cannot hold NUL or unpaired surrogates; such rows are refused up front. */
export function hasUnstorableString(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (v.includes('\u0000') || LONE_SURROGATE.test(v)) return true;
    } else if (v !== null && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        if (k.includes('\u0000') || LONE_SURROGATE.test(k)) return true;
        stack.push(child);
      }
    }
  }
  return false;
}

export function isStorableId(id: unknown): id is string {
  return typeof id === 'string' && id.length > 0 && id.length <= MAX_ID_LENGTH && !hasUnstorableString(id);
}

/**
 * Checks the shape of a push body. A body that is not a list of rows with a usable id is a bad
 * request as a whole (nothing applied); everything about a row's content is judged per row.
 */
export function parsePushBody(body: unknown): { rows: ParsedRow[] } | { error: string } {
  if (!Array.isArray(body)) return { error: '推送内容必须是数组' };
  if (body.length > MAX_PUSH_ROWS) return { error: `一次最多推送 ${MAX_PUSH_ROWS} 行` };
  if (jsonDepth(body, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) return { error: '数据嵌套层级过深' };
  const rows: ParsedRow[] = [];
  for (const [i, row] of body.entries()) {
    if (!isPlainObject(row) || !isPlainObject(row['newDocumentState'])) {
      return { error: `第 ${i + 1} 行缺少 newDocumentState 对象` };
    }
    const assumed = row['assumedMasterState'];
    if (assumed !== undefined && assumed !== null && !isPlainObject(assumed)) {
      return { error: `第 ${i + 1} 行的 assumedMasterState 必须是对象或 null` };
    }
    const id = row['newDocumentState']['id'];
    if (!isStorableId(id)) return { error: `第 ${i + 1} 行的 id 无效` };
    rows.push({
      id,
      next: toWireDoc(row['newDocumentState']) as Doc,
      assumed: isPlainObject(assumed) ? (toWireDoc(assumed) as Doc) : null,
      raw: row,
    });
  }
  return { rows };
}

function refuse(code: RefusalCode, detail?: string): RowDecision {
  return {
    kind: 'refuse',
    code,
    reason: detail ? `${REFUSAL_MESSAGES[code]}：${detail}` : REFUSAL_MESSAGES[code],
  };
}

export function decideRow(
  collection: CollectionName,
  actor: DeviceActor,
  row: ParsedRow,
  master: Doc | null,
  policy: RowPolicy,
): RowDecision {
  const raw = (row.raw as { newDocumentState: Record<string, unknown> }).newDocumentState;
  if (raw['_deleted'] !== undefined && typeof raw['_deleted'] !== 'boolean') {
    return refuse('schema', '_deleted 必须是布尔值');
  }
  if (hasUnstorableString(row.next)) return refuse('schema', '文本中含有无法保存的字符');
  const { _deleted: _ignored, ...fields } = row.next;
  const invalid = policy.validate(collection, fields);
  if (invalid !== null) return refuse('schema', invalid);
  const scope = row.next.scope;
  if (!isValidScope(scope)) return refuse('schema', 'scope 格式不正确');
  if (!liesUnder(scope, actor.scope)) return refuse('scope', scope);
  if (master && !liesUnder(master.scope, actor.scope)) return refuse('scope', master.scope);
  const denied = policy.authorize(actor, collection, master, row.next);
  if (denied !== null) return refuse('role', denied);
  // A device whose role lacks `pii.read` was never sent the PII: what it pushes is merged over the
  // hub's values (absent is not erased), and it is judged against the master as it saw it.
  const next = readsPii(actor.role) ? row.next : keepWithheldPii(collection, master, row.assumed, row.next);
  if (master && sameDocState(next, master)) return { kind: 'noop' };
  if (master && (APPEND_ONLY_COLLECTIONS as readonly string[]).includes(collection))
    return refuse('append_only');
  const seen = master && asSeenBy(actor.role, collection, master);
  if (seen && !sameDocState(row.assumed, seen)) return { kind: 'conflict', master: seen };
  // Judged against the hub's state, only for a row that would be written: a stale row is a
  // conflict the device resolves first, and its next push is judged again.
  const illegal = policy.transition(actor, collection, master, next);
  if (illegal !== null) return refuse('role', illegal);
  const forged = policy.author(actor, collection, master, next);
  if (forged !== null) return refuse('author', forged);
  return { kind: 'write', doc: next };
}
