// 议 Deliberate: meetings from preparation to minutes, the live console, the projector and papers.
export { MeetingsPage } from './MeetingsPage';
export { ProjectorPage } from './projector/ProjectorPage';
export { TopicGuidePage } from './guide/TopicGuidePage';
