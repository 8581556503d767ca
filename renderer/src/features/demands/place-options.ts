// Places offered by the intake picker: every place a demand can belong to, labelled with its path
// so "1号楼" of one courtyard is never mistaken for "1号楼" of another.
import { liesUnder, subtree, type PlaceTree } from '#shared/domain/places/index';
import { matchesQuery } from '#shared/domain/text/pinyin';
import type { PlaceDoc } from '#shared/schema/index';

export interface PlaceOption {
  id: string;
  scope: string;
  kind: PlaceDoc['kind'];
  /** Names from the community down, e.g. 高原街社区 / 高原街2号院 / 1号楼 / 1单元. */
  label: string;
  /** The same path without separators, and its pinyin initials, for matching. */
  text: string;
  initials: string;
  depth: number;
}

const SEPARATOR = ' / ';

/** The places under `home` (venues excepted: a demand belongs to where residents live). */
export function placeOptions(tree: PlaceTree, home: string): PlaceOption[] {
  const out: PlaceOption[] = [];
  const paths = new Map<string, { names: string[]; initials: string }>();
  for (const place of subtree(tree, home)) {
    const parent = place.parentId === null ? undefined : tree.byId.get(place.parentId);
    const above = parent ? paths.get(parent.scope) : undefined;
    // The street is left out of labels: everyone on a device works in the same street.
    const names = place.kind === 'street' ? [] : [...(above?.names ?? []), place.name];
    const initials = (above?.initials ?? '') + (place.kind === 'street' ? '' : place.initials);
    paths.set(place.scope, { names, initials });
    if (place.kind === 'venue' || !liesUnder(place.scope, home)) continue;
    out.push({
      id: place.id,
      scope: place.scope,
      kind: place.kind,
      label: names.length > 0 ? names.join(SEPARATOR) : place.name,
      text: names.join('') || place.name,
      initials,
      depth: place.scope.split('.').length,
    });
  }
  return out;
}

/**
 * Options matching every space-separated term by name or pinyin initials ("2号院 1号楼",
 * "gyj2 1hl"), shallower places first (a courtyard before its buildings), tree order otherwise.
 */
export function filterPlaceOptions(
  options: readonly PlaceOption[],
  query: string,
  limit = 50,
): PlaceOption[] {
  const terms = query.trim().split(/\s+/).filter(Boolean);
  const matched =
    terms.length === 0
      ? options.filter((o) => o.depth <= 3)
      : options.filter((o) => terms.every((term) => matchesQuery(o.text, o.initials, term)));
  return matched
    .map((option, index) => ({ option, index }))
    .sort((a, b) => a.option.depth - b.option.depth || a.index - b.index)
    .slice(0, limit)
    .map(({ option }) => option);
}
