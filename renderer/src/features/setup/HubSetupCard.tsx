import { useState } from 'react';
import { Alert, Card, CardContent, Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { DeviceKind } from '#shared/domain/vocab';
import { useDatabase } from '../../db/DatabaseContext';
import { platform } from '../../platform';
import { hubOrigin, setupByEnrollment, useServingHub } from '../sync';
import './strings';
import { ReasonedButton } from '../../kit/ReasonedButton';
import { ENROLL_MESSAGES, HubError } from '../../sync';

interface Props {
  deviceName: string;
  deviceKind: DeviceKind;
  onMissingName(): void;
}

/** The usual start in a street: the hub's one-time code sets this device's places, scope and role. */
export function HubSetupCard({ deviceName, deviceKind, onMissingName }: Props) {
  const { t } = useTranslation('setup');
  const db = useDatabase();
  const [typedUrl, setUrl] = useState<string | null>(null);
  // Opened from the hub itself: its address is the one to enroll with, until the person types another.
  const servingHub = useServingHub();
  const url = typedUrl ?? servingHub ?? '';
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function connect() {
    if (!deviceName.trim()) return onMissingName();
    setBusy(true);
    setError(null);
    try {
      await setupByEnrollment(db, { deviceName, deviceKind }, url, code);
      // The desktop app then reloads, set up, to let the page reach the hub it enrolled at.
      const allowed = await platform.allowHub(hubOrigin(url));
      if (allowed === 'notEnrolled') throw new HubError('bad_response', ENROLL_MESSAGES.bad_response ?? '');
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  }

  return (
    <Card>
      <CardContent>
        <Stack spacing={2}>
          <Typography variant="h3" component="h2">
            {t('hubTitle')}
          </Typography>
          <Typography>{t('hubHint')}</Typography>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
            <TextField
              label={t('hubAddress')}
              value={url}
              onChange={(e) => setUrl(e.target.value)}
              slotProps={{ htmlInput: { 'data-testid': 'setup-hub-url', inputMode: 'url' } }}
            />
            <TextField
              label={t('hubCode')}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              slotProps={{ htmlInput: { 'data-testid': 'setup-hub-code', autoComplete: 'one-time-code' } }}
            />
          </Stack>
          {error && <Alert severity="error">{error}</Alert>}
          <ReasonedButton
            variant="contained"
            onClick={() => void connect()}
            disabled={busy}
            why={(!url.trim() || !code.trim()) && t('hubNeeds')}
            sx={{ alignSelf: 'flex-start' }}
          >
            {busy ? t('hubConnecting') : t('hubConnect')}
          </ReasonedButton>
        </Stack>
      </CardContent>
    </Card>
  );
}
