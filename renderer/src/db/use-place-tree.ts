import { useMemo } from 'react';
import { buildPlaceTree, type PlaceTree } from '#shared/domain/places/index';
import type { PlaceDoc } from '#shared/schema/index';
import { useDatabase } from './DatabaseContext';
import { useObservable } from '../kit/use-observable';

/** The whole place tree of this device (a street has a few thousand places), kept live. */
export function usePlaceTree(): PlaceTree | null {
  const db = useDatabase();
  const docs = useObservable(
    useMemo(() => db.places.find().$, [db]),
    null,
  );
  return useMemo(() => (docs ? buildPlaceTree(docs.map((d) => d.toJSON() as PlaceDoc)) : null), [docs]);
}
