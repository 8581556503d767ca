import { useEffect, useMemo, useState } from 'react';
import { similarDemands, OPEN_DEMAND_STATES, type SimilarDemand } from '#shared/domain/aggregations/index';
import { scopeRange } from '#shared/domain/places/index';
import { scopeAtLevel, type PlaceTree } from '#shared/domain/places/index';
import type { DemandCategory } from '#shared/domain/vocab';
import type { DemandDoc } from '#shared/schema/index';
import { useDatabase } from '../../db/DatabaseContext';
import { useObservable } from '../../kit/use-observable';

export interface SimilarHit extends SimilarDemand {
  demand: DemandDoc;
}

const EMPTY: SimilarHit[] = [];

/**
 * Open demands of the same courtyard (or of the place itself above courtyard level) most like
 * what is being typed, so a repeat can be linked instead of entered twice. Scored a moment after
 * typing stops.
 */
export function useSimilarDemands(
  tree: PlaceTree | null,
  scope: string | null,
  text: { title: string; description: string; category?: DemandCategory },
): SimilarHit[] {
  const db = useDatabase();
  const area = scope ? (scopeAtLevel(scope, 'courtyard') ?? scope) : null;
  const source = useMemo(
    () =>
      db.demands.find({
        selector: area
          ? { status: { $in: [...OPEN_DEMAND_STATES] }, scope: scopeRange(area) }
          : { id: { $eq: '' } },
      }).$,
    [db, area],
  );
  const open = useObservable(source, null);
  const [hits, setHits] = useState<SimilarHit[]>(EMPTY);
  const { title, description, category } = text;

  const ready = Boolean(open && scope && description.trim().length >= 2);

  useEffect(() => {
    if (!open || !scope || description.trim().length < 2) return;
    const timer = window.setTimeout(() => {
      const docs = open.map((d) => d.toJSON() as DemandDoc);
      const byId = new Map(docs.map((d) => [d.id, d]));
      const places = tree ? [...tree.byScope.values()] : [];
      const found = similarDemands({ title, description, category, scope }, docs, 5, { places });
      setHits(
        found.flatMap((hit) => {
          const demand = byId.get(hit.demandId);
          return demand ? [{ ...hit, demand }] : [];
        }),
      );
    }, 250);
    return () => window.clearTimeout(timer);
  }, [open, scope, title, description, category, tree]);

  return ready ? hits : EMPTY;
}
