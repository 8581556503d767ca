import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Box, CircularProgress, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { platform, deviceLock, KeychainUnavailableError } from '../platform';
import {
  DATABASE_NAME,
  deviceKeyFromKeychain,
  openLocalDatabase,
  WrongPassphraseError,
} from '../db/database';
import type { YishiDatabase } from '../db/create-database';
import { DatabaseContext } from '../db/DatabaseContext';
import { PassphraseGate } from './PassphraseGate';
import { Shell } from './Shell';

type BootState =
  | { step: 'passphrase'; mode: 'create' | 'unlock'; error: string | null }
  | { step: 'opening' }
  | { step: 'ready'; db: YishiDatabase }
  | { step: 'failed'; message: string };

const askPassphrase = (error: string | null = null): BootState => ({
  step: 'passphrase',
  mode: deviceLock.wasSet() ? 'unlock' : 'create',
  error,
});

function initialState(): BootState {
  // A new browser session asks at once; within one, the key ring's keys may open the database.
  if (platform.usesPassphrase && !deviceLock.mayBeUnlocked()) return askPassphrase();
  return { step: 'opening' };
}

/** Finds the database key (keychain or passphrase), opens the local database, then shows the app. */
export function Boot() {
  const { t } = useTranslation();
  const [state, setState] = useState<BootState>(initialState);

  // Resolves to the next screen; it never sets state itself, so the effect below stays pure.
  const open = useCallback(
    async (passphrase: string | null): Promise<BootState> => {
      try {
        if (!platform.usesPassphrase) {
          return { step: 'ready', db: await openLocalDatabase({ password: await deviceKeyFromKeychain() }) };
        }
        const unlocked = passphrase
          ? await deviceLock.unlock(DATABASE_NAME, passphrase)
          : await deviceLock.restore(DATABASE_NAME);
        if (!unlocked) return askPassphrase();
        return { step: 'ready', db: await openLocalDatabase({ unlocked }) };
      } catch (error) {
        if (error instanceof KeychainUnavailableError) {
          // Nothing was sealed with a keychain key yet: this device starts with a passphrase.
          return { step: 'passphrase', mode: 'create', error: t('lock.noKeychain') };
        }
        if (error instanceof WrongPassphraseError) {
          await deviceLock.lock(DATABASE_NAME);
          return { step: 'passphrase', mode: 'unlock', error: t('lock.wrong') };
        }
        return { step: 'failed', message: t('lock.failed', { message: (error as Error).message }) };
      }
    },
    [t],
  );

  // No session mark: a new browser session, so the keys the last one left in IndexedDB go.
  useEffect(() => {
    if (platform.usesPassphrase && !deviceLock.mayBeUnlocked()) void deviceLock.lock(DATABASE_NAME);
  }, []);

  // Only the first render decides whether to open straight away (the key is already known).
  const started = useRef(false);
  const opensAtOnce = state.step === 'opening';
  useEffect(() => {
    if (started.current || !opensAtOnce) return;
    started.current = true;
    void open(null).then(setState);
  }, [open, opensAtOnce]);

  switch (state.step) {
    case 'passphrase':
      return (
        <PassphraseGate
          mode={state.mode}
          error={state.error}
          busy={false}
          onSubmit={(p) => {
            started.current = true;
            setState({ step: 'opening' });
            void open(p).then(setState);
          }}
        />
      );
    case 'opening':
      return (
        <Box sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center' }}>
          <Stack spacing={2} sx={{ alignItems: 'center' }}>
            <CircularProgress />
            <Typography>{t('lock.opening')}</Typography>
          </Stack>
        </Box>
      );
    case 'failed':
      return (
        <Box sx={{ p: 4 }}>
          <Alert severity="error">{state.message}</Alert>
        </Box>
      );
    case 'ready':
      return (
        <DatabaseContext.Provider value={state.db}>
          <Shell />
        </DatabaseContext.Provider>
      );
  }
}
