import { useState } from 'react';
import { Alert, Button, Card, CardContent, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useDeviceSettings } from '../../db/SettingsContext';
import { formatDateTime } from '../../kit/beijing-time';
import { platform } from '../../platform';
import { BUNDLE_FILTERS } from './bundle-actions';
import { saveReturnBundle, uploadHallBundle } from './street-bundles';
import type { UploadReport } from './street-bundles';
import './bundle-strings';
import { useHubErrorText } from './error-strings';

/** Only street-office devices may upload another device's bundle (the hub's route says so too). */
const UPLOADER_ROLE = 'street-staff';

/** 代收议事厅同步包: the street office imports a hall's bundle and hands back the return bundle. */
export function StreetBundleCard() {
  const { t } = useTranslation('bundles');
  const errorText = useHubErrorText();
  const settings = useDeviceSettings();
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<UploadReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (settings.hub?.role !== UPLOADER_ROLE) return null;

  async function upload() {
    setBusy(true);
    setError(null);
    try {
      const file = await platform.openFile(BUNDLE_FILTERS);
      if (!file) return;
      setReport(null);
      setReport(await uploadHallBundle(settings, file, t('notDeviceBundle')));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card component="section" aria-labelledby="street-bundles-title">
      <CardContent>
        <Typography id="street-bundles-title" variant="h3" component="h2" gutterBottom>
          {t('streetTitle')}
        </Typography>
        <Stack spacing={2}>
          <Typography color="text.secondary">{t('streetHint')}</Typography>
          <Button
            variant="contained"
            disabled={busy}
            onClick={() => void upload()}
            sx={{ alignSelf: 'flex-start' }}
          >
            {busy ? t('uploading') : t('upload')}
          </Button>
          {error && (
            <Alert severity="error" data-testid="street-bundle-error">
              {error}
            </Alert>
          )}
          {report && (
            <Alert severity={report.replay ? 'info' : 'success'} data-testid="street-bundle-report">
              {report.replay && <div>{t('replay', { at: formatDateTime(report.firstImportedAt) })}</div>}
              <div>
                {t('uploaded', {
                  label: report.device.label,
                  device: report.device.deviceId,
                  rows: report.rows,
                  written: report.written,
                  conflicts: report.conflicts,
                  refused: report.refused,
                  returned: report.documentsReturned,
                })}
              </div>
            </Alert>
          )}
          {report && (
            <Button
              variant="outlined"
              onClick={() => void saveReturnBundle(report.answer)}
              sx={{ alignSelf: 'flex-start' }}
            >
              {t('download')}
            </Button>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
}
