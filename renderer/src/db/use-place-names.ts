import { useMemo } from 'react';
import { map } from 'rxjs';
import type { PlaceDoc } from '#shared/schema/index';
import { ancestors } from '#shared/domain/places/index';
import { useDatabase } from './DatabaseContext';
import { useObservable } from '../kit/use-observable';

export interface PlaceNames {
  /** The place's own name, or the scope when unknown. */
  name(scope: string): string;
  /** Community / courtyard … below the street, for lists that mix places. */
  path(scope: string): string;
  /** Places directly below `scope`, by their order. */
  children(scope: string): { scope: string; name: string }[];
  /** Every place but venues (for rolling a demand's place up to its courtyard). */
  places: readonly PlaceDoc[];
}

export function usePlaceNames(): PlaceNames | null {
  const db = useDatabase();
  const places = useObservable(
    useMemo(
      () =>
        db.places
          .find({ selector: { kind: { $ne: 'venue' } } })
          .$.pipe(map((docs) => docs.map((d) => d.toJSON() as PlaceDoc))),
      [db],
    ),
    null,
  );
  return useMemo(() => {
    if (!places) return null;
    const byScope = new Map(places.map((p) => [p.scope, p]));
    const kids = new Map<string, PlaceDoc[]>();
    for (const p of places) {
      const parent = ancestors(p.scope).at(-1);
      if (parent !== undefined) kids.set(parent, [...(kids.get(parent) ?? []), p]);
    }
    // A place this device has not received yet: never its scope code.
    const name = (scope: string) => byScope.get(scope)?.name ?? '未登记的地点';
    return {
      places,
      name,
      path: (scope) =>
        [...ancestors(scope).slice(1), scope]
          .map((s) => byScope.get(s)?.name)
          .filter((n): n is string => n !== undefined)
          .join(' / ') || name(scope),
      children: (scope) =>
        (kids.get(scope) ?? [])
          .sort((a, b) => a.order - b.order || a.scope.localeCompare(b.scope))
          .map((p) => ({ scope: p.scope, name: p.name })),
    };
  }, [places]);
}
