import { useMemo } from 'react';
import { map } from 'rxjs';
import { liesUnder, onOneLine, parentScope } from '#shared/domain/places/index';
import type { OrganizationDoc, PersonDoc, PlaceDoc, TopicDoc } from '#shared/schema/index';
import { useDatabase } from '../../app/DatabaseContext';
import { useObservable } from '../../app/use-observable';

// Reference data the preparation screen picks from: venues, people, organisations and topics of
// the meeting's place.

export function useVenues(scope: string): PlaceDoc[] {
  const db = useDatabase();
  const source = useMemo(
    () =>
      db.places.find({ selector: { kind: 'venue' } }).$.pipe(
        map((docs) =>
          docs
            .map((d) => d.toJSON() as PlaceDoc)
            // A venue serves its own place and everything under it (the community hall serves its courtyards).
            .filter((p) => liesUnder(p.scope, scope) || liesUnder(scope, parentScope(p.scope) ?? p.scope)),
        ),
      ),
    [db, scope],
  );
  return useObservable(source, [] as PlaceDoc[]);
}

export function usePeople(scope: string): PersonDoc[] {
  const db = useDatabase();
  const source = useMemo(
    () =>
      db.people
        .find({ selector: { scope: { $regex: `^${scope.replace(/\./g, '\\.')}(\\.|$)` } } })
        .$.pipe(map((docs) => docs.map((d) => d.toJSON() as PersonDoc).filter((p) => p.active))),
    [db, scope],
  );
  return useObservable(source, [] as PersonDoc[]);
}

export function useOrganizations(scope: string): OrganizationDoc[] {
  const db = useDatabase();
  const source = useMemo(
    () =>
      db.organizations
        .find()
        .$.pipe(
          map((docs) =>
            docs
              .map((d) => d.toJSON() as OrganizationDoc)
              .filter((o) => o.serves.some((s) => onOneLine(scope, s))),
          ),
        ),
    [db, scope],
  );
  return useObservable(source, [] as OrganizationDoc[]);
}

export function useTopics(scope: string): TopicDoc[] {
  const db = useDatabase();
  const source = useMemo(
    () =>
      db.topics
        .find()
        .$.pipe(
          map((docs) => docs.map((d) => d.toJSON() as TopicDoc).filter((t) => liesUnder(t.scope, scope))),
        ),
    [db, scope],
  );
  return useObservable(source, [] as TopicDoc[]);
}
