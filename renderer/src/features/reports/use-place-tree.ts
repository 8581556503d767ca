import { useMemo } from 'react';
import { buildPlaceTree, type PlaceTree } from '#shared/domain/places/index';
import type { PlaceDoc } from '#shared/schema/index';
import { useDatabase } from '../../app/DatabaseContext';
import { useObservable } from '../../app/use-observable';

/** The device's place tree, kept live, for the place picker and place names. */
export function usePlaceTree(): PlaceTree | null {
  const db = useDatabase();
  const docs = useObservable(
    useMemo(() => db.places.find().$, [db]),
    null,
  );
  return useMemo(() => (docs ? buildPlaceTree(docs.map((d) => d.toJSON() as PlaceDoc)) : null), [docs]);
}
