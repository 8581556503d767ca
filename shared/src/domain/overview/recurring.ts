// 未诉先办 on the overview: the same problem coming back at the same place ("45号院 · 电动车充电 ·
// 9 件 in 90 days") is worth a topic before the next complaint. Demands of a building, entrance or
// floor count for their courtyard, because a courtyard is where a problem is deliberated (楼院议事);
// a demand placed above courtyard level counts for its own place.
import { placeIndex, type PlaceFacts } from '#shared/domain/aggregations/index';
import { beijingDay, instantOfBeijingDay } from '#shared/domain/calendar/index';
import { liesUnder } from '#shared/domain/places/index';
import type { DemandCategory, DemandState } from '#shared/domain/vocab';

export interface RecurringProblemOptions {
  readonly now: string;
  /** Only demands under this place (the device's home). */
  readonly scope?: string;
  /** Beijing calendar days, today included (default 90). */
  readonly windowDays?: number;
  /** Fewest demands that make a group (default 3). */
  readonly minCount?: number;
  readonly places?: readonly PlaceFacts[];
}

export interface RecurringProblem {
  /** `scope|category`, stable for one place and category. */
  readonly key: string;
  /** The courtyard, or the demand's own place above courtyard level. */
  readonly scope: string;
  readonly category: DemandCategory;
  readonly count: number;
  /** Newest first. */
  readonly demandIds: string[];
  /** Those not yet in a topic that may still join one (已登记 or 已受理), newest first. */
  readonly linkable: string[];
  /** Topics some of the group's demands already belong to. */
  readonly topicIds: string[];
  readonly firstAt: string;
  readonly lastAt: string;
}

export interface RecurringProblems {
  /** Beijing 00:00 of the window's first day. */
  readonly since: string;
  readonly windowDays: number;
  /** Most demands first, then the most recent. */
  readonly groups: RecurringProblem[];
}

type ProblemDemand = {
  readonly id: string;
  readonly scope: string;
  readonly category: DemandCategory;
  readonly receivedAt: string;
  readonly reasonable: boolean;
  readonly status: DemandState;
  readonly duplicateOf?: string;
  readonly topicId?: string;
};

/** May a demand still join a new topic (the demand machine's addToTopic, accepting on the way)? */
const mayJoin = (d: ProblemDemand) => !d.topicId && (d.status === 'received' || d.status === 'accepted');

/** Beijing 00:00 of the first of the `windowDays` Beijing days ending today. */
export function windowStart(now: string, windowDays: number): string {
  if (!Number.isInteger(windowDays) || windowDays < 1) throw new RangeError(`无效天数: ${windowDays}`);
  return instantOfBeijingDay(beijingDay(now).day - windowDays + 1, 0);
}

export function recurringProblems(
  demands: readonly ProblemDemand[],
  options: RecurringProblemOptions,
): RecurringProblems {
  const { now, scope, windowDays = 90, minCount = 3 } = options;
  const since = windowStart(now, windowDays);
  const index = placeIndex(options.places);
  const byKey = new Map<string, ProblemDemand[]>();
  for (const d of demands) {
    if (d.receivedAt < since || d.receivedAt > now || !d.reasonable) continue;
    // A duplicate is the same complaint told twice, not the problem coming back.
    if (d.status === 'duplicate' || d.duplicateOf !== undefined) continue;
    if (scope && !liesUnder(d.scope, scope)) continue;
    const place = index.courtyardOf(d.scope) ?? d.scope;
    const key = `${place}|${d.category}`;
    const items = byKey.get(key);
    if (items) items.push(d);
    else byKey.set(key, [d]);
  }
  const groups: RecurringProblem[] = [];
  for (const [key, items] of byKey) {
    if (items.length < minCount) continue;
    const sorted = [...items].sort(
      (a, b) => b.receivedAt.localeCompare(a.receivedAt) || a.id.localeCompare(b.id),
    );
    const [place = '', category] = key.split('|') as [string, DemandCategory];
    groups.push({
      key,
      scope: place,
      category,
      count: sorted.length,
      demandIds: sorted.map((d) => d.id),
      linkable: sorted.filter(mayJoin).map((d) => d.id),
      topicIds: [...new Set(sorted.flatMap((d) => (d.topicId ? [d.topicId] : [])))].sort(),
      firstAt: (sorted[sorted.length - 1] as ProblemDemand).receivedAt,
      lastAt: (sorted[0] as ProblemDemand).receivedAt,
    });
  }
  groups.sort((a, b) => b.count - a.count || b.lastAt.localeCompare(a.lastAt) || a.key.localeCompare(b.key));
  return { since, windowDays, groups };
}
