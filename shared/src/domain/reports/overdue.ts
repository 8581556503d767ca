import type { TaskPartyKind } from '#shared/domain/vocab';
import { overdueTasks, type FollowUpFacts, type TaskFacts } from '#shared/domain/aggregations/index';
import { countOf, type Figure } from './figures';

// 督办: overdue tasks by responsible party. The overdue list is the shared `overdueTasks`; a task
// counts for each of its parties still owing work (待接单/已接单), so a task shared by 物业 and
// 产权单位 shows under both, while the total counts each task once.

export interface PartyOverdue {
  /** The organisation id, or the party's name when it has none (a self-help team). */
  readonly key: string;
  readonly name: string;
  readonly kind: TaskPartyKind | null;
  readonly overdue: Figure;
}

export interface OverdueByParty {
  readonly total: Figure;
  readonly dueSoon: Figure;
  readonly stalled: Figure;
  /** Most overdue tasks first; tasks whose parties all answered fall under a null kind. */
  readonly parties: readonly PartyOverdue[];
}

type Task = TaskFacts & {
  readonly parties: readonly {
    readonly name: string;
    readonly organizationId?: string;
    readonly kind: TaskPartyKind;
    readonly state: string;
  }[];
};

const OWING = new Set(['pending', 'accepted']);
export const NO_OPEN_PARTY = '—';

export function overdueByParty(
  tasks: readonly Task[],
  followUps: readonly FollowUpFacts[],
  options: { readonly scope: string; readonly now: string },
): OverdueByParty {
  const lists = overdueTasks(tasks, followUps, options);
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const parties = new Map<string, { name: string; kind: TaskPartyKind | null; ids: string[] }>();
  const note = (key: string, name: string, kind: TaskPartyKind | null, id: string) => {
    const found = parties.get(key);
    if (found) found.ids.push(id);
    else parties.set(key, { name, kind, ids: [id] });
  };
  for (const item of lists.overdue) {
    const owing = (byId.get(item.id)?.parties ?? []).filter((p) => OWING.has(p.state));
    if (owing.length === 0) note(NO_OPEN_PARTY, NO_OPEN_PARTY, null, item.id);
    const seen = new Set<string>();
    for (const party of owing) {
      const key = party.organizationId ?? party.name;
      if (seen.has(key)) continue;
      seen.add(key);
      note(key, party.name, party.kind, item.id);
    }
  }
  return {
    total: countOf(
      'tasks',
      lists.overdue.map((i) => i.id),
    ),
    dueSoon: countOf(
      'tasks',
      lists.dueSoon.map((i) => i.id),
    ),
    stalled: countOf(
      'tasks',
      lists.stalled.map((i) => i.id),
    ),
    parties: [...parties]
      .map(([key, p]) => ({ key, name: p.name, kind: p.kind, overdue: countOf('tasks', p.ids) }))
      .sort((a, b) => b.overdue.value - a.overdue.value || a.name.localeCompare(b.name, 'zh-CN')),
  };
}
