export { SyncProvider, useSync } from './SyncContext';
export { SyncStatusBar } from './SyncStatusBar';
export { SyncPage } from './SyncPage';
export { EnrollCard } from './EnrollCard';
export { HallBundleCard } from './HallBundleCard';
export { StreetBundleCard } from './StreetBundleCard';
export { setupByEnrollment, hubOrigin } from './hub-session';
export { useServingHub } from './use-serving-hub';
export { fileStamp } from './bundle-actions';
