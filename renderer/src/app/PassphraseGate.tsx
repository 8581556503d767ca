import { useState } from 'react';
import type { FormEvent } from 'react';
import { Alert, Box, Button, Paper, Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { MIN_PASSPHRASE_LENGTH } from '../platform';

interface Props {
  mode: 'create' | 'unlock';
  error: string | null;
  busy: boolean;
  onSubmit(passphrase: string): void;
}

/** Browser mode only: the passphrase that seals personal data on this device. */
export function PassphraseGate({ mode, error, busy, onSubmit }: Props) {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    if ([...passphrase].length < MIN_PASSPHRASE_LENGTH)
      return setProblem(t('lock.tooShort', { min: MIN_PASSPHRASE_LENGTH }));
    if (mode === 'create' && passphrase !== repeat) return setProblem(t('lock.mismatch'));
    setProblem(null);
    onSubmit(passphrase);
  }

  return (
    <Box sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', p: 2 }}>
      <Paper component="form" onSubmit={submit} sx={{ p: 4, width: 'min(520px, 100%)' }} elevation={2}>
        <Stack spacing={2.5}>
          <Typography variant="h2" component="h1">
            {t('title')} · {mode === 'create' ? t('lock.createTitle') : t('lock.unlockTitle')}
          </Typography>
          <Typography>{mode === 'create' ? t('lock.createHint') : t('lock.unlockHint')}</Typography>
          {mode === 'create' && (
            // Said before the first try, not after a refusal.
            <Alert severity="warning" data-testid="passphrase-warning">
              {t('lock.forgetWarning')}
            </Alert>
          )}
          <TextField
            label={t('lock.passphrase')}
            type="password"
            autoFocus
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
            helperText={
              mode === 'create'
                ? t('lock.rules', { min: MIN_PASSPHRASE_LENGTH, length: [...passphrase].length })
                : undefined
            }
            slotProps={{
              htmlInput: { 'data-testid': 'passphrase' },
              formHelperText: { 'data-testid': 'passphrase-rules' } as object,
            }}
          />
          {mode === 'create' && (
            <TextField
              label={t('lock.repeat')}
              type="password"
              value={repeat}
              onChange={(e) => setRepeat(e.target.value)}
              helperText={t('lock.repeatRule')}
              slotProps={{ htmlInput: { 'data-testid': 'passphrase-repeat' } }}
            />
          )}
          {(problem ?? error) && <Alert severity="error">{problem ?? error}</Alert>}
          <Button type="submit" variant="contained" disabled={busy}>
            {busy ? t('lock.opening') : t('lock.submit')}
          </Button>
        </Stack>
      </Paper>
    </Box>
  );
}
