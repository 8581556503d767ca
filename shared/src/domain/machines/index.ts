export { allowedEvents, checkMachine, findRule, transition } from './machine';
export type {
  Effect,
  Machine,
  MachineContext,
  Refusal,
  RefusalCode,
  SubjectEvent,
  Success,
  TransitionResult,
  TransitionRule,
} from './machine';
export { ARTEFACTS, requirementLabel, requirementMet } from './artefacts';
export type { ArtefactName, Artefacts, Requirement } from './artefacts';
export { demandMachine } from './demand';
export { deadlineFor, topicMachine } from './topic';
export type { TopicContext } from './topic';
export { escalateTopic, levelOfScope, nextLevel } from './topic-escalation';
export { pendingEscalation, takeUpEscalation, type TakeUpResult, type TakeUpTopic } from './topic-take-up';
export type {
  EscalatableTopic,
  EscalatedFields,
  Escalation,
  EscalationRequest,
  EscalationResult,
} from './topic-escalation';
export { meetingMachine } from './meeting';
export {
  applyPartyEvent,
  deriveTaskState,
  partyMachine,
  resetParties,
  SETTLED_TASK_STATES,
  taskMachine,
} from './task';
export type { PartyStepContext, PartyStepResult, TaskContext, TaskParty } from './task';
export { evaluationEventOf, evaluationMachine, evaluationStateOf, subjectEventFor } from './evaluation';
export { projectMachine } from './project';
export { refusedStateChange } from './pushed-change';
