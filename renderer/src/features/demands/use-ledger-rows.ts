import { useEffect, useMemo, useState } from 'react';
import { map } from 'rxjs';
import { byReceivedDesc, scopeRange, toLedgerRow, type LedgerRow } from '#shared/domain/ledger/index';
import type { DemandDoc } from '#shared/schema/index';
import { useDatabase } from '../../app/DatabaseContext';
import { useObservable } from '../../app/use-observable';

// A document revision's data object never changes, so its compact row is made once.
const rowOf = new WeakMap<object, LedgerRow>();

/**
 * The ledger rows of a place subtree, newest first, kept live. One indexed range query on
 * `scope`; the other filters run in memory on these compact rows, so changing a filter costs
 * milliseconds instead of a query, and only the visible rows are ever rendered.
 */
export function useLedgerRows(scope: string): LedgerRow[] | null {
  const db = useDatabase();
  const source = useMemo(
    () =>
      db.demands.find({ selector: { scope: scopeRange(scope) } }).$.pipe(
        map((docs) => {
          const rows = docs.map((doc) => {
            const data = doc._data;
            let row = rowOf.get(data);
            if (!row) {
              row = toLedgerRow(data as unknown as DemandDoc);
              rowOf.set(data, row);
            }
            return row;
          });
          return rows.sort(byReceivedDesc);
        }),
      ),
    [db, scope],
  );
  return useObservable(source, null);
}

/** The current time to the minute, for overdue marks that change while the ledger is open. */
export function useNow(): string {
  const [now, setNow] = useState(() => new Date().toISOString());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date().toISOString()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}
