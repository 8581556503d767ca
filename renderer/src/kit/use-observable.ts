import { useEffect, useState } from 'react';
import type { Observable } from 'rxjs';

/** Subscribes a component to an observable; pass a memoised observable. */
export function useObservable<T, I = T>(source: Observable<T>, initial: I): T | I {
  const [value, setValue] = useState<T | I>(initial);
  useEffect(() => {
    const subscription = source.subscribe(setValue);
    return () => subscription.unsubscribe();
  }, [source]);
  return value;
}
