// 街道总览: what a street office needs to see first each morning, for its place subtree — what is
// overdue or due soon (demands and tasks), who waits for a call-back, this week's meetings and the
// three rates of this month. Each figure lists the records behind it, so the screen links to them.
import {
  overdueDemands,
  overdueTasks,
  threeRates,
  type DueItem,
  type RateReport,
} from '#shared/domain/aggregations/index';
import {
  beijingDay,
  beijingMonth,
  instantOfBeijingDay,
  weekdayOfDayNumber,
} from '#shared/domain/calendar/index';
import { callbackList } from '#shared/domain/handling/index';
import { liesUnder } from '#shared/domain/places/index';
import { monthPeriod, type Period } from '#shared/domain/reports/index';
import type { DemandDoc, FollowUpDoc, MeetingDoc, TaskDoc } from '#shared/schema/index';

export interface OverviewInput {
  readonly demands: readonly DemandDoc[];
  readonly tasks: readonly TaskDoc[];
  readonly followUps: readonly FollowUpDoc[];
  readonly meetings: readonly MeetingDoc[];
}

export interface StreetOverview {
  readonly scope: string;
  readonly demands: { readonly overdue: DueItem[]; readonly dueSoon: DueItem[] };
  readonly tasks: { readonly overdue: DueItem[]; readonly dueSoon: DueItem[] };
  /** Demands answered or resolved whose resident has not been called back yet, oldest first. */
  readonly callbacks: {
    readonly id: string;
    readonly scope: string;
    readonly title: string;
    readonly since: string;
  }[];
  /** Meetings of this Beijing week (Monday to Sunday), by start time; cancelled ones left out. */
  readonly meetings: MeetingDoc[];
  readonly week: Period;
  /** The three rates of this Beijing month so far. */
  readonly rates: RateReport;
  readonly month: string;
}

/** Monday 00:00 to the next Monday 00:00, Beijing time, of the week of `now`. */
export function beijingWeek(now: string): Period {
  const { day } = beijingDay(now);
  const monday = day - ((weekdayOfDayNumber(day) + 6) % 7);
  return { from: instantOfBeijingDay(monday, 0), to: instantOfBeijingDay(monday + 7, 0) };
}

/** The overview of the subtree of `scope` at `now`; due soon means within `dueSoonHours`. */
export function streetOverview(
  input: OverviewInput,
  options: { readonly now: string; readonly scope: string; readonly dueSoonHours?: number },
): StreetOverview {
  const { now, scope, dueSoonHours = 48 } = options;
  const lists = { now, scope, dueSoonHours };
  const demandLists = overdueDemands(input.demands, input.followUps, lists);
  const taskLists = overdueTasks(input.tasks, input.followUps, lists);
  const waiting = callbackList(input.demands, input.followUps, input.tasks, scope).awaiting;
  const callbacks = waiting
    .map(({ demand }) => ({
      id: demand.id,
      scope: demand.scope,
      title: demand.title,
      since: demand.resolvedAt ?? demand.respondedAt ?? demand.updatedAt,
    }))
    .sort((a, b) => a.since.localeCompare(b.since) || a.id.localeCompare(b.id));
  const week = beijingWeek(now);
  const meetings = input.meetings
    .filter(
      (m) =>
        m.status !== 'cancelled' &&
        liesUnder(m.scope, scope) &&
        m.startsAt >= week.from &&
        m.startsAt < week.to,
    )
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id));
  const month = beijingMonth(now);
  const rates = threeRates(input.demands, input.followUps, {
    scope,
    ...monthPeriod(month),
    asOf: now,
  });
  return {
    scope,
    demands: { overdue: demandLists.overdue, dueSoon: demandLists.dueSoon },
    tasks: { overdue: taskLists.overdue, dueSoon: taskLists.dueSoon },
    callbacks,
    meetings,
    week,
    rates,
    month,
  };
}
