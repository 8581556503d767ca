import { useEffect, useMemo, useState } from 'react';
import { map, type Observable } from 'rxjs';
import { liesUnder, onOneLine, parentScope } from '#shared/domain/places/index';
import type { OrganizationDoc, PersonDoc, PlaceDoc, TopicDoc } from '#shared/schema/index';
import { useDatabase } from '../../db/DatabaseContext';
import { useObservable } from '../../kit/use-observable';

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

/**
 * Like useObservable, but what an earlier source emitted is never returned once the source has
 * changed: a roster picking from a courtyard must not offer the whole community's people while
 * the courtyard's query is still on its way.
 */
function useCurrent<T>(source: Observable<T>, initial: T): T {
  const [held, setHeld] = useState<{ source: Observable<T>; value: T } | null>(null);
  useEffect(() => {
    const subscription = source.subscribe((value) => setHeld({ source, value }));
    return () => subscription.unsubscribe();
  }, [source]);
  return held !== null && held.source === source ? held.value : initial;
}

const NO_PEOPLE: PersonDoc[] = [];

/** Active people living or serving in `scope` or anywhere under it; follows a change of scope. */
export function usePeople(scope: string): PersonDoc[] {
  const db = useDatabase();
  const source = useMemo(
    () =>
      db.people
        .find()
        .$.pipe(
          map((docs) =>
            docs.map((d) => d.toJSON() as PersonDoc).filter((p) => p.active && liesUnder(p.scope, scope)),
          ),
        ),
    [db, scope],
  );
  return useCurrent(source, NO_PEOPLE);
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
