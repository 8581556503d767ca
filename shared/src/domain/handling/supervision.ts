import { OPEN_TASK_STATES, overdueTasks, type FollowUpFacts } from '#shared/domain/aggregations/index';
import { liesUnder } from '#shared/domain/places/index';
import type { Level, PartyState, TaskPartyKind } from '#shared/domain/vocab';
import type { TaskDoc } from '#shared/schema/index';
import { supervisingLevel } from './levels';

// The 督办 board of a place at `now`: open tasks overdue, due soon or stalled (the rules of
// `overdueTasks`), finished ones waiting for acceptance, counted per place below and per
// responsible party that still owes work.

/** `returned`: a party declined its share and the task waits for the worker to reassign it. */
export type Bucket = 'returned' | 'overdue' | 'dueSoon' | 'stalled' | 'awaitingAcceptance';

export interface BoardItem {
  readonly task: TaskDoc;
  readonly buckets: Bucket[];
  /** Hours past due (overdue) or left (due soon). */
  readonly hours?: number;
  readonly idleDays?: number;
  readonly supervisedAt: Level;
}

export interface BoardCounts {
  readonly open: number;
  readonly returned: number;
  readonly overdue: number;
  readonly dueSoon: number;
  readonly stalled: number;
  readonly awaitingAcceptance: number;
}

export interface PlaceRow extends BoardCounts {
  readonly scope: string;
}

export interface PartyRow extends BoardCounts {
  readonly key: string;
  readonly name: string;
  readonly kind: TaskPartyKind;
}

export interface SupervisionBoard {
  readonly items: BoardItem[];
  readonly total: BoardCounts;
  readonly byPlace: PlaceRow[];
  readonly byParty: PartyRow[];
}

export interface BoardOptions {
  readonly now: string;
  readonly scope: string;
  readonly dueSoonHours?: number;
  readonly stalledDays?: number;
}

/** Parties that still owe work on an open task (a finished or declined party owes nothing). */
const OWING: readonly PartyState[] = ['pending', 'accepted'];

const zero = (): { -readonly [K in keyof BoardCounts]: number } => ({
  open: 0,
  returned: 0,
  overdue: 0,
  dueSoon: 0,
  stalled: 0,
  awaitingAcceptance: 0,
});

function count(counts: ReturnType<typeof zero>, item: BoardItem) {
  if (OPEN_TASK_STATES.includes(item.task.status) || item.task.status === 'declined') counts.open += 1;
  for (const bucket of item.buckets) counts[bucket] += 1;
}

export function supervisionBoard(
  tasks: readonly TaskDoc[],
  followUps: readonly FollowUpFacts[],
  options: BoardOptions,
): SupervisionBoard {
  const { now, scope } = options;
  const inScope = tasks.filter((t) => liesUnder(t.scope, scope));
  const lists = overdueTasks(inScope, followUps, {
    now,
    scope,
    dueSoonHours: options.dueSoonHours ?? 72,
    stalledDays: options.stalledDays ?? 7,
  });
  const overdue = new Map(lists.overdue.map((d) => [d.id, d.hours]));
  const dueSoon = new Map(lists.dueSoon.map((d) => [d.id, d.hours]));
  const stalled = new Map(lists.stalled.map((d) => [d.id, d.idleDays]));
  const items: BoardItem[] = [];
  for (const task of inScope) {
    const buckets: Bucket[] = [];
    if (task.status === 'declined') buckets.push('returned');
    if (overdue.has(task.id)) buckets.push('overdue');
    if (dueSoon.has(task.id)) buckets.push('dueSoon');
    if (stalled.has(task.id)) buckets.push('stalled');
    if (task.status === 'finished') buckets.push('awaitingAcceptance');
    if (!OPEN_TASK_STATES.includes(task.status) && buckets.length === 0) continue;
    const hours = overdue.get(task.id) ?? dueSoon.get(task.id);
    const idleDays = stalled.get(task.id);
    items.push({
      task,
      buckets,
      ...(hours !== undefined ? { hours } : {}),
      ...(idleDays !== undefined ? { idleDays } : {}),
      supervisedAt: supervisingLevel(task.level, task.escalationLevel),
    });
  }
  // Within a bucket the earliest due date first: the longest overdue, the soonest due.
  items.sort(
    (a, b) =>
      rank(a) - rank(b) || a.task.dueAt.localeCompare(b.task.dueAt) || a.task.id.localeCompare(b.task.id),
  );

  const total = zero();
  const places = new Map<string, ReturnType<typeof zero>>();
  const parties = new Map<string, { name: string; kind: TaskPartyKind; counts: ReturnType<typeof zero> }>();
  const depth = scope.split('.').length;
  for (const item of items) {
    count(total, item);
    const place = item.task.scope
      .split('.')
      .slice(0, depth + 1)
      .join('.');
    const placeCounts = places.get(place) ?? zero();
    places.set(place, placeCounts);
    count(placeCounts, item);
    const owing = item.task.parties.filter((p) =>
      item.task.status === 'finished' ? p.state === 'finished' : OWING.includes(p.state),
    );
    for (const party of owing) {
      const key = party.organizationId ?? `name:${party.name}`;
      const row = parties.get(key) ?? { name: party.name, kind: party.kind, counts: zero() };
      parties.set(key, row);
      count(row.counts, item);
    }
  }
  const byPlace = [...places.entries()]
    .map(([placeScope, counts]) => ({ scope: placeScope, ...counts }))
    .sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.scope.localeCompare(b.scope));
  const byParty = [...parties.entries()]
    .map(([key, row]) => ({ key, name: row.name, kind: row.kind, ...row.counts }))
    .sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.name.localeCompare(b.name, 'zh-CN'));
  return { items, total, byPlace, byParty };
}

/**
 * Returned work first (nobody is on it), then overdue, due soon, stalled, awaiting acceptance, then
 * the rest of the open work.
 */
function rank(item: BoardItem): number {
  const order: Bucket[] = ['returned', 'overdue', 'dueSoon', 'stalled', 'awaitingAcceptance'];
  const first = order.findIndex((b) => item.buckets.includes(b));
  return first < 0 ? order.length : first;
}
