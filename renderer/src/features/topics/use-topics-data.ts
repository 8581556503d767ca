import { useMemo } from 'react';
import { liesUnder } from '#shared/domain/places/index';
import { byTopicOrder } from '#shared/domain/topics/priority';
import type { DemandDoc, PlaceDoc, TopicDoc } from '#shared/schema/index';
import { useDatabase } from '../../db/DatabaseContext';
import { useObservable } from '../../kit/use-observable';

const OPEN = ['received', 'accepted'];

export function usePlaces(): PlaceDoc[] {
  const db = useDatabase();
  const docs = useObservable(
    useMemo(() => db.places.find().$, [db]),
    [],
  );
  return useMemo(() => docs.map((d) => d.toJSON() as PlaceDoc), [docs]);
}

/** Demands under `scope` not yet in a topic (已登记 / 已受理), oldest first. */
export function useOpenDemands(scope: string): DemandDoc[] {
  const db = useDatabase();
  const docs = useObservable(
    useMemo(() => db.demands.find({ selector: { status: { $in: OPEN } } }).$, [db]),
    [],
  );
  return useMemo(
    () =>
      docs
        .map((d) => d.toJSON() as DemandDoc)
        .filter((d) => !d.topicId && !d.duplicateOf && liesUnder(d.scope, scope))
        .sort((a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.id.localeCompare(b.id)),
    [docs, scope],
  );
}

/** The topics kept at exactly this place, in their order (楼院议题顺序 / 社区议题清单). */
export function useTopicsAt(scope: string): TopicDoc[] {
  const db = useDatabase();
  const docs = useObservable(
    useMemo(() => db.topics.find({ selector: { scope } }).$, [db, scope]),
    [],
  );
  return useMemo(() => docs.map((d) => d.toJSON() as TopicDoc).sort(byTopicOrder), [docs]);
}
