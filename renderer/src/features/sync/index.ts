export { SyncProvider, useSync } from './SyncContext';
export { SyncStatusBar } from './SyncStatusBar';
export { SyncPage } from './SyncPage';
export { EnrollCard } from './EnrollCard';
