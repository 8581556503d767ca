import { useState } from 'react';
import { Alert, Button, Card, CardContent, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useDatabase } from '../../db/DatabaseContext';
import { useDeviceSettings } from '../../db/SettingsContext';
import { formatDateTime } from '../../kit/beijing-time';
import { platform } from '../../platform';
import { useSync, useSyncControl } from './SyncContext';
import { BUNDLE_FILTERS, exportBundle, importBundle } from './bundle-actions';
import type { ImportOutcome } from './bundle-actions';
import './bundle-strings';
import { useHubErrorText } from './error-strings';

type Message = { severity: 'error' | 'success' | 'info' | 'warning'; lines: string[] };

/** 离线同步包: a hall with no line carries its changes to the street office and back on a stick. */
export function HallBundleCard() {
  const { t } = useTranslation('bundles');
  const errorText = useHubErrorText();
  const db = useDatabase();
  const settings = useDeviceSettings();
  const { client, status } = useSync();
  const control = useSyncControl();
  const [busy, setBusy] = useState<'export' | 'import' | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  if (!settings.hub) return null;

  async function run(kind: 'export' | 'import', action: () => Promise<Message | null>) {
    setBusy(kind);
    setMessage(null);
    try {
      setMessage(await action());
    } catch (error) {
      setMessage({ severity: 'error', lines: [errorText(error)] });
    } finally {
      setBusy(null);
    }
  }

  const doExport = async (): Promise<Message | null> => {
    if (!client) return { severity: 'warning', lines: [t('notReady')] };
    const done = await exportBundle(db, settings, client);
    return done && { severity: 'success', lines: [t('exported', { file: done.fileName, rows: done.rows })] };
  };

  const describe = (r: ImportOutcome): Message => {
    if (r.importedBefore)
      return { severity: 'info', lines: [t('importedBefore', { at: formatDateTime(r.importedBefore) })] };
    const lines = [t('imported', { ...r })];
    if (r.conflicts > 0) lines.push(t('importedConflicts'));
    if (r.refused > 0) lines.push(t('importedRefused'));
    if (r.ahead > 0) lines.push(t('ahead', { count: r.ahead }));
    if (r.waiting > 0) lines.push(t('waiting', { count: r.waiting }));
    if (r.unknownExport) lines.push(t('unknownExport'));
    return { severity: r.conflicts > 0 || r.refused > 0 || r.waiting > 0 ? 'warning' : 'success', lines };
  };

  const doImport = async (): Promise<Message | null> => {
    if (!client || !control) return { severity: 'warning', lines: [t('notReady')] };
    const file = await platform.openFile(BUNDLE_FILTERS);
    if (!file) return null;
    return describe(await importBundle(db, settings, client, control, file));
  };

  return (
    <Card component="section" aria-labelledby="hall-bundles-title">
      <CardContent>
        <Typography id="hall-bundles-title" variant="h3" component="h2" gutterBottom>
          {t('title')}
        </Typography>
        <Stack spacing={2}>
          <Typography color="text.secondary">{t('hint')}</Typography>
          {status && (
            <Typography data-testid="bundle-pending">{t('pending', { count: status.pending })}</Typography>
          )}
          <Stack direction="row" spacing={2}>
            <Button variant="contained" disabled={busy !== null} onClick={() => void run('export', doExport)}>
              {busy === 'export' ? t('exporting') : t('export')}
            </Button>
            <Button variant="outlined" disabled={busy !== null} onClick={() => void run('import', doImport)}>
              {busy === 'import' ? t('importing') : t('import')}
            </Button>
          </Stack>
          {message && (
            <Alert severity={message.severity} data-testid="hall-bundle-message">
              {message.lines.map((line) => (
                <div key={line}>{line}</div>
              ))}
            </Alert>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
}
