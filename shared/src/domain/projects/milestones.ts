// 实施节点: each milestone is done, overdue, due soon or pending at a given moment. "Due soon"
// uses calendar days, as the notices posted in the courtyard do.

export interface MilestoneFacts {
  readonly id: string;
  readonly title: string;
  readonly dueAt: string;
  readonly doneAt?: string;
}

export type MilestoneStatus = 'done' | 'doneLate' | 'overdue' | 'dueSoon' | 'pending';

export const MILESTONE_STATUS_LABELS: Readonly<Record<MilestoneStatus, string>> = {
  done: '已完成',
  doneLate: '逾期完成',
  overdue: '已逾期',
  dueSoon: '即将到期',
  pending: '未到期',
};

const DAY_MS = 24 * 60 * 60 * 1000;

export function milestoneStatus(milestone: MilestoneFacts, now: string, soonDays = 7): MilestoneStatus {
  const due = Date.parse(milestone.dueAt);
  if (milestone.doneAt !== undefined) return Date.parse(milestone.doneAt) > due ? 'doneLate' : 'done';
  const at = Date.parse(now);
  if (at > due) return 'overdue';
  return due - at <= soonDays * DAY_MS ? 'dueSoon' : 'pending';
}

export interface MilestoneSummary {
  readonly total: number;
  readonly done: number;
  readonly overdue: number;
  readonly dueSoon: number;
  /** The first open milestone by due date. */
  readonly next?: MilestoneFacts;
}

export function milestoneSummary(milestones: readonly MilestoneFacts[], now: string): MilestoneSummary {
  const statuses = milestones.map((m) => milestoneStatus(m, now));
  const open = milestones
    .filter((m) => m.doneAt === undefined)
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  const next = open[0];
  return {
    total: milestones.length,
    done: statuses.filter((s) => s === 'done' || s === 'doneLate').length,
    overdue: statuses.filter((s) => s === 'overdue').length,
    dueSoon: statuses.filter((s) => s === 'dueSoon').length,
    ...(next ? { next } : {}),
  };
}

/** Milestones sorted by due date (ties by title), the order the plan and the 公示 show. */
export const sortMilestones = <M extends MilestoneFacts>(milestones: readonly M[]): M[] =>
  [...milestones].sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.title.localeCompare(b.title));

/** Problems of a new milestone, in Chinese; empty when it may be added. */
export function milestoneProblems(
  draft: { readonly title: string; readonly dueAt: string },
  existing: readonly MilestoneFacts[],
): string[] {
  const problems: string[] = [];
  const title = draft.title.trim();
  if (title === '') problems.push('请填写节点名称');
  if (Number.isNaN(Date.parse(draft.dueAt))) problems.push('请填写计划完成日期');
  if (title !== '' && existing.some((m) => m.title.trim() === title)) problems.push(`已有同名节点“${title}”`);
  return problems;
}
