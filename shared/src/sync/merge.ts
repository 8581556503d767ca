// Field-level three-way merge of mutable documents (docs/data-model.md). A device that
// pushed an edit learns that the hub's master moved on in the meantime; instead of "server wins"
// every field is decided against the state the edit started from, and a field both sides changed
// differently keeps both values: the master's in the field, the device's in `conflicts`, so a
// person can choose later. Pure and deterministic: every device computing the same merge gets the
// same document.

import { canonicalJson, jsonEqual } from './json';

/** A document state as RxDB's conflict handler sees it: plain JSON plus `_deleted`. */
export type DocState = Record<string, unknown>;

/** One field both sides changed differently; values are absent when that side removed the field. */
export interface ConflictEntry {
  field: string;
  localValue?: unknown;
  remoteValue?: unknown;
  remoteUpdatedBy: string;
  remoteUpdatedAt: string;
  detectedAt: string;
}

export interface MergeInput<T extends DocState> {
  /** The master state the local edit started from; absent when both sides created the document. */
  base: T | null | undefined;
  /** The device's state (RxDB: newDocumentState). */
  local: T;
  /** The hub's current master state (RxDB: realMasterState). */
  remote: T;
  /** When the conflict was detected (ISO time), stored as `detectedAt`. */
  at: string;
  /**
   * States this device pushed whose answer never arrived (the hub may have applied them). A master
   * value equal to one of them is this device's own earlier write, not a change by someone else:
   * without this, a lost push answer turns the device's later edits into false conflicts.
   */
  ours?: readonly DocState[];
}

/** Fields the merge handles specially instead of field by field. */
const SYSTEM_FIELDS = new Set([
  '_meta',
  '_rev',
  '_attachments',
  '_deleted',
  'conflicts',
  'updatedAt',
  'updatedBy',
]);

function isDeleted(doc: DocState | null | undefined): boolean {
  return doc?.['_deleted'] === true;
}

function conflictsOf(doc: DocState | null | undefined): ConflictEntry[] {
  const value = doc?.['conflicts'];
  return Array.isArray(value) ? (value as ConflictEntry[]) : [];
}

function stringField(doc: DocState, field: string): string {
  const value = doc[field];
  return typeof value === 'string' ? value : '';
}

/**
 * Three-way merge of the conflict lists: an entry stays when both sides have it or one side added
 * it; an entry one side removed (a person resolved it) stays removed. Remote order first, then
 * the entries only the local side has, so every device builds the same list.
 */
function mergeConflictLists(
  base: ConflictEntry[],
  local: ConflictEntry[],
  remote: ConflictEntry[],
): ConflictEntry[] {
  const key = (e: ConflictEntry) => canonicalJson(e);
  const baseKeys = new Set(base.map(key));
  const localKeys = new Set(local.map(key));
  const remoteKeys = new Set(remote.map(key));
  const out: ConflictEntry[] = [];
  const seen = new Set<string>();
  const keep = (e: ConflictEntry, inOther: boolean) => {
    const k = key(e);
    if (seen.has(k)) return;
    if (inOther || !baseKeys.has(k)) {
      seen.add(k);
      out.push(e);
    }
  };
  for (const e of remote) keep(e, localKeys.has(key(e)));
  for (const e of local) keep(e, remoteKeys.has(key(e)));
  return out;
}

/** Whether a side changed any ordinary field relative to the base (an edit, as opposed to a delete). */
function editedFields(side: DocState, base: DocState | null | undefined, fields: Iterable<string>): boolean {
  for (const field of fields) {
    if (!jsonEqual(side[field], base?.[field])) return true;
  }
  return false;
}

/**
 * Merges a local edit into the current master state. Fields changed on one side only take that
 * side's value; a field both sides changed to different values takes the master's value and gets a
 * conflict entry holding both. Arrays and objects are compared as whole values. A deletion against
 * an edit keeps the edit and records the deletion as a conflict on `_deleted`. `updatedAt`/
 * `updatedBy` come from whichever side changed later (ties: the master).
 */
export function mergeDocuments<T extends DocState>({
  base: assumed,
  local,
  remote,
  at,
  ours = [],
}: MergeInput<T>): T {
  // Without an assumed master this device believes it created the document; if the hub has it, the
  // hub got it from this device's first push (ids are generated on the device): that is the base.
  const base = (assumed ?? ours[0]) as T | undefined;
  // Merging with an unchanged side is the other side, exactly (no reordering, no new fields).
  if (base && jsonEqual(stripLocal(local), stripLocal(base))) return remote;
  if (base && jsonEqual(stripLocal(remote), stripLocal(base))) return local;
  if (jsonEqual(stripLocal(local), stripLocal(remote))) return remote;
  // The master is exactly what this device pushed: nobody else changed it since.
  if (ours.some((o) => jsonEqual(stripLocal(remote), stripLocal(o)))) return local;

  const fields = new Set<string>();
  for (const doc of [base, local, remote]) {
    if (!doc) continue;
    for (const k of Object.keys(doc)) if (!SYSTEM_FIELDS.has(k)) fields.add(k);
  }
  const sortedFields = [...fields].sort();
  const remoteBy = stringField(remote, 'updatedBy');
  const remoteAt = stringField(remote, 'updatedAt');
  const newConflicts: ConflictEntry[] = [];
  const conflict = (field: string, localValue: unknown, remoteValue: unknown): ConflictEntry => {
    const entry: ConflictEntry = {
      field,
      remoteUpdatedBy: remoteBy,
      remoteUpdatedAt: remoteAt,
      detectedAt: at,
    };
    if (localValue !== undefined) entry.localValue = localValue;
    if (remoteValue !== undefined) entry.remoteValue = remoteValue;
    return entry;
  };

  const merged: DocState = {};
  for (const field of sortedFields) {
    const b = base?.[field];
    const l = local[field];
    const r = remote[field];
    const localChanged = !jsonEqual(l, b);
    // A master value this device wrote itself is no remote change.
    const remoteChanged = !jsonEqual(r, b) && !ours.some((o) => jsonEqual(r, o[field]));
    let value: unknown;
    if (!localChanged) value = r;
    else if (!remoteChanged) value = l;
    else {
      value = r;
      if (!jsonEqual(l, r)) newConflicts.push(conflict(field, l, r));
    }
    if (value !== undefined) merged[field] = value;
  }

  const localDeleted = isDeleted(local);
  const remoteDeleted = isDeleted(remote);
  let deleted = localDeleted;
  if (localDeleted !== remoteDeleted) {
    if (base && isDeleted(base)) {
      // The base was deleted and one side restored it: the restore is the only change.
      deleted = false;
    } else {
      // One side deleted. Against an edit (or a creation, when there is no base) the edit is kept
      // and the deletion waits in `conflicts` for a person; against no edit the deletion stands.
      const editingSide = localDeleted ? remote : local;
      const edited = !base || editedFields(editingSide, base, sortedFields);
      deleted = !edited;
      if (edited) newConflicts.push(conflict('_deleted', localDeleted, remoteDeleted));
    }
  }

  const localAt = stringField(local, 'updatedAt');
  const later = localAt > remoteAt ? local : remote;
  if (later['updatedAt'] !== undefined) merged['updatedAt'] = later['updatedAt'];
  if (later['updatedBy'] !== undefined) merged['updatedBy'] = later['updatedBy'];

  const conflicts = mergeConflictLists(conflictsOf(base), conflictsOf(local), conflictsOf(remote));
  const known = new Set(conflicts.map((e) => canonicalJson(e)));
  for (const e of newConflicts) {
    if (!known.has(canonicalJson(e))) conflicts.push(e);
  }
  const anyHadConflicts = [base, local, remote].some((d) => d && Array.isArray(d['conflicts']));
  if (conflicts.length > 0 || anyHadConflicts) merged['conflicts'] = conflicts;
  merged['_deleted'] = deleted;
  return merged as T;
}

/** The document without RxDB's local bookkeeping, `_deleted` made explicit. */
function stripLocal(doc: DocState): DocState {
  const out: DocState = {};
  for (const [k, v] of Object.entries(doc)) {
    if (k === '_meta' || k === '_rev' || k === '_attachments') continue;
    out[k] = v;
  }
  out['_deleted'] = doc['_deleted'] === true;
  return out;
}

/** What a person chose for a conflicted field in the 冲突处理 screen. */
export type ConflictChoice = 'local' | 'remote' | { custom: unknown };

/**
 * Settles every open conflict of `field`: 'remote' keeps the field as it is (the master's value),
 * 'local' puts back the device's value (of the most recent entry), `{ custom }` sets a value a
 * person typed. The entries for the field are removed and the edit is stamped with `at`/`by`.
 */
export function resolveConflict<T extends DocState>(
  doc: T,
  field: string,
  choice: ConflictChoice,
  at: string,
  by: string,
): T {
  const entries = conflictsOf(doc);
  const mine = entries.filter((e) => e.field === field);
  if (mine.length === 0) return doc;
  const out: DocState = { ...doc };
  out['conflicts'] = entries.filter((e) => e.field !== field);
  let value: unknown = doc[field];
  if (choice === 'local') {
    const latest = [...mine]
      .sort((a, b) => (a.detectedAt < b.detectedAt ? -1 : a.detectedAt > b.detectedAt ? 1 : 0))
      .at(-1);
    value = latest?.localValue;
  } else if (choice !== 'remote') {
    value = choice.custom;
  }
  if (field === '_deleted') out['_deleted'] = value === true;
  else if (value === undefined) delete out[field];
  else out[field] = value;
  out['updatedAt'] = at;
  out['updatedBy'] = by;
  return out as T;
}
