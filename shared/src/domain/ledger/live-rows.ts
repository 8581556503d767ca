// The rows of one ledger assembled from several sources that overlap and arrive in any order: a
// first page read ahead, the full set read in chunks, and the database's change events. Every
// state carries its write version (RxDB's `_meta.lwt`), so an older read never undoes a newer
// change, whichever arrives last.
import { byReceivedDesc, toLedgerRow, type LedgerRow } from './filter';
import type { DemandDoc } from '#shared/schema/index';

/** One known state of a demand: `demand` null when it was deleted. */
export interface DemandState {
  id: string;
  /** The write version: larger is newer. */
  version: number;
  demand: Pick<DemandDoc, keyof LedgerRow> | null;
}

/** Above this many changes at once the sorted list is rebuilt instead of patched. */
const PATCH_LIMIT = 64;

export class LiveLedgerRows {
  private readonly versions = new Map<string, number>();
  private readonly rows = new Map<string, LedgerRow>();
  private sorted: LedgerRow[] | null = [];
  private readonly prefix: string;

  /** The rows of the subtree of `scope` (the place itself and every place under it). */
  constructor(readonly scope: string) {
    this.prefix = `${scope}.`;
  }

  get size(): number {
    return this.rows.size;
  }

  /** Takes the states newer than those already known; true when the listed rows changed. */
  apply(states: Iterable<DemandState>): boolean {
    const removed: LedgerRow[] = [];
    const added: LedgerRow[] = [];
    for (const state of states) {
      const known = this.versions.get(state.id);
      if (known !== undefined && known >= state.version) continue;
      this.versions.set(state.id, state.version);
      const before = this.rows.get(state.id);
      const inScope =
        state.demand !== null &&
        (state.demand.scope === this.scope || state.demand.scope.startsWith(this.prefix));
      if (before) {
        this.rows.delete(state.id);
        removed.push(before);
      }
      if (inScope) {
        const row = toLedgerRow(state.demand as DemandDoc);
        this.rows.set(state.id, row);
        added.push(row);
      }
    }
    if (removed.length === 0 && added.length === 0) return false;
    this.patch(removed, added);
    return true;
  }

  /** The rows, newest first: a new array after every change, the same one in between. */
  list(): readonly LedgerRow[] {
    this.sorted ??= [...this.rows.values()].sort(byReceivedDesc);
    return this.sorted;
  }

  // A single new or changed demand costs a binary search, not a sort of 50,000 rows.
  private patch(removed: readonly LedgerRow[], added: readonly LedgerRow[]): void {
    if (this.sorted === null || removed.length + added.length > PATCH_LIMIT) {
      this.sorted = null;
      return;
    }
    const next = [...this.sorted];
    for (const row of removed) {
      const at = position(next, row);
      if (next[at] !== row) {
        this.sorted = null;
        return;
      }
      next.splice(at, 1);
    }
    for (const row of added) next.splice(position(next, row), 0, row);
    this.sorted = next;
  }
}

/** The first index whose row does not sort before `row`. */
function position(rows: readonly LedgerRow[], row: LedgerRow): number {
  let low = 0;
  let high = rows.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (byReceivedDesc(rows[mid] as LedgerRow, row) < 0) low = mid + 1;
    else high = mid;
  }
  return low;
}
