export { TopicsPage } from './TopicsPage';
export { createTopic, RefusedError } from './topic-actions';
export type { NewTopic, TopicActor } from './topic-actions';
