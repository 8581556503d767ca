import { DEMAND_CATEGORIES, type DemandCategory } from '#shared/domain/vocab';
import { isDuplicate } from '#shared/domain/aggregations/facts';
import { monthOfInstant } from '#shared/domain/aggregations/instants';
import { type DemandFacts } from '#shared/domain/aggregations/index';
import { liesUnder } from '#shared/domain/places/index';
import { countOf, type Figure } from './figures';
import { inPeriod, monthsOf, type Period } from './period';

// 诉求分类月度: demands received under a place in a period by category and Beijing month. The
// cohort is the three rates' `received` (duplicates left out: the original counts), so the grid
// adds up to the rates' figure.

export interface CategoryRow {
  readonly category: DemandCategory;
  readonly total: Figure;
  /** One figure per month of `months`. */
  readonly byMonth: readonly Figure[];
}

export interface DemandsByCategoryMonth {
  readonly months: readonly string[];
  /** Categories with at least one demand, most first (catalogue order on ties). */
  readonly rows: readonly CategoryRow[];
  readonly monthTotals: readonly Figure[];
  readonly total: Figure;
  /** Demands solved in the period (答复/解决/办结 at a time inside it), whenever received. */
  readonly solved: Figure;
}

type Demand = DemandFacts & { readonly respondedAt?: string; readonly closedAt?: string };

const SOLVED = new Set(['answered', 'resolved', 'closed']);

/** When a demand counts as solved: its resolution, or its answer for a quick-track 答复. */
export const solvedAt = (d: Demand): string | undefined =>
  SOLVED.has(d.status) ? (d.resolvedAt ?? d.respondedAt) : undefined;

export function demandsByCategoryMonth(
  demands: readonly Demand[],
  options: Period & { readonly scope: string },
): DemandsByCategoryMonth {
  const months = monthsOf(options);
  const monthIndex = new Map(months.map((m, i) => [m, i]));
  const cells = new Map<DemandCategory, string[][]>();
  const all: string[] = [];
  const solved: string[] = [];
  for (const d of demands) {
    if (!liesUnder(d.scope, options.scope) || isDuplicate(d)) continue;
    const at = solvedAt(d);
    if (at !== undefined && inPeriod(at, options)) solved.push(d.id);
    if (!inPeriod(d.receivedAt, options)) continue;
    const i = monthIndex.get(monthOfInstant(d.receivedAt));
    if (i === undefined) continue;
    let grid = cells.get(d.category);
    if (!grid) {
      grid = months.map(() => []);
      cells.set(d.category, grid);
    }
    grid[i]?.push(d.id);
    all.push(d.id);
  }
  const rows = DEMAND_CATEGORIES.filter((c) => cells.has(c))
    .map((category) => {
      const grid = cells.get(category) ?? [];
      return {
        category,
        total: countOf('demands', grid.flat()),
        byMonth: grid.map((ids) => countOf('demands', ids)),
      };
    })
    .sort((a, b) => b.total.value - a.total.value);
  const monthTotals = months.map((_, i) =>
    countOf(
      'demands',
      rows.flatMap((r) => r.byMonth[i]?.ids ?? []),
    ),
  );
  return { months, rows, monthTotals, total: countOf('demands', all), solved: countOf('demands', solved) };
}
