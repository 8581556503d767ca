// Scope paths: the materialised path of a place ('xg', 'xg.gyj', 'xg.gyj.hxnl5.b3.e1'). Every
// record carries one, so "which records belong under this place" is a string test, not a join.
// This module is the one place that knows the path format, the "lies under" relation and what a
// device may see; the hub's SQL, the fan-out, `authorize` and every screen ask it.
import { REFERENCE_COLLECTIONS, type Level } from '#shared/domain/vocab';

export const SCOPE_SEPARATOR = '.';
export const SCOPE_MAX_LENGTH = 200;
/** The path format as a JSON Schema pattern: lowercase segments joined by '.'. */
export const SCOPE_PATTERN = '^[a-z0-9]+(\\.[a-z0-9]+)*$';
const SCOPE_REGEXP = new RegExp(SCOPE_PATTERN);
const SEGMENT = /^[a-z0-9]+$/;
const SEPARATOR_CODE = SCOPE_SEPARATOR.charCodeAt(0);

/** A well-formed scope: lowercase letters and digits, segments joined by '.', at most 200 characters. */
export function isValidScope(value: unknown): value is string {
  return typeof value === 'string' && value.length <= SCOPE_MAX_LENGTH && SCOPE_REGEXP.test(value);
}

/**
 * Whether `scope` is `under` itself or lies below it ('xg.gyj.b1' lies under 'xg.gyj', 'xg.gyjx'
 * does not).
 */
export function liesUnder(scope: string, under: string): boolean {
  // Compared in place: building `${under}.` for each of a street's records costs more than the test.
  return scope.length > under.length
    ? scope.charCodeAt(under.length) === SEPARATOR_CODE && scope.startsWith(under)
    : scope === under;
}

/** Whether `scope` lies strictly below `above` (under it and not the same place). */
export function liesBelow(scope: string, above: string): boolean {
  return scope !== above && liesUnder(scope, above);
}

/** Whether one of the two lies under the other: the places share a line of the tree. */
export function onOneLine(a: string, b: string): boolean {
  return liesUnder(a, b) || liesUnder(b, a);
}

/** The enclosing place's scope, or null for a root. */
export function parentScope(scope: string): string | null {
  const cut = scope.lastIndexOf(SCOPE_SEPARATOR);
  return cut < 0 ? null : scope.slice(0, cut);
}

/** The scopes above `scope`, root first, excluding `scope` itself: 'xg.gyj.y3' → ['xg', 'xg.gyj']. */
export function ancestors(scope: string): string[] {
  const parts = scope.split(SCOPE_SEPARATOR);
  const out: string[] = [];
  for (let i = 1; i < parts.length; i += 1) out.push(parts.slice(0, i).join(SCOPE_SEPARATOR));
  return out;
}

/** Number of segments: 1 for the street, 2 for a community, 3 for a courtyard or a venue … */
export function depthOf(scope: string): number {
  return scope.split(SCOPE_SEPARATOR).length;
}

/**
 * The deliberation level a scope belongs to: the street itself, a community, or anything inside a
 * courtyard (buildings and entrances deliberate at their courtyard — 楼院议事).
 */
export function levelOf(scope: string): Level {
  const depth = depthOf(scope);
  if (depth <= 1) return 'street';
  if (depth === 2) return 'community';
  return 'courtyard';
}

/** The scope of the level-`level` place that contains `scope` (or null when it is above it). */
export function scopeAtLevel(scope: string, level: Level): string | null {
  const depth = level === 'street' ? 1 : level === 'community' ? 2 : 3;
  const parts = scope.split(SCOPE_SEPARATOR);
  return parts.length < depth ? null : parts.slice(0, depth).join(SCOPE_SEPARATOR);
}

/** Appends a segment; refuses segments that would break the path format. */
export function joinScope(parent: string, code: string): string {
  if (!SEGMENT.test(code)) throw new Error(`Invalid scope segment: ${code}`);
  return parent === '' ? code : parent + SCOPE_SEPARATOR + code;
}

/**
 * The range of a place subtree on an ordered `scope` index. Segments are `[a-z0-9]` joined by '.',
 * and '/' is the character after '.', so [s, s + '/') holds exactly s and the paths starting with
 * s + '.' ('xg.gyj0' sorts after 'xg.gyj/').
 */
export function scopeRange(scope: string): { $gte: string; $lt: string } {
  return { $gte: scope, $lt: `${scope}/` };
}

// ---- what a device may see ----

/** Collections whose documents a device also receives for the ancestors of its scope. */
export function isReferenceCollection(collection: string): boolean {
  return (REFERENCE_COLLECTIONS as readonly string[]).includes(collection);
}

/**
 * What a device of one scope may see of one collection: its own subtree, plus — for reference
 * data (places, organisations), so it can name its context — the exact scopes of its ancestors.
 */
export interface Visibility {
  readonly subtree: string;
  readonly alsoExactly: readonly string[];
}

export function visibilityOf(deviceScope: string, collection: string | undefined): Visibility {
  return {
    subtree: deviceScope,
    alsoExactly: collection !== undefined && isReferenceCollection(collection) ? ancestors(deviceScope) : [],
  };
}

/** The JavaScript reading of a visibility. */
export function isVisible(visibility: Visibility, docScope: string): boolean {
  return liesUnder(docScope, visibility.subtree) || visibility.alsoExactly.includes(docScope);
}

/** Whether a device of `deviceScope` may see a document of `docScope` in `collection`. */
export function visibleToDevice(docScope: string, collection: string, deviceScope: string): boolean {
  return isVisible(visibilityOf(deviceScope, collection), docScope);
}

/**
 * The SQL reading of a visibility, as parameters of
 * `scope = $exact or scope like $below or scope = any($alsoExactly)`. LIKE treats '_' and '%' as
 * wildcards (and a backslash as its escape), so the prefix is escaped even though valid scopes hold none.
 */
export function visibilitySqlParams(visibility: Visibility): {
  /** The street (root segment) every visible scope lies in: ancestors share the subtree's root. */
  street: string;
  exact: string;
  below: string;
  alsoExactly: string[];
} {
  const escaped = visibility.subtree.replace(/[\\%_]/g, (c) => `\\${c}`);
  return {
    street: scopeAtLevel(visibility.subtree, 'street') ?? visibility.subtree,
    exact: visibility.subtree,
    below: `${escaped}${SCOPE_SEPARATOR}%`,
    alsoExactly: [...visibility.alsoExactly],
  };
}
