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

export class LedgerSearch<Row extends SearchableRow> {
  private readonly prepared = new WeakMap<Row, SearchText>();
  private readonly places = new Map<string, SearchText>();
  private readonly lowered = new WeakMap<Row, string>();

  /** `placeText(scope)`: the names of the place's path as people say them (below the street). */
  constructor(private readonly placeText: (scope: string) => string) {}

  private textOf(row: Row): SearchText {
    let text = this.prepared.get(row);
    if (!text) {
      text = searchText(row.title, row.reporterName);
      this.prepared.set(row, text);
    }
    return text;
  }

  private placeOf(scope: string): SearchText {
    let text = this.places.get(scope);
    if (!text) {
      text = searchText(this.placeText(scope));
      this.places.set(scope, text);
    }
    return text;
  }

  /** Content and order number as typed; lowercased (once per row) only for words with letters. */
  private inPlain(row: Row, term: TextTerm): boolean {
    if (term.letters === 0) {
      return row.description.includes(term.text) || (row.hotlineOrderNo?.includes(term.text) ?? false);
    }
    return this.loweredOf(row).includes(term.text);
  }

  private loweredOf(row: Row): string {
    let text = this.lowered.get(row);
    if (text === undefined) {
      text = `${row.description}\n${row.hotlineOrderNo ?? ''}`.normalize('NFKC').toLowerCase();
      this.lowered.set(row, text);
    }
    return text;
  }

  /** Prepares rows ahead of the first search (called while the page is idle). */
  prepare(rows: readonly Row[]): void {
    for (const row of rows) this.textOf(row);
  }

  /** The rows that match every word of `typed`, in their order; all of them when nothing is typed. */
  filter(rows: readonly Row[], typed: string): readonly Row[] {
    const { terms } = textQuery(typed);
    if (terms.length === 0) return rows;
    const placeHits = terms.map(() => new Map<string, boolean>());
    const inPlace = (term: TextTerm, index: number, scope: string) => {
      const hits = placeHits[index] as Map<string, boolean>;
      let hit = hits.get(scope);
      if (hit === undefined) {
        hit = matchesTerm(this.placeOf(scope), term);
        hits.set(scope, hit);
      }
      return hit;
    };
    return rows.filter((row) =>
      terms.every(
        (term, index) =>
          matchesTerm(this.textOf(row), term) || inPlace(term, index, row.scope) || this.inPlain(row, term),
      ),
    );
  }
}
