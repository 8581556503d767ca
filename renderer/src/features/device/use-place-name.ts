import { useEffect, useState } from 'react';
import { ancestors } from '#shared/domain/places/index';
import type { PlaceDoc } from '#shared/schema/index';
import { useDatabase } from '../../db/DatabaseContext';

/**
 * The place's path of names for display, e.g. 小关街道 / 惠新南里社区 — never its scope code;
 * empty until the place is in this device's database.
 */
export function usePlaceName(scope: string): string {
  const db = useDatabase();
  const [name, setName] = useState('');
  useEffect(() => {
    const chain = [...ancestors(scope), scope];
    const subscription = db.places.find({ selector: { scope: { $in: chain } } }).$.subscribe((docs) => {
      const byScope = new Map(docs.map((d) => [d.scope, (d.toJSON() as PlaceDoc).name]));
      setName(
        chain
          .map((s) => byScope.get(s))
          .filter((n): n is string => n !== undefined)
          .join(' / '),
      );
    });
    return () => subscription.unsubscribe();
  }, [db, scope]);
  return name;
}
