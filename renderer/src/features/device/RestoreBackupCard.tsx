import { useState } from 'react';
import { Alert, Button, Card, CardContent, Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { manifestTotals } from '#shared/protocol/device-backup';
import type { BackupFile } from '#shared/protocol/device-backup';
import { useDatabase } from '../../db/DatabaseContext';
import { formatDateTime } from '../../kit/beijing-time';
import { platform } from '../../platform';
import { BACKUP_FILTERS } from './backup-actions';
import { readChosenBackup, restoreDeviceBackup } from './restore-actions';
import './backup-strings';

/**
 * 从备份恢复 on the setup screen of a fresh device. Once the settings are written the app leaves
 * setup by itself (they are what it waits for).
 */
export function RestoreBackupCard() {
  const { t } = useTranslation('backup');
  const db = useDatabase();
  const [file, setFile] = useState<BackupFile | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const choose = () =>
    run(async () => {
      setFile(null);
      const opened = await platform.openFile(BACKUP_FILTERS);
      if (opened) setFile(readChosenBackup(opened));
    });

  const restore = () =>
    run(async () => {
      if (file) await restoreDeviceBackup(db, file, passphrase);
    });

  const totals = file ? manifestTotals(file.manifest) : null;
  return (
    <Card component="section" aria-labelledby="restore-backup-title">
      <CardContent>
        <Stack spacing={2}>
          <Typography id="restore-backup-title" variant="h3" component="h2">
            {t('restoreTitle')}
          </Typography>
          <Typography>{t('restoreHint')}</Typography>
          <Typography color="text.secondary">{t('enrollNext')}</Typography>
          <div>
            <Button variant="outlined" onClick={() => void choose()} disabled={busy}>
              {t('choose')}
            </Button>
          </div>
          {file && totals && (
            <>
              <Typography data-testid="restore-file-info">
                {t('fileInfo', {
                  device: file.device.deviceName,
                  at: formatDateTime(file.createdAt),
                  ...totals,
                })}
              </Typography>
              <TextField
                type="password"
                label={t('passphrase')}
                value={passphrase}
                onChange={(e) => setPassphrase(e.target.value)}
                autoComplete="off"
              />
              <div>
                <Button variant="contained" onClick={() => void restore()} disabled={busy || !passphrase}>
                  {busy ? t('restoring') : t('restore')}
                </Button>
              </div>
            </>
          )}
          {error && (
            <Alert severity="error" role="alert" data-testid="restore-error">
              {error}
            </Alert>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
}
