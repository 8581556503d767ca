// 报表: dashboards, the monthly report and the annual summary, each figure with its records.
export { computeDashboard, type Dashboard, type DashboardOptions } from './dashboard';
export { annualSummary, monthlyReport, type AnnualSummary, type MonthlyReport } from './monthly';
export {
  countOf,
  ratio,
  sumOf,
  underScope,
  type Figure,
  type FigureCollection,
  type ReportData,
} from './figures';
export { demandsByCategoryMonth, solvedAt, type CategoryRow, type DemandsByCategoryMonth } from './demands';
export { ratesSideBySide, type RateFigures, type RatesSideBySide } from './rates';
export { NO_OPEN_PARTY, overdueByParty, type OverdueByParty, type PartyOverdue } from './overdue';
export { HELD_MEETING_STATES, meetingStats, type MeetingMonth, type MeetingStats } from './meetings';
export { DONE_PROJECT_STATES, projectFunds, type FundFigures, type ProjectFunds } from './projects';
export { topRecurring, type TopClass } from './recurring';
export {
  inPeriod,
  lastTwelveMonths,
  monthPeriod,
  monthsOf,
  monthStart,
  nextMonth,
  yearPeriod,
  yearsOf,
  type Period,
} from './period';
