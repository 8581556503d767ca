import { useMemo } from 'react';
import { liesUnder } from '#shared/domain/places/index';
import type { CaseDoc, TopicDoc } from '#shared/schema/index';
import { useDatabase } from '../../db/DatabaseContext';
import { useObservable } from '../../kit/use-observable';

const EMPTY: never[] = [];

export function useCasesUnder(scope: string): CaseDoc[] {
  const db = useDatabase();
  const docs = useObservable(
    useMemo(() => db.cases.find().$, [db]),
    EMPTY,
  );
  return useMemo(
    () =>
      docs
        .map((d) => d.toJSON() as CaseDoc)
        .filter((c) => liesUnder(c.scope, scope))
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)),
    [docs, scope],
  );
}

export function useCase(id: string | undefined): CaseDoc | null | undefined {
  const db = useDatabase();
  const doc = useObservable(
    useMemo(() => db.cases.findOne(id ?? '').$, [db, id]),
    undefined,
  );
  return doc === undefined ? undefined : doc ? (doc.toJSON() as CaseDoc) : null;
}

/** Topics worth writing up first, newest first within each rank. */
export function useTopicsForArchive(scope: string): TopicDoc[] {
  const db = useDatabase();
  const docs = useObservable(
    useMemo(() => db.topics.find().$, [db]),
    EMPTY,
  );
  return useMemo(() => {
    // Topics deliberated in a meeting have the fullest story (meeting, vote, tasks, call-backs):
    // settled ones first, then those still being handled, then quick answers, then the rest.
    const deliberated = (t: TopicDoc) => t.track === 'inDepth' && t.meetingIds.length > 0;
    const rank = (t: TopicDoc) =>
      deliberated(t) && t.status === 'closed'
        ? 0
        : deliberated(t) && (t.status === 'handling' || t.status === 'deliberated')
          ? 1
          : t.status === 'closed' || t.status === 'answered'
            ? 2
            : 3;
    return docs
      .map((d) => d.toJSON() as TopicDoc)
      .filter((t) => liesUnder(t.scope, scope) && t.status !== 'dropped')
      .sort((a, b) => rank(a) - rank(b) || b.updatedAt.localeCompare(a.updatedAt));
  }, [docs, scope]);
}
