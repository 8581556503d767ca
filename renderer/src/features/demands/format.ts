import { pathTo, type PlaceTree } from '#shared/domain/places/index';

/**
 * Names of the places from below `from` down to `scope` ("2号院 / 1号楼" in a community's
 * ledger); the place's own name when it is `from` itself. Without `from`, from below the street.
 */
export function placePath(tree: PlaceTree, scope: string, from?: string): string {
  const path = pathTo(tree, scope);
  const start = from === undefined ? 1 : path.findIndex((p) => p.scope === from) + 1;
  const names = path.slice(Math.min(Math.max(start, 0), Math.max(path.length - 1, 0))).map((p) => p.name);
  return names.length > 0 ? names.join(' / ') : scope;
}
