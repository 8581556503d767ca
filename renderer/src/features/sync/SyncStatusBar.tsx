import { useState } from 'react';
import { Box, Button, Chip, Tooltip, Typography } from '@mui/material';
import CloudDoneIcon from '@mui/icons-material/CloudDone';
import CloudOffIcon from '@mui/icons-material/CloudOff';
import SyncIcon from '@mui/icons-material/Sync';
import ErrorIcon from '@mui/icons-material/Error';
import ComputerIcon from '@mui/icons-material/Computer';
import { useTranslation } from 'react-i18next';
import { useSync } from './SyncContext';
import { formatDateTime } from '../../kit/beijing-time';
import { FirstSyncProgress } from './FirstSyncProgress';
import './strings';
import { useHubErrorText, useStatusErrorText } from './error-strings';

const ICONS = {
  idle: <CloudDoneIcon />,
  syncing: <SyncIcon />,
  offline: <CloudOffIcon />,
  error: <ErrorIcon />,
  revoked: <ErrorIcon />,
};

/** Always visible in the top bar: last sync, what waits to upload, errors, and 立即同步. */
export function SyncStatusBar() {
  const { t } = useTranslation('sync');
  const errorText = useHubErrorText();
  const statusError = useStatusErrorText();
  const { client, status } = useSync();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  if (!client || !status) {
    return (
      <Tooltip title={t('standaloneHint')}>
        <Chip
          icon={<ComputerIcon />}
          label={t('standalone')}
          data-testid="sync-state"
          sx={{ bgcolor: 'background.paper' }}
        />
      </Tooltip>
    );
  }

  async function syncNow() {
    if (!client) return;
    setBusy(true);
    setMessage(null);
    try {
      await client.syncNow();
      setMessage(t('syncDone'));
    } catch (error) {
      setMessage(errorText(error));
    } finally {
      setBusy(false);
    }
  }

  // "In sync" only once a sync has completed: a fresh device is still catching up.
  const shown = status.state === 'idle' && !status.lastSyncedAt ? 'syncing' : status.state;
  const firstSync = status.firstSync && !status.firstSync.done ? status.firstSync : undefined;
  const details = [
    status.lastSyncedAt ? t('lastSynced', { time: formatDateTime(status.lastSyncedAt) }) : t('neverSynced'),
    status.pending > 0 ? t('pending', { count: status.pending }) : null,
    status.refusedCount > 0 ? t('refused', { count: status.refusedCount }) : null,
  ].filter(Boolean);

  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5, minWidth: 0 }} data-testid="sync-status">
      <Chip
        icon={ICONS[shown]}
        label={firstSync && shown === 'syncing' ? t('states.firstSync') : t(`states.${shown}`)}
        color={
          shown === 'idle'
            ? 'success'
            : shown === 'syncing'
              ? 'info'
              : shown === 'offline'
                ? 'default'
                : 'warning'
        }
        data-testid="sync-state"
        sx={{ fontWeight: 700, bgcolor: shown === 'offline' ? 'background.paper' : undefined }}
      />
      {firstSync && <FirstSyncProgress first={firstSync} />}
      <Typography
        variant="body2"
        noWrap
        sx={{ display: { xs: 'none', lg: 'block' } }}
        data-testid="sync-details"
      >
        {[...details, statusError(status) ?? message].filter(Boolean).join(' · ')}
      </Typography>
      <Button
        variant="contained"
        color="secondary"
        onClick={() => void syncNow()}
        disabled={busy || status.state === 'revoked'}
      >
        {busy ? t('syncing') : t('syncNow')}
      </Button>
    </Box>
  );
}
