import { useState } from 'react';
import type { FormEvent } from 'react';
import { Alert, Button, Card, CardContent, Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useDatabase } from '../../db/DatabaseContext';
import { useDeviceSettings } from '../../db/SettingsContext';
import { connectToHub, disconnectFromHub, hubOrigin } from './hub-session';
import { platform } from '../../platform';
import { usePlaceNames } from '../../db/use-place-names';
import { useServingHub } from './use-serving-hub';
import './strings';
import { ReasonedButton } from '../../kit/ReasonedButton';
import { useHubErrorText } from './error-strings';
import { ENROLL_MESSAGES, HubError } from '../../sync';

/** 连接街道服务器: hub address + one-time code; the token is kept in the keychain. */
export function EnrollCard() {
  const { t } = useTranslation('sync');
  const errorText = useHubErrorText();
  const { t: tApp } = useTranslation();
  const db = useDatabase();
  const settings = useDeviceSettings();
  const names = usePlaceNames();
  const [typedUrl, setUrl] = useState<string | null>(null);
  // Opened from the hub itself: its address is the one to enroll with, until the person types another.
  const servingHub = useServingHub();
  const url = typedUrl ?? servingHub ?? '';
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ severity: 'error' | 'success' | 'info'; text: string } | null>(
    null,
  );

  async function enroll(event: FormEvent) {
    event.preventDefault();
    await connect(url, code);
  }

  async function connect(hubUrl: string, oneTimeCode: string) {
    setBusy(true);
    setMessage(null);
    try {
      await connectToHub(db, settings, hubUrl, oneTimeCode);
      // The desktop app reloads to let the page reach the hub it has just enrolled at.
      const allowed = await platform.allowHub(hubOrigin(hubUrl));
      if (allowed === 'notEnrolled') throw new HubError('bad_response', ENROLL_MESSAGES.bad_response ?? '');
      if (allowed === 'reloading') return;
      setMessage({ severity: 'success', text: t('enrolledOk') });
      setCode('');
    } catch (error) {
      setMessage({ severity: 'error', text: errorText(error, 'enroll') });
    } finally {
      setBusy(false);
    }
  }

  async function disconnect() {
    if (!window.confirm(t('disconnectConfirm'))) return;
    await disconnectFromHub(db);
  }

  return (
    <Card>
      <CardContent>
        <Typography variant="h3" component="h2" gutterBottom>
          {t('hub')}
        </Typography>
        {settings.hub ? (
          <Stack spacing={2}>
            <Typography data-testid="hub-enrolled">
              {t('enrolled', {
                url: settings.hub.url,
                place: names?.path(settings.hub.scope) ?? '',
                role: tApp(`roles.${settings.hub.role}`),
              })}
            </Typography>
            {message && <Alert severity={message.severity}>{message.text}</Alert>}
            <Button variant="outlined" onClick={() => void disconnect()} sx={{ alignSelf: 'flex-start' }}>
              {t('disconnect')}
            </Button>
          </Stack>
        ) : (
          <Stack component="form" spacing={2} onSubmit={(e) => void enroll(e)}>
            <Typography color="text.secondary">{t('standaloneHint')}</Typography>
            <TextField
              label={t('hubAddress')}
              helperText={t('hubAddressHint')}
              value={url}
              onChange={(e) => setUrl(e.target.value)}
              slotProps={{ htmlInput: { 'data-testid': 'hub-url', inputMode: 'url' } }}
            />
            <TextField
              label={t('code')}
              helperText={t('codeHint')}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              slotProps={{ htmlInput: { 'data-testid': 'hub-code', autoComplete: 'one-time-code' } }}
            />
            {message && <Alert severity={message.severity}>{message.text}</Alert>}
            <ReasonedButton
              type="submit"
              variant="contained"
              disabled={busy}
              why={(!url.trim() || !code.trim()) && t('enrollNeeds')}
              sx={{ alignSelf: 'flex-start' }}
            >
              {busy ? t('enrolling') : t('enroll')}
            </ReasonedButton>
          </Stack>
        )}
      </CardContent>
    </Card>
  );
}
