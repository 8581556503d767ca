import { useEffect, useState } from 'react';
import { useDatabase } from '../../app/DatabaseContext';

/** The place's name and path for display, e.g. 惠新南里社区 (xg.hxnl); the bare path when unknown. */
export function usePlaceName(scope: string): string {
  const db = useDatabase();
  const [name, setName] = useState(scope);
  useEffect(() => {
    const subscription = db.places.findOne({ selector: { scope } }).$.subscribe((place) => {
      setName(place ? `${place.name}（${scope}）` : scope);
    });
    return () => subscription.unsubscribe();
  }, [db, scope]);
  return name;
}
