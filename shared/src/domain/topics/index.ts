// 集 → 议: topics grouped from demands, their order and priority, and their steps before the
// meeting. Pure commands: they return a Change (or a Refusal) for the renderer to commit.
export {
  addToTopic,
  createTopic,
  joinDemands,
  mayUpdateTopic,
  moveTopic,
  newTopicHome,
  rerankByPriority,
  splitFromTopic,
} from './grouping';
export type { NewTopic } from './grouping';
export { answerQuick, deepen, escalate, escalationScope, mayEscalateTopic } from './steps';
export { takeUp } from './take-up';
export { insertByPriority, topicHome } from './placement';
export { byTopicOrder, moveInOrder, ordersByPriority, topicPriority } from './priority';
export type { Orderable, Priority, PriorityDemand, PriorityPart } from './priority';
