// Scope paths: the materialised path of a place ('xg', 'xg.gyj', 'xg.gyj.hxnl5.b3.e1'). Every
// record carries one, so "which records belong under this place" is a string test, not a join.
import type { Level } from '#shared/domain/vocab';

export const SCOPE_SEPARATOR = '.';

/** Whether `scope` is `ancestor` itself or lies below it ('xg.gyj.b1' is under 'xg.gyj', not under 'xg.gy'). */
export function isUnder(scope: string, ancestor: string): boolean {
  return scope === ancestor || scope.startsWith(ancestor + SCOPE_SEPARATOR);
}

/** The enclosing place's scope, or null for a root. */
export function parentScope(scope: string): string | null {
  const cut = scope.lastIndexOf(SCOPE_SEPARATOR);
  return cut < 0 ? null : scope.slice(0, cut);
}

/** The scopes above `scope`, root first, excluding `scope` itself. */
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

const SEGMENT = /^[a-z0-9]+$/;

/** Appends a segment; refuses segments that would break the path format. */
export function joinScope(parent: string, code: string): string {
  if (!SEGMENT.test(code)) throw new Error(`Invalid scope segment: ${code}`);
  return parent === '' ? code : parent + SCOPE_SEPARATOR + code;
}
