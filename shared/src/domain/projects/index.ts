export {
  CONSULTATION_PHASE_LABELS,
  FUND_SOURCE_LABELS,
  MAJOR_PROGRAMMES,
  PROJECT_KIND_LABELS,
  formatYuan,
  parseYuan,
} from './labels';
export type { MajorProgramme } from './labels';
export {
  COMMITTED_STATES,
  SPENDING_STATES,
  checkSpending,
  fundBalances,
  remainingFen,
  spentFen,
} from './budget';
export type { BalanceFacts, BudgetFacts, FundBalance, SpendingCheck } from './budget';
export {
  MILESTONE_STATUS_LABELS,
  milestoneProblems,
  milestoneStatus,
  milestoneSummary,
  sortMilestones,
} from './milestones';
export type { MilestoneFacts, MilestoneStatus, MilestoneSummary } from './milestones';
export { approvalFromVote, voteOptions } from './approval';
export { projectVoteOptions } from './project-votes';
export type { ProjectVoteOption } from './project-votes';
export type { ApprovalChoice, VoteMeetingFacts, VoteOption, VoteRecordFacts } from './approval';
export { earlyWarning, phaseAt, phasePlan, projectCategories, worksWindow } from './phases';
export type {
  ConsultationMeetingFacts,
  EarlyWarning,
  PhaseEntry,
  PhasePlan,
  ProjectFollowUpFacts,
  WarningDemandFacts,
  WarningLevel,
  WorksWindow,
} from './phases';
export { chineseDate, publicNotice } from './notice';
export type { NoticeContext, NoticeProject, NoticeSection, PublicNotice } from './notice';
export {
  addMilestone,
  addSpending,
  createProject,
  finishMilestone,
  linkConsultation,
  mayActOnProject,
  missingConsultations,
  newProjectProblems,
  stepProject,
  unlinkConsultation,
} from './commands';
export type { NewProject, StepInput } from './commands';
