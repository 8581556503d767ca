import type { DemandCategory } from '#shared/domain/vocab';
import {
  recurringClasses,
  type DemandFacts,
  type PlaceFacts,
  type RecurringClass,
} from '#shared/domain/aggregations/index';
import { liesUnder } from '#shared/domain/places/index';
import { countOf, type Figure } from './figures';

// 高频诉求: the top classes of demands that keep coming back (the shared `recurringClasses` over
// the demands of the place, in the year before `now`).

export interface TopClass {
  readonly category: DemandCategory;
  readonly demands: Figure;
  readonly places: number;
  readonly months: number;
  readonly reasons: readonly string[];
  readonly source: RecurringClass;
}

export function topRecurring(
  demands: readonly DemandFacts[],
  places: readonly PlaceFacts[],
  options: { readonly scope: string; readonly now: string; readonly limit?: number },
): TopClass[] {
  const under = demands.filter((d) => liesUnder(d.scope, options.scope));
  return recurringClasses(under, { now: options.now, places })
    .slice(0, options.limit ?? 5)
    .map((c) => ({
      category: c.category,
      demands: countOf('demands', c.demandIds),
      places: c.places.length,
      months: c.months.length,
      reasons: c.reasons,
      source: c,
    }));
}
