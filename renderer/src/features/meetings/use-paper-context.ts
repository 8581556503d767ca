import { useMemo } from 'react';
import { map } from 'rxjs';
import { scopeAtLevel } from '#shared/domain/places/index';
import type { PlaceDoc } from '#shared/schema/index';
import type { MeetingDoc } from '#shared/schema/index';
import { useDatabase } from '../../db/DatabaseContext';
import { useObservable } from '../../kit/use-observable';

/** The venue's name and who issues the papers (社区居民委员会 or 街道办事处) for notices and minutes. */
export function usePaperContext(meeting: MeetingDoc): { venueName?: string; issuer: string } {
  const db = useDatabase();
  const community = scopeAtLevel(meeting.scope, 'community');
  const issuerScope = community ?? meeting.scope.split('.')[0] ?? meeting.scope;
  const source = useMemo(
    () =>
      db.places
        .find({ selector: { $or: [{ id: meeting.venueId ?? '-' }, { scope: issuerScope }] } })
        .$.pipe(map((docs) => docs.map((d) => d.toJSON() as PlaceDoc))),
    [db, meeting.venueId, issuerScope],
  );
  const places = useObservable(source, [] as PlaceDoc[]);
  const venue = places.find((p) => p.id === meeting.venueId);
  const issuerPlace = places.find((p) => p.scope === issuerScope);
  const issuer = issuerPlace
    ? issuerPlace.kind === 'community'
      ? `${issuerPlace.name}居民委员会`
      : `${issuerPlace.name}办事处`
    : '社区居民委员会';
  return { ...(venue ? { venueName: venue.name } : {}), issuer };
}
