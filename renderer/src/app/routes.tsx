import type { ComponentType, ReactElement } from 'react';
import StorageIcon from '@mui/icons-material/Storage';
import { DevicePage } from '../features/device';
import SyncAltIcon from '@mui/icons-material/SyncAlt';
import { SyncPage } from '../features/sync';

export interface Area {
  /** First path segment, e.g. 'device' for #/device. */
  path: string;
  /** i18n key of the navigation label. */
  label: string;
  icon: ReactElement;
  component: ComponentType;
}

// Only areas that work are listed; each later feature adds its own entry here.
export const AREAS: Area[] = [
  { path: 'sync', label: 'nav.sync', icon: <SyncAltIcon />, component: SyncPage },
  { path: 'device', label: 'nav.device', icon: <StorageIcon />, component: DevicePage },
];
