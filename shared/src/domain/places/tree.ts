import type { PlaceDoc } from '#shared/schema/index';
import { parentScope } from './scope';

/** The place tree indexed for lookups; children are in display order (order, then name). */
export interface PlaceTree {
  readonly byId: ReadonlyMap<string, PlaceDoc>;
  readonly byScope: ReadonlyMap<string, PlaceDoc>;
  readonly children: ReadonlyMap<string, readonly PlaceDoc[]>;
  readonly roots: readonly PlaceDoc[];
}

/**
 * Builds the tree from place documents. A place's parent is its `parentId`; when that document is
 * missing (e.g. a device holding only its own community), the nearest place above it by scope
 * path is used, and a place with none becomes a root.
 */
export function buildPlaceTree(places: readonly PlaceDoc[]): PlaceTree {
  const byId = new Map<string, PlaceDoc>();
  const byScope = new Map<string, PlaceDoc>();
  for (const place of places) {
    byId.set(place.id, place);
    byScope.set(place.scope, place);
  }
  const children = new Map<string, PlaceDoc[]>();
  const roots: PlaceDoc[] = [];
  for (const place of places) {
    const parent = parentOf(place, byId, byScope);
    if (!parent) {
      roots.push(place);
      continue;
    }
    const list = children.get(parent.scope);
    if (list) list.push(place);
    else children.set(parent.scope, [place]);
  }
  for (const list of children.values()) list.sort(byDisplayOrder);
  roots.sort(byDisplayOrder);
  return { byId, byScope, children, roots };
}

function parentOf(
  place: PlaceDoc,
  byId: ReadonlyMap<string, PlaceDoc>,
  byScope: ReadonlyMap<string, PlaceDoc>,
): PlaceDoc | undefined {
  const direct = place.parentId === null ? undefined : byId.get(place.parentId);
  if (direct && direct.id !== place.id) return direct;
  return nearestPlace(byScope, parentScope(place.scope));
}

/** The place at `scope`, or the nearest one above it. */
export function nearestPlace(
  byScope: ReadonlyMap<string, PlaceDoc>,
  scope: string | null,
): PlaceDoc | undefined {
  let current = scope;
  while (current !== null) {
    const found = byScope.get(current);
    if (found) return found;
    current = parentScope(current);
  }
  return undefined;
}

function byDisplayOrder(a: PlaceDoc, b: PlaceDoc): number {
  return a.order - b.order || a.name.localeCompare(b.name, 'zh-CN') || a.scope.localeCompare(b.scope);
}

export function childrenOf(tree: PlaceTree, scope: string): readonly PlaceDoc[] {
  return tree.children.get(scope) ?? [];
}

/** Every place of the subtree rooted at `scope`, the root first, depth-first in display order. */
export function subtree(tree: PlaceTree, scope: string): PlaceDoc[] {
  const root = tree.byScope.get(scope);
  if (!root) return [];
  const out: PlaceDoc[] = [];
  const seen = new Set<string>();
  const stack: PlaceDoc[] = [root];
  while (stack.length > 0) {
    const place = stack.pop() as PlaceDoc;
    if (seen.has(place.scope)) continue; // corrupt parent links must not loop forever
    seen.add(place.scope);
    out.push(place);
    const kids = childrenOf(tree, place.scope);
    for (let i = kids.length - 1; i >= 0; i -= 1) stack.push(kids[i] as PlaceDoc);
  }
  return out;
}

/** Places from the root down to the place at `scope` (for breadcrumbs). */
export function pathTo(tree: PlaceTree, scope: string): PlaceDoc[] {
  const out: PlaceDoc[] = [];
  let current = tree.byScope.get(scope);
  const seen = new Set<string>();
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    out.unshift(current);
    current = parentOf(current, tree.byId, tree.byScope);
  }
  return out;
}
