import { type PlaceFacts } from './facts';
import { liesUnder } from '#shared/domain/places/index';

// Nearness in the place tree: two demands of the same courtyard are closer than two of the same
// community. Without places, the scope depth convention of the data model is used (street `xg`,
// community `xg.gyj`, courtyard `xg.gyj.hxnl5`); with places, the ancestors' kinds decide.

export interface PlaceIndex {
  courtyardOf(scope: string): string | undefined;
  communityOf(scope: string): string | undefined;
  label(scope: string): string;
}

/** `find` remembered per scope: a street's demands share a few thousand places. */
function memo(find: (scope: string) => string | undefined): (scope: string) => string | undefined {
  // null marks a scope known to have no such ancestor.
  const known = new Map<string, string | null>();
  return (scope) => {
    const cached = known.get(scope);
    if (cached !== undefined) return cached ?? undefined;
    const found = find(scope);
    known.set(scope, found ?? null);
    return found;
  };
}

export function placeIndex(places?: readonly PlaceFacts[]): PlaceIndex {
  if (!places || places.length === 0) {
    const prefix = (scope: string, depth: number) => {
      const segments = scope.split('.');
      return segments.length >= depth ? segments.slice(0, depth).join('.') : undefined;
    };
    return {
      courtyardOf: memo((s) => prefix(s, 3)),
      communityOf: memo((s) => prefix(s, 2)),
      label: (s) => s,
    };
  }
  const byScope = new Map(places.map((p) => [p.scope, p]));
  const ancestorOfKind = (scope: string, kind: PlaceFacts['kind']) => {
    const segments = scope.split('.');
    for (let length = segments.length; length > 0; length -= 1) {
      const candidate = segments.slice(0, length).join('.');
      if (byScope.get(candidate)?.kind === kind && liesUnder(scope, candidate)) return candidate;
    }
    return undefined;
  };
  return {
    courtyardOf: memo((s) => ancestorOfKind(s, 'courtyard')),
    communityOf: memo((s) => ancestorOfKind(s, 'community')),
    // People read names, never scope codes such as xg.xgbl.xgbl45.
    label: (s) => byScope.get(s)?.name ?? '未登记的地点',
  };
}

/** 1 for the same courtyard, 0.5 for the same community, 0 otherwise. */
export function placeNearness(index: PlaceIndex, a: string, b: string): number {
  const courtyard = index.courtyardOf(a);
  if (courtyard !== undefined && courtyard === index.courtyardOf(b)) return 1;
  const community = index.communityOf(a);
  return community !== undefined && community === index.communityOf(b) ? 0.5 : 0;
}
