import { useState } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Stack,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useDatabase } from '../../db/DatabaseContext';
import { useDeviceSettings } from '../../db/SettingsContext';
import { exportRevokedChanges, unsyncedCount } from './bundle-actions';
import { wipeLocalData } from './hub-session';
import type { SyncClient } from '../../sync';
import './strings';

/**
 * Shown on the hub's first "revoked" answer. The way on is wiping this device's data; changes the
 * hub never received can first be exported for the street office (docs/device-backup.md).
 */
export function RevokedDialog({ open, client }: { open: boolean; client: SyncClient | null }) {
  const { t } = useTranslation('sync');
  const db = useDatabase();
  const settings = useDeviceSettings();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ severity: 'success' | 'error'; text: string } | null>(null);
  const unsynced = open ? unsyncedCount(client) : null;

  async function wipe() {
    setBusy(true);
    await wipeLocalData(db);
    window.location.hash = '/';
    window.location.reload();
  }

  async function exportChanges() {
    if (!client) return;
    setBusy(true);
    try {
      const done = await exportRevokedChanges(settings, client);
      if (done)
        setMessage({ severity: 'success', text: t('revokedExported', { ...done, file: done.fileName }) });
    } catch (error) {
      setMessage({ severity: 'error', text: (error as Error).message });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open={open} aria-labelledby="revoked-title">
      <DialogTitle id="revoked-title">{t('revokedTitle')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <DialogContentText>{t('revokedBody')}</DialogContentText>
          {unsynced === null ? (
            <Alert severity="warning">{t('revokedUnread')}</Alert>
          ) : (
            unsynced > 0 && (
              <Alert severity="warning" data-testid="revoked-unsynced">
                {t('revokedUnsynced', { count: unsynced })}
              </Alert>
            )
          )}
          {message && (
            <Alert severity={message.severity} data-testid="revoked-export-message">
              {message.text}
            </Alert>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        {unsynced !== null && unsynced > 0 && (
          <Button variant="contained" onClick={() => void exportChanges()} disabled={busy}>
            {t('revokedExport')}
          </Button>
        )}
        <Button
          variant={unsynced ? 'outlined' : 'contained'}
          color="primary"
          onClick={() => void wipe()}
          disabled={busy}
        >
          {t('revokedWipe')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
