export { DevicePage } from './DevicePage';
export { RestoreBackupCard } from './RestoreBackupCard';
