import { liesUnder } from '#shared/domain/places/index';
import { evaluationStateOf } from '#shared/domain/machines/index';
import type { DemandDoc, FollowUpDoc, TaskDoc } from '#shared/schema/index';

// The 回访 list of a place: residents whose reasonable demands were answered or resolved and who
// have not been called back since (an earlier 不满意 that reopened the demand is shown beside it).

export interface CallbackRow {
  readonly demand: DemandDoc;
  readonly taskIds: string[];
  /** The latest call-back about the demand, if any. */
  readonly last?: FollowUpDoc;
}

export function callbackList(
  demands: readonly DemandDoc[],
  followUps: readonly FollowUpDoc[],
  tasks: readonly Pick<TaskDoc, 'id' | 'demandIds'>[],
  scope: string,
): { awaiting: CallbackRow[]; done: CallbackRow[] } {
  const last = new Map<string, FollowUpDoc>();
  for (const f of followUps) {
    const demandId = f.demandId ?? (f.subjectCollection === 'demands' ? f.subjectId : undefined);
    if (f.kind !== 'callback' || demandId === undefined) continue;
    const previous = last.get(demandId);
    if (!previous || previous.at < f.at || (previous.at === f.at && previous.id < f.id))
      last.set(demandId, f);
  }
  const tasksOf = new Map<string, string[]>();
  for (const task of tasks)
    for (const id of task.demandIds) tasksOf.set(id, [...(tasksOf.get(id) ?? []), task.id]);
  const awaiting: CallbackRow[] = [];
  const done: CallbackRow[] = [];
  for (const demand of demands) {
    if (!liesUnder(demand.scope, scope) || !demand.reasonable || demand.duplicateOf !== undefined) continue;
    const stage = evaluationStateOf('demands', demand.status);
    const previous = last.get(demand.id);
    const row: CallbackRow = {
      demand,
      taskIds: tasksOf.get(demand.id) ?? [],
      ...(previous ? { last: previous } : {}),
    };
    if (stage === 'awaitingCallback') awaiting.push(row);
    else if (previous) done.push(row);
  }
  const settledAt = (r: CallbackRow) => r.demand.resolvedAt ?? r.demand.respondedAt ?? r.demand.receivedAt;
  awaiting.sort((a, b) => settledAt(a).localeCompare(settledAt(b)) || a.demand.id.localeCompare(b.demand.id));
  done.sort(
    (a, b) => (b.last?.at ?? '').localeCompare(a.last?.at ?? '') || a.demand.id.localeCompare(b.demand.id),
  );
  return { awaiting, done };
}
