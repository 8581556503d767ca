import { childrenOf, rollUp, type PlaceTree } from '#shared/domain/places/index';
import type { PlaceDoc } from '#shared/schema/index';

/** Demands per scope, as `rollUp` takes them. */
export function countByScope(rows: Iterable<{ scope: string }>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.scope, (counts.get(row.scope) ?? 0) + 1);
  return counts;
}

export interface LedgerCounts {
  /** Demands of the whole subtree of the chosen place. */
  total: number;
  /** Demands recorded on the place itself rather than on one of its children. */
  own: number;
  /** Each child place with the demands of its subtree (venues only when they hold any). */
  children: { place: PlaceDoc; count: number }[];
}

/**
 * Counts of the ledger at `scope`, rolled up the place tree: the total and one line per child
 * place, so a worker sees where in a community the demands sit and can step down into it.
 */
export function ledgerCounts(
  tree: PlaceTree,
  rows: Iterable<{ scope: string }>,
  scope: string,
): LedgerCounts {
  const totals = rollUp(tree, countByScope(rows));
  const total = totals.get(scope) ?? 0;
  const children = childrenOf(tree, scope)
    .map((place) => ({ place, count: totals.get(place.scope) ?? 0 }))
    .filter(({ place, count }) => place.kind !== 'venue' || count > 0);
  const inChildren = children.reduce((sum, child) => sum + child.count, 0);
  return { total, own: total - inChildren, children };
}
