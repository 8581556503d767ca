import { useMemo } from 'react';
import { liesUnder, onOneLine } from '#shared/domain/places/index';
import type {
  DemandDoc,
  FollowUpDoc,
  MeetingDoc,
  MeetingRecordDoc,
  PlaceDoc,
  ProjectDoc,
  TopicDoc,
} from '#shared/schema/index';
import { useDatabase } from '../../db/DatabaseContext';
import { useObservable } from '../../kit/use-observable';

// Live reads of the few collections the project screens need, narrowed to one place subtree.

const EMPTY: never[] = [];

export function usePlaces(): PlaceDoc[] {
  const db = useDatabase();
  const docs = useObservable(
    useMemo(() => db.places.find().$, [db]),
    EMPTY,
  );
  return useMemo(() => docs.map((d) => d.toJSON() as PlaceDoc), [docs]);
}

/** The name of the nearest named place of a scope (a building's courtyard when unnamed). */
export function usePlaceName(): (scope: string) => string {
  const places = usePlaces();
  return useMemo(() => {
    const byScope = new Map(places.map((p) => [p.scope, p.name]));
    return (scope: string) => {
      const parts = scope.split('.');
      for (let n = parts.length; n > 0; n -= 1) {
        const name = byScope.get(parts.slice(0, n).join('.'));
        if (name) return name;
      }
      return '未登记的地点';
    };
  }, [places]);
}

export function useProjectsUnder(scope: string): ProjectDoc[] {
  const db = useDatabase();
  const docs = useObservable(
    useMemo(() => db.projects.find().$, [db]),
    EMPTY,
  );
  return useMemo(
    () =>
      docs
        .map((d) => d.toJSON() as ProjectDoc)
        .filter((p) => liesUnder(p.scope, scope))
        .sort((a, b) => b.year - a.year || b.createdAt.localeCompare(a.createdAt)),
    [docs, scope],
  );
}

export function useProject(id: string | undefined): ProjectDoc | null | undefined {
  const db = useDatabase();
  const doc = useObservable(
    useMemo(() => db.projects.findOne(id ?? '').$, [db, id]),
    undefined,
  );
  return doc === undefined ? undefined : doc ? (doc.toJSON() as ProjectDoc) : null;
}

export function useTopicsUnder(scope: string): TopicDoc[] {
  const db = useDatabase();
  const docs = useObservable(
    useMemo(() => db.topics.find().$, [db]),
    EMPTY,
  );
  return useMemo(
    () =>
      docs
        .map((d) => d.toJSON() as TopicDoc)
        .filter((t) => liesUnder(t.scope, scope) && t.status !== 'dropped'),
    [docs, scope],
  );
}

/** Meetings of the subtree and of the places above it (a street hearing concerns a courtyard too). */
export function useMeetingsAround(scope: string): MeetingDoc[] {
  const db = useDatabase();
  const docs = useObservable(
    useMemo(() => db.meetings.find().$, [db]),
    EMPTY,
  );
  return useMemo(
    () =>
      docs
        .map((d) => d.toJSON() as MeetingDoc)
        .filter((m) => m.status !== 'cancelled' && onOneLine(m.scope, scope))
        .sort((a, b) => b.startsAt.localeCompare(a.startsAt)),
    [docs, scope],
  );
}

export function useMeetingRecords(meetingIds: readonly string[]): MeetingRecordDoc[] {
  const db = useDatabase();
  const key = meetingIds.join(',');
  const docs = useObservable(
    useMemo(
      () => db.meetingRecords.find({ selector: { meetingId: { $in: key === '' ? [] : key.split(',') } } }).$,
      [db, key],
    ),
    EMPTY,
  );
  return useMemo(() => docs.map((d) => d.toJSON() as MeetingRecordDoc), [docs]);
}

export function useFollowUpsOf(subjectId: string): FollowUpDoc[] {
  const db = useDatabase();
  const docs = useObservable(
    useMemo(() => db.followUps.find({ selector: { subjectId } }).$, [db, subjectId]),
    EMPTY,
  );
  return useMemo(() => docs.map((d) => d.toJSON() as FollowUpDoc), [docs]);
}

export function useDemandsSince(scope: string, since: string | undefined): DemandDoc[] {
  const db = useDatabase();
  const docs = useObservable(
    useMemo(() => db.demands.find({ selector: { receivedAt: { $gte: since ?? '9999' } } }).$, [db, since]),
    EMPTY,
  );
  return useMemo(
    () => docs.map((d) => d.toJSON() as DemandDoc).filter((d) => liesUnder(d.scope, scope)),
    [docs, scope],
  );
}
