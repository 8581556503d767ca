import type { DemandCategory } from '#shared/domain/vocab';
import { addHours } from '#shared/domain/calendar/days';
import { CATEGORY_LABELS, commonAncestor, isDuplicate, type DemandFacts, type PlaceFacts } from './facts';
import { monthOfInstant } from './instants';
import { placeIndex } from './nearness';

// 未诉先办: classes of demands that come back across courtyards or across months are worth acting
// on before the next complaint. A class here is a category within the window before `now`.

export interface RecurringOptions {
  readonly now: string;
  readonly windowDays?: number;
  readonly minCount?: number;
  readonly minCourtyards?: number;
  readonly minMonths?: number;
  readonly places?: readonly PlaceFacts[];
}

export interface RecurringClass {
  readonly category: DemandCategory;
  readonly count: number;
  readonly demandIds: string[];
  readonly scope: string;
  /** Courtyards (or the demand's own place when it lies above courtyard level), most first. */
  readonly places: { readonly scope: string; readonly count: number }[];
  /** Beijing months `YYYY-MM`, in order. */
  readonly months: { readonly month: string; readonly count: number }[];
  readonly reasons: string[];
}

type RecurringDemand = Pick<
  DemandFacts,
  'id' | 'scope' | 'category' | 'receivedAt' | 'reasonable' | 'status'
> &
  Partial<Pick<DemandFacts, 'duplicateOf'>>;

const tally = (keys: readonly string[]) => {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
};

export function recurringClasses(
  demands: readonly RecurringDemand[],
  options: RecurringOptions,
): RecurringClass[] {
  const { now, windowDays = 365, minCount = 3, minCourtyards = 2, minMonths = 2 } = options;
  const since = addHours(now, -24 * windowDays);
  const index = placeIndex(options.places);
  const byCategory = new Map<DemandCategory, RecurringDemand[]>();
  for (const d of demands) {
    if (d.receivedAt < since || d.receivedAt > now || !d.reasonable || isDuplicate(d as DemandFacts))
      continue;
    const items = byCategory.get(d.category);
    if (items) items.push(d);
    else byCategory.set(d.category, [d]);
  }
  const classes: RecurringClass[] = [];
  for (const [category, items] of byCategory) {
    const places = tally(items.map((d) => index.courtyardOf(d.scope) ?? d.scope));
    const months = tally(items.map((d) => monthOfInstant(d.receivedAt)));
    const acrossPlaces = places.size >= minCourtyards;
    const acrossMonths = months.size >= minMonths;
    if (items.length < minCount || !(acrossPlaces || acrossMonths)) continue;
    const sorted = [...items].sort(
      (a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.id.localeCompare(b.id),
    );
    const reasons = [`同属${CATEGORY_LABELS[category]}`, `${items.length} 件诉求`];
    if (acrossPlaces) reasons.push(`涉及 ${places.size} 个院落`);
    if (acrossMonths) reasons.push(`跨 ${months.size} 个月反复出现`);
    classes.push({
      category,
      count: items.length,
      demandIds: sorted.map((d) => d.id),
      scope: commonAncestor(items.map((d) => d.scope)),
      places: [...places]
        .map(([scope, count]) => ({ scope, count }))
        .sort((a, b) => b.count - a.count || a.scope.localeCompare(b.scope)),
      months: [...months]
        .map(([month, count]) => ({ month, count }))
        .sort((a, b) => a.month.localeCompare(b.month)),
      reasons,
    });
  }
  return classes.sort((a, b) => b.count - a.count || a.category.localeCompare(b.category));
}
