import { useState } from 'react';
import { Alert, Button, Card, CardContent, Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useDatabase } from '../../db/DatabaseContext';
import { useDeviceSettings } from '../../db/SettingsContext';
import { FormDialog } from '../../kit/FormDialog';
import { useSync } from '../sync';
import { writeDeviceBackup } from './backup-actions';
import { MIN_BACKUP_PASSPHRASE } from './backup-seal';
import './backup-strings';

/** 本机备份: the whole device in one sealed file (docs/device-backup.md). */
export function DeviceBackupCard() {
  const { t } = useTranslation('backup');
  const db = useDatabase();
  const settings = useDeviceSettings();
  const { client } = useSync();
  const [open, setOpen] = useState(false);
  const [first, setFirst] = useState('');
  const [second, setSecond] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const min = MIN_BACKUP_PASSPHRASE;
  const why = first.length < min ? t('tooShort', { min }) : first !== second ? t('mismatch') : null;

  async function seal(): Promise<string | null> {
    if (settings.hub && !client) return t('notReady');
    const written = await writeDeviceBackup(db, settings, client, first);
    if (written) setDone(t('done', { ...written, file: written.fileName }));
    setFirst('');
    setSecond('');
    return null;
  }

  return (
    <Card component="section" aria-labelledby="device-backup-title">
      <CardContent>
        <Typography id="device-backup-title" variant="h3" component="h2" gutterBottom>
          {t('title')}
        </Typography>
        <Stack spacing={2}>
          <Typography color="text.secondary">{t('hint')}</Typography>
          <div>
            <Button
              variant="contained"
              onClick={() => {
                setDone(null);
                setOpen(true);
              }}
            >
              {t('backup')}
            </Button>
          </div>
          {done && (
            <Alert severity="success" data-testid="backup-message">
              {done}
            </Alert>
          )}
        </Stack>
      </CardContent>
      {open && (
        <FormDialog
          title={t('dialogTitle')}
          submitLabel={t('seal')}
          cancelLabel={t('cancel')}
          why={why}
          onSubmit={seal}
          onClose={() => setOpen(false)}
          testId="backup-dialog"
        >
          <TextField
            type="password"
            label={t('passphrase')}
            helperText={t('passphraseHint', { min })}
            value={first}
            onChange={(e) => setFirst(e.target.value)}
            autoFocus
            autoComplete="new-password"
          />
          <TextField
            type="password"
            label={t('passphraseAgain')}
            value={second}
            onChange={(e) => setSecond(e.target.value)}
            autoComplete="new-password"
          />
        </FormDialog>
      )}
    </Card>
  );
}
