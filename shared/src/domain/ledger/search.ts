// The ledger's search box: every word typed must be found in the demand's title, reporter name or
// place (by characters, full pinyin or initials), or in its content or 12345 order number (as
// typed). It runs over the rows in memory like the filters, so each row's title and name are
// prepared once (kept per row object: a changed demand is a new row) and each place is checked
// once per search, not once per row.
import {
  matchesTerm,
  searchText,
  textQuery,
  type SearchText,
  type TextTerm,
} from '#shared/domain/text/match';
import type { LedgerRow } from './filter';

/** The row fields the search reads. */
export type SearchableRow = Pick<
  LedgerRow,
  'scope' | 'title' | 'description' | 'reporterName' | 'hotlineOrderNo'
>;

/** What the search keeps of one row, prepared once. */
interface Prepared {
  /** Title and reporter name, for characters, pinyin and initials. */
  readonly names: SearchText;
  /** Content and order number, lowercase, for text as typed. */
  readonly plain: string;
}

export class LedgerSearch<Row extends SearchableRow> {
  private readonly prepared = new WeakMap<Row, Prepared>();
  private readonly places = new Map<string, SearchText>();
  // The entries of the last list searched, in its order: typing the next word over the same list
  // costs no look-up per row (50,000 WeakMap look-ups cost as much as the matching itself).
  private listed: readonly Row[] | null = null;
  private entries: Prepared[] = [];
  private pending: { rows: readonly Row[]; entries: Prepared[] } | null = null;

  /** `placeText(scope)`: the names of the place's path as people say them (below the street). */
  constructor(private readonly placeText: (scope: string) => string) {}

  private entryOf(row: Row): Prepared {
    let entry = this.prepared.get(row);
    if (!entry) {
      entry = {
        names: searchText(row.title, row.reporterName),
        plain: `${row.description}\n${row.hotlineOrderNo ?? ''}`.normalize('NFKC').toLowerCase(),
      };
      this.prepared.set(row, entry);
    }
    return entry;
  }

  private placeOf(scope: string): SearchText {
    let text = this.places.get(scope);
    if (!text) {
      text = searchText(this.placeText(scope));
      this.places.set(scope, text);
    }
    return text;
  }

  private entriesOf(rows: readonly Row[]): Prepared[] {
    if (rows !== this.listed) {
      this.entries = rows.map((row) => this.entryOf(row));
      this.listed = rows;
    }
    return this.entries;
  }

  /**
   * Prepares `rows[start, end)` ahead of the first search, a chunk at a time while the page is
   * idle; once the last chunk is done, searching `rows` starts at once.
   */
  prepare(rows: readonly Row[], start = 0, end = rows.length): void {
    if (this.pending?.rows !== rows) this.pending = { rows, entries: new Array<Prepared>(rows.length) };
    const { entries } = this.pending;
    for (let i = start; i < Math.min(end, rows.length); i += 1) entries[i] = this.entryOf(rows[i] as Row);
    if (end >= rows.length) {
      this.listed = rows;
      this.entries = entries;
      this.pending = null;
    }
  }

  /** The rows that match every word of `typed`, in their order; all of them when nothing is typed. */
  filter(rows: readonly Row[], typed: string): readonly Row[] {
    const { terms } = textQuery(typed);
    if (terms.length === 0) return rows;
    // Each place is checked once per word, not once per row.
    const placeHits = terms.map(() => new Map<string, boolean>());
    const inPlace = (term: TextTerm, hits: Map<string, boolean>, scope: string) => {
      let hit = hits.get(scope);
      if (hit === undefined) {
        hit = matchesTerm(this.placeOf(scope), term);
        hits.set(scope, hit);
      }
      return hit;
    };
    const entries = this.entriesOf(rows);
    const out: Row[] = [];
    for (let r = 0; r < rows.length; r += 1) {
      const row = rows[r] as Row;
      const entry = entries[r] as Prepared;
      let all = true;
      for (let i = 0; i < terms.length && all; i += 1) {
        const term = terms[i] as TextTerm;
        all =
          inPlace(term, placeHits[i] as Map<string, boolean>, row.scope) ||
          matchesTerm(entry.names, term) ||
          entry.plain.includes(term.text);
      }
      if (all) out.push(row);
    }
    return out;
  }
}
