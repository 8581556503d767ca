import type { DemandState, TaskState } from '#shared/domain/vocab';
import { hoursBetween } from '#shared/domain/calendar/days';
import { demandIdOf, type DemandFacts, type FollowUpFacts, type TaskFacts } from './facts';
import { liesUnder } from '#shared/domain/places/index';

// 督办 lists at a given `now`: open work past its due time (overdue), due within the next
// `dueSoonHours` (due soon), and open work without a progress follow-up (进展) for `stalledDays`
// days since the later of its last progress note and its receipt/assignment (stalled).

/** Demands still being handled; answered/resolved ones wait for a call-back, not for work. */
export const OPEN_DEMAND_STATES: readonly DemandState[] = ['received', 'accepted', 'inTopic', 'handling'];
/** Tasks whose parties still work; finished ones wait for acceptance. */
export const OPEN_TASK_STATES: readonly TaskState[] = ['assigned', 'inProgress', 'reopened'];

export interface OverdueOptions {
  readonly now: string;
  readonly scope?: string;
  readonly dueSoonHours?: number;
  readonly stalledDays?: number;
}

export interface DueItem {
  readonly id: string;
  readonly scope: string;
  readonly title: string;
  readonly dueAt: string;
  /** Hours past due (overdue) or hours left (due soon), rounded down. */
  readonly hours: number;
}

export interface StalledItem {
  readonly id: string;
  readonly scope: string;
  readonly title: string;
  readonly lastProgressAt?: string;
  /** Whole days since the last progress note (or since receipt/assignment). */
  readonly idleDays: number;
}

export interface OverdueLists {
  readonly overdue: DueItem[];
  readonly dueSoon: DueItem[];
  readonly stalled: StalledItem[];
}

interface OpenItem {
  readonly id: string;
  readonly scope: string;
  readonly title: string;
  readonly dueAt?: string;
  readonly since: string;
}

function lists(
  items: readonly OpenItem[],
  lastProgress: ReadonlyMap<string, string>,
  options: OverdueOptions,
): OverdueLists {
  const { now, dueSoonHours = 24, stalledDays = 7 } = options;
  const overdue: DueItem[] = [];
  const dueSoon: DueItem[] = [];
  const stalled: StalledItem[] = [];
  for (const item of items) {
    if (options.scope !== undefined && !liesUnder(item.scope, options.scope)) continue;
    const base = { id: item.id, scope: item.scope, title: item.title };
    if (item.dueAt !== undefined) {
      const left = hoursBetween(now, item.dueAt);
      if (left < 0) overdue.push({ ...base, dueAt: item.dueAt, hours: Math.floor(-left) });
      else if (left < dueSoonHours) dueSoon.push({ ...base, dueAt: item.dueAt, hours: Math.floor(left) });
    }
    const progressAt = lastProgress.get(item.id);
    const since = progressAt !== undefined && progressAt > item.since ? progressAt : item.since;
    const idleDays = Math.floor(hoursBetween(since, now) / 24);
    if (idleDays >= stalledDays)
      stalled.push({
        ...base,
        ...(progressAt !== undefined ? { lastProgressAt: progressAt } : {}),
        idleDays,
      });
  }
  overdue.sort((a, b) => b.hours - a.hours || a.id.localeCompare(b.id));
  dueSoon.sort((a, b) => a.hours - b.hours || a.id.localeCompare(b.id));
  stalled.sort((a, b) => b.idleDays - a.idleDays || a.id.localeCompare(b.id));
  return { overdue, dueSoon, stalled };
}

function latestProgress(
  followUps: readonly FollowUpFacts[],
  subjectOf: (f: FollowUpFacts) => string | undefined,
  now: string,
) {
  const latest = new Map<string, string>();
  for (const followUp of followUps) {
    const id = subjectOf(followUp);
    if (followUp.kind !== 'progress' || id === undefined || followUp.at > now) continue;
    if ((latest.get(id) ?? '') < followUp.at) latest.set(id, followUp.at);
  }
  return latest;
}

export function overdueDemands(
  demands: readonly DemandFacts[],
  followUps: readonly FollowUpFacts[],
  options: OverdueOptions,
): OverdueLists {
  const open = demands
    .filter((d) => OPEN_DEMAND_STATES.includes(d.status))
    .map((d) => ({
      id: d.id,
      scope: d.scope,
      title: d.title,
      since: d.receivedAt,
      ...(d.dueAt !== undefined ? { dueAt: d.dueAt } : {}),
    }));
  return lists(open, latestProgress(followUps, demandIdOf, options.now), options);
}

export function overdueTasks(
  tasks: readonly TaskFacts[],
  followUps: readonly FollowUpFacts[],
  options: OverdueOptions,
): OverdueLists {
  const open = tasks
    .filter((t) => OPEN_TASK_STATES.includes(t.status))
    .map((t) => ({ id: t.id, scope: t.scope, title: t.title, dueAt: t.dueAt, since: t.assignedAt }));
  const subjectOf = (f: FollowUpFacts) => (f.subjectCollection === 'tasks' ? f.subjectId : undefined);
  return lists(open, latestProgress(followUps, subjectOf, options.now), options);
}
