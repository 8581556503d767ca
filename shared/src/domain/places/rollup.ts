import { nearestPlace, subtree, type PlaceTree } from './tree';

export type CountsByScope = ReadonlyMap<string, number> | Readonly<Record<string, number>>;

function entriesOf(counts: CountsByScope): Iterable<[string, number]> {
  return counts instanceof Map ? counts.entries() : Object.entries(counts);
}

/**
 * Rolls counts of any kind (demands, overdue tasks, residents …) up the place tree: every place
 * gets its own count plus the roll-ups of its children. A count whose scope has no place document
 * (a floor nobody registered, a place since removed) is attributed to the nearest place above it;
 * counts outside the tree are left out.
 */
export function rollUp(tree: PlaceTree, countsByScope: CountsByScope): Map<string, number> {
  const own = new Map<string, number>();
  for (const [scope, count] of entriesOf(countsByScope)) {
    const place = nearestPlace(tree.byScope, scope);
    if (place) own.set(place.scope, (own.get(place.scope) ?? 0) + count);
  }
  const totals = new Map<string, number>();
  for (const root of tree.roots) {
    // Children after parents in `subtree`, so walking it backwards finishes children first.
    const order = subtree(tree, root.scope);
    for (let i = order.length - 1; i >= 0; i -= 1) {
      const scope = (order[i] as { scope: string }).scope;
      let total = own.get(scope) ?? 0;
      for (const child of tree.children.get(scope) ?? []) total += totals.get(child.scope) ?? 0;
      totals.set(scope, total);
    }
  }
  return totals;
}

/** `rollUp` for several counts at once, e.g. demands per status: one map of totals per key. */
export function rollUpKeyed<K extends string>(
  tree: PlaceTree,
  countsByScope: ReadonlyMap<string, Partial<Record<K, number>>>,
): Map<string, Partial<Record<K, number>>> {
  const keys = new Set<K>();
  for (const counts of countsByScope.values()) for (const key of Object.keys(counts) as K[]) keys.add(key);
  const out = new Map<string, Partial<Record<K, number>>>();
  for (const key of keys) {
    const perScope = new Map<string, number>();
    for (const [scope, counts] of countsByScope) {
      const value = counts[key];
      if (value !== undefined) perScope.set(scope, value);
    }
    for (const [scope, total] of rollUp(tree, perScope)) {
      const record: Partial<Record<K, number>> = out.get(scope) ?? {};
      record[key] = total;
      out.set(scope, record);
    }
  }
  return out;
}
