import { useEffect, useState } from 'react';
import { auditTime, combineLatest, map, type Observable } from 'rxjs';
import { scopeRange } from '#shared/domain/places/index';
import type { ReportData } from '#shared/domain/reports/index';
import type { YishiDatabase } from '../../db/create-database';
import { useDatabase } from '../../db/DatabaseContext';

type ScopedCollection = 'demands' | 'followUps' | 'tasks' | 'meetings' | 'meetingRecords' | 'projects';
const SCOPED: readonly ScopedCollection[] = [
  'demands',
  'followUps',
  'tasks',
  'meetings',
  'meetingRecords',
  'projects',
];

/** The documents of a place and everything under it, by one range on the `scope` index. */
function scoped$(db: YishiDatabase, name: ScopedCollection, scope: string) {
  const collection = db[name] as unknown as {
    find(query: object): { $: Observable<{ toJSON(): unknown }[]> };
  };
  return collection
    .find({ selector: { scope: scopeRange(scope) } })
    .$.pipe(map((docs) => docs.map((d) => d.toJSON())));
}

/** Live report data of `scope`; bursts of writes (a sync, an import) recompute once. */
export function useReportData(scope: string): ReportData | null {
  const db = useDatabase();
  const [loaded, setLoaded] = useState<{ scope: string; data: ReportData } | null>(null);
  useEffect(() => {
    const places$ = db.places.find().$.pipe(map((docs) => docs.map((d) => d.toJSON())));
    const subscription = combineLatest([places$, ...SCOPED.map((name) => scoped$(db, name, scope))])
      .pipe(auditTime(250))
      .subscribe(([places, ...rest]) => {
        const entries = SCOPED.map((name, i) => [name, rest[i]] as const);
        setLoaded({ scope, data: { places, ...Object.fromEntries(entries) } as unknown as ReportData });
      });
    return () => subscription.unsubscribe();
  }, [db, scope]);
  // Another place's data is never shown while this one's loads.
  return loaded?.scope === scope ? loaded.data : null;
}
