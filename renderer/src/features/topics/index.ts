export { TopicsPage } from './TopicsPage';
export { createTopic } from './topic-actions';
export type { NewTopic, TopicActor } from './topic-actions';
export { NewTopicDialog } from './NewTopicDialog';
