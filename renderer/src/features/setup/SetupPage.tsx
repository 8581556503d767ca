import { useMemo, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  FormControl,
  FormControlLabel,
  FormLabel,
  LinearProgress,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { DEVICE_KINDS } from '#shared/domain/vocab';
import type { DeviceKind } from '#shared/domain/vocab';
import { defaultRoleFor, homePlaceKindsFor } from '#shared/domain/device';
import { useDatabase } from '../../db/DatabaseContext';
import { useObservable } from '../../kit/use-observable';
import { PlacePicker } from './PlacePicker';
import { HubSetupCard } from './HubSetupCard';
import { RestoreBackupCard } from '../device';
import { completeSetup, createStreet, loadDemoStreet, newDeviceId, validateStreet } from './setup-actions';
import type { Progress } from './setup-actions';
import './strings';
import { ReasonedButton } from '../../kit/ReasonedButton';

/** 首次设置: what this device is for, which place data it uses and which place it serves. */
export function SetupPage() {
  const { t } = useTranslation('setup');
  const { t: tApp } = useTranslation();
  const db = useDatabase();
  const [deviceId] = useState(newDeviceId);
  const [deviceName, setDeviceName] = useState('');
  const [kind, setKind] = useState<DeviceKind>('hallPc');
  const [homeScope, setHomeScope] = useState<string | null>(null);
  const [streetName, setStreetName] = useState('');
  const [streetCode, setStreetCode] = useState('');
  const [progress, setProgress] = useState<Progress | null>(null);
  const [message, setMessage] = useState<{ severity: 'error' | 'success'; text: string } | null>(null);
  const [tried, setTried] = useState(false);
  const streets = useObservable(
    useMemo(() => db.places.count({ selector: { kind: 'street' } }).$, [db]),
    0,
  );
  const kinds = useMemo(() => homePlaceKindsFor(kind), [kind]);
  const busy = progress !== null && progress.done < progress.total;

  async function loadDemo() {
    setMessage(null);
    try {
      const count = await loadDemoStreet(db, setProgress);
      setMessage({ severity: 'success', text: t('demoLoaded', { count }) });
    } catch (error) {
      setMessage({ severity: 'error', text: t('failed', { message: (error as Error).message }) });
    } finally {
      setProgress(null);
    }
  }

  async function addStreet() {
    const problem = validateStreet(streetName, streetCode);
    if (problem) return setMessage({ severity: 'error', text: t(problem) });
    try {
      const street = await createStreet(db, deviceId, streetName, streetCode);
      setMessage(null);
      if (kind === 'streetOffice') setHomeScope(street.scope);
    } catch (error) {
      setMessage({ severity: 'error', text: t('failed', { message: (error as Error).message }) });
    }
  }

  async function finish() {
    setTried(true);
    if (!deviceName.trim() || !homeScope) return;
    try {
      await completeSetup(db, { deviceId, deviceName, deviceKind: kind, homeScope });
    } catch (error) {
      setMessage({ severity: 'error', text: t('failed', { message: (error as Error).message }) });
    }
  }

  return (
    <Box sx={{ minHeight: '100vh', py: 4, px: 2, display: 'flex', justifyContent: 'center' }}>
      <Stack spacing={3} sx={{ width: 'min(820px, 100%)' }}>
        <Typography variant="h1">
          {tApp('title')} · {t('title')}
        </Typography>
        <Typography>{t('intro')}</Typography>

        <Card>
          <CardContent>
            <Stack spacing={2.5}>
              <TextField
                label={t('deviceName')}
                helperText={tried && !deviceName.trim() ? t('deviceNameMissing') : t('deviceNameHint')}
                error={tried && !deviceName.trim()}
                value={deviceName}
                onChange={(e) => setDeviceName(e.target.value)}
                autoFocus
                slotProps={{ htmlInput: { 'data-testid': 'device-name-input', maxLength: 64 } }}
              />
              <FormControl>
                <FormLabel sx={{ mb: 1, fontSize: '1.0625rem' }}>{t('deviceKind')}</FormLabel>
                <RadioGroup
                  value={kind}
                  onChange={(e) => {
                    setKind(e.target.value as DeviceKind);
                    setHomeScope(null);
                  }}
                >
                  {DEVICE_KINDS.map((k) => (
                    <FormControlLabel
                      key={k}
                      value={k}
                      control={<Radio />}
                      sx={{ py: 0.5 }}
                      label={
                        <span>
                          <strong>{tApp(`deviceKinds.${k}`)}</strong> — {t(`kindHints.${k}`)}
                        </span>
                      }
                    />
                  ))}
                </RadioGroup>
              </FormControl>
            </Stack>
          </CardContent>
        </Card>

        <HubSetupCard deviceName={deviceName} deviceKind={kind} onMissingName={() => setTried(true)} />

        <RestoreBackupCard />

        <Typography variant="h3" component="h2">
          {t('orStandalone')}
        </Typography>

        <Card>
          <CardContent>
            <Stack spacing={2}>
              <Typography variant="h3" component="h2">
                {t('places')}
              </Typography>
              <Typography>{t('placesIntro')}</Typography>
              <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: 'stretch' }}>
                <Card variant="outlined" sx={{ flex: 1 }}>
                  <CardContent>
                    <Stack spacing={1.5}>
                      <Typography>{t('loadDemoHint')}</Typography>
                      <Button
                        variant="contained"
                        color="secondary"
                        onClick={() => void loadDemo()}
                        disabled={busy}
                      >
                        {t('loadDemo')}
                      </Button>
                    </Stack>
                  </CardContent>
                </Card>
                <Card variant="outlined" sx={{ flex: 1 }}>
                  <CardContent>
                    <Stack spacing={1.5}>
                      <TextField
                        label={t('streetName')}
                        helperText={t('streetNameHint')}
                        value={streetName}
                        onChange={(e) => setStreetName(e.target.value)}
                      />
                      <TextField
                        label={t('streetCode')}
                        helperText={t('streetCodeHint')}
                        value={streetCode}
                        onChange={(e) => setStreetCode(e.target.value.trim().toLowerCase())}
                      />
                      <Button variant="outlined" onClick={() => void addStreet()} disabled={busy}>
                        {t('createStreet')}
                      </Button>
                    </Stack>
                  </CardContent>
                </Card>
              </Stack>
              {progress && (
                <Box>
                  <Typography>{t('loadingDemo', { done: progress.done, total: progress.total })}</Typography>
                  <LinearProgress
                    variant="determinate"
                    value={progress.total ? (progress.done * 100) / progress.total : 0}
                    sx={{ height: 10, borderRadius: 5, mt: 1 }}
                  />
                </Box>
              )}
              {message && <Alert severity={message.severity}>{message.text}</Alert>}
            </Stack>
          </CardContent>
        </Card>

        <Card>
          <CardContent>
            <Stack spacing={2}>
              <PlacePicker
                kinds={kinds}
                value={homeScope}
                onChange={setHomeScope}
                label={t('homePlace')}
                helperText={tried && !homeScope ? t('homePlaceMissing') : t('homePlaceHint')}
                error={tried && !homeScope}
                testId="home-place-input"
              />
              <Typography color="text.secondary">
                {t('role', { role: tApp(`roles.${defaultRoleFor(kind)}`) })}
              </Typography>
              <ReasonedButton
                variant="contained"
                onClick={() => void finish()}
                disabled={busy}
                why={streets === 0 && t('finishNeedsStreet')}
              >
                {t('finish')}
              </ReasonedButton>
            </Stack>
          </CardContent>
        </Card>
      </Stack>
    </Box>
  );
}
