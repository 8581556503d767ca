export { CASE_KIND_LABELS, collectTopicHistory } from './history';
export type {
  HistoryDemand,
  HistoryFollowUp,
  HistoryMeeting,
  HistoryRecord,
  HistorySources,
  HistoryTask,
  HistoryTopic,
  TopicHistory,
} from './history';
export { historyFacts } from './facts';
export type { HistoryFacts, MeetingFact, VoteFact } from './facts';
export { generateCase } from './generate';
export type { CaseDraft } from './generate';
export { caseProblems, joinSections, splitSections } from './body';
export type { CaseSection } from './body';
export { dateWords } from './labels';
export { editCase, generateCaseDraft } from './commands';
export type { CaseEdit } from './commands';
