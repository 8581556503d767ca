// 办 Handle: decisions and quick answers turned into tasks, and the page of one task. Supervision
// and call-backs reuse its task row and its 督办/验收 buttons.
export { TasksPage } from './TasksPage';
export { TaskRow } from './TaskRow';
export { EscalateButton, InspectButton } from './task-actions';
export { StepDialog } from './StepDialog';
export { HistoryList } from './HistoryList';
export { useDemands, useFollowUps, useMeetings, useTasks } from './use-handling-data';
