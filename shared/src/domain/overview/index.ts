// 街道总览: the street office's first screen.
export { beijingWeek, streetOverview, type OverviewInput, type StreetOverview } from './overview';
export { recurringProblems, windowStart } from './recurring';
export type { RecurringProblem, RecurringProblemOptions, RecurringProblems } from './recurring';
