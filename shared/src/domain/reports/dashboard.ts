import { countOf, underScope, type Figure, type ReportData } from './figures';
import { demandsByCategoryMonth, type DemandsByCategoryMonth } from './demands';
import { meetingStats, type MeetingStats } from './meetings';
import { overdueByParty, type OverdueByParty } from './overdue';
import { inPeriod, type Period } from './period';
import { projectFunds, type ProjectFunds } from './projects';
import { ratesSideBySide, type RatesSideBySide } from './rates';
import { topRecurring, type TopClass } from './recurring';

// Every figure of a place's dashboard for a period, from the documents alone: the benchmark's
// entry (100,000 documents) and what the screens, the monthly report and the annual summary show.

export interface DashboardOptions extends Period {
  readonly scope: string;
  /** Overdue work, pending responses and recurring classes are judged at `now`. */
  readonly now: string;
}

export interface Dashboard extends DashboardOptions {
  readonly demands: DemandsByCategoryMonth;
  readonly rates: RatesSideBySide;
  readonly overdue: OverdueByParty;
  readonly meetings: MeetingStats;
  readonly projects: ProjectFunds;
  readonly recurring: readonly TopClass[];
  readonly tasks: { readonly assigned: Figure; readonly closed: Figure };
}

export function computeDashboard(data: ReportData, options: DashboardOptions): Dashboard {
  const { scope, from, to, now } = options;
  // One pass to the place's own documents; every step below reads only those.
  const own = underScope(data, scope);
  const period = { from, to };
  return {
    scope,
    from,
    to,
    now,
    demands: demandsByCategoryMonth(own.demands, { ...period, scope }),
    rates: ratesSideBySide(own.demands, own.followUps, { scope, from, to, asOf: now }),
    overdue: overdueByParty(own.tasks, own.followUps, { scope, now }),
    meetings: meetingStats(own.meetings, own.meetingRecords, { ...period, scope }),
    projects: projectFunds(own.projects, { ...period, scope }),
    recurring: topRecurring(own.demands, data.places, { scope, now }),
    tasks: {
      assigned: countOf(
        'tasks',
        own.tasks.filter((t) => inPeriod(t.assignedAt, period)).map((t) => t.id),
      ),
      closed: countOf(
        'tasks',
        own.tasks.filter((t) => t.closedAt !== undefined && inPeriod(t.closedAt, period)).map((t) => t.id),
      ),
    },
  };
}
