import type { ParseKeys } from 'i18next';
import type { ComponentType, ReactElement } from 'react';
import DashboardIcon from '@mui/icons-material/Dashboard';
import { OverviewPage } from '../features/overview';
import EditNoteIcon from '@mui/icons-material/EditNote';
import ListAltIcon from '@mui/icons-material/ListAlt';
import { IntakePage, LedgerPage } from '../features/demands';
import StorageIcon from '@mui/icons-material/Storage';
import { DevicePage } from '../features/device';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { HotlineImportPage } from '../features/hotline-import';
import ForumIcon from '@mui/icons-material/Forum';
import { TopicsPage } from '../features/topics';
import GroupsIcon from '@mui/icons-material/Groups';
import { MeetingsPage } from '../features/meetings';
import TipsAndUpdatesIcon from '@mui/icons-material/TipsAndUpdates';
import { ProactivePage } from '../features/proactive';
import InsightsIcon from '@mui/icons-material/Insights';
import { ReportsPage } from '../features/reports';
import AssignmentIcon from '@mui/icons-material/Assignment';
import { TasksPage } from '../features/tasks';
import NotificationImportantIcon from '@mui/icons-material/NotificationImportant';
import { SupervisionPage } from '../features/supervision';
import PhoneCallbackIcon from '@mui/icons-material/PhoneCallback';
import { CallbacksPage } from '../features/callbacks';
import HandymanIcon from '@mui/icons-material/Handyman';
import { ProjectsPage } from '../features/projects';
import AutoStoriesIcon from '@mui/icons-material/AutoStories';
import { ArchivePage } from '../features/archive';
import SyncAltIcon from '@mui/icons-material/SyncAlt';
import { SyncPage } from '../features/sync';

export interface Area {
  /** First path segment, e.g. 'device' for #/device. */
  path: string;
  /** i18n key of the navigation label. */
  label: ParseKeys;
  icon: ReactElement;
  component: ComponentType;
}

// Only areas that work are listed; each later feature adds its own entry here.
/** Where a device starts: the street office on its overview, the others on intake. */
export function startArea(deviceKind: string): string {
  return deviceKind === 'streetOffice' ? 'overview' : 'intake';
}

export const AREAS: Area[] = [
  { path: 'overview', label: 'nav.overview', icon: <DashboardIcon />, component: OverviewPage },
  { path: 'intake', label: 'nav.intake', icon: <EditNoteIcon />, component: IntakePage },
  { path: 'demands', label: 'nav.demands', icon: <ListAltIcon />, component: LedgerPage },
  { path: 'import', label: 'nav.hotlineImport', icon: <UploadFileIcon />, component: HotlineImportPage },
  { path: 'topics', label: 'nav.topics', icon: <ForumIcon />, component: TopicsPage },
  { path: 'meetings', label: 'nav.meetings', icon: <GroupsIcon />, component: MeetingsPage },
  { path: 'tasks', label: 'nav.tasks', icon: <AssignmentIcon />, component: TasksPage },
  {
    path: 'supervision',
    label: 'nav.supervision',
    icon: <NotificationImportantIcon />,
    component: SupervisionPage,
  },
  { path: 'callbacks', label: 'nav.callbacks', icon: <PhoneCallbackIcon />, component: CallbacksPage },
  { path: 'proactive', label: 'nav.proactive', icon: <TipsAndUpdatesIcon />, component: ProactivePage },
  { path: 'reports', label: 'nav.reports', icon: <InsightsIcon />, component: ReportsPage },
  { path: 'projects', label: 'nav.projects', icon: <HandymanIcon />, component: ProjectsPage },
  { path: 'archive', label: 'nav.archive', icon: <AutoStoriesIcon />, component: ArchivePage },
  { path: 'sync', label: 'nav.sync', icon: <SyncAltIcon />, component: SyncPage },
  { path: 'device', label: 'nav.device', icon: <StorageIcon />, component: DevicePage },
];
