// 办 督 评: decisions to tasks, the steps of a task, supervision and call-backs. Pure: time, the
// actor and ids come in through the `CommandContext`; callers commit the returned Change.
export { applyEffects } from './effects';
export { assignTasks, mayAssign } from './assign';
export { mayNoteProgress, mayRecordCallback, mayUpdateTask } from './may';
export {
  CLASSIFICATION_LABELS,
  classificationForLevel,
  DEFAULT_DUE_WORKING_DAYS,
  HANDLING_LEVEL,
  handlingScope,
  supervisingLevel,
} from './levels';
export {
  decisionSource,
  quickAnswerSource,
  startHandling,
  tasksFromDecision,
  tasksFromSource,
} from './tasks-from-decision';
export type { HandlingSource, PlannedParty, TaskPlan, TasksResult } from './tasks-from-decision';
export { pendingHandling } from './pending';
export type { PendingItem } from './pending';
export { closeTask, escalateTask, inspectTask, partyStep, reportProgress } from './task-steps';
export { taskFollowUp } from './task-step-base';
export type { TaskStep, TaskStepResult } from './task-step-base';
export {
  addParty,
  escalateReturned,
  reassignParty,
  redirectParty,
  unsettledTasks,
  withdrawTask,
} from './reassign';
export type { PartyPick, RedirectStep } from './reassign';
export { closeSettledTopic } from './topic-close';
export type { TopicClosing } from './topic-close';
export { demandsResolved, recordCallback } from './callbacks';
export type { CallbackResult } from './callbacks';
export { callbackList } from './callback-list';
export type { CallbackRow } from './callback-list';
export { supervisionBoard } from './supervision';
export type {
  BoardCounts,
  BoardItem,
  BoardOptions,
  Bucket,
  PartyRow,
  PlaceRow,
  SupervisionBoard,
} from './supervision';
