import { Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { ConflictList } from './ConflictList';
import { RefusedRows } from './RefusedRows';
import { SyncStatusBar } from './SyncStatusBar';
import { FirstSyncProgress } from './FirstSyncProgress';
import { useSync } from './SyncContext';
import './strings';

export function SyncPage() {
  const { t } = useTranslation('sync');
  const { status } = useSync();
  return (
    <Stack spacing={3} sx={{ maxWidth: 1100 }}>
      <Typography variant="h2" component="h1">
        {t('title')}
      </Typography>
      <SyncStatusBar />
      {status?.firstSync && <FirstSyncProgress first={status.firstSync} detailed />}
      <ConflictList />
      <RefusedRows />
    </Stack>
  );
}
