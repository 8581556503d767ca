import { useMemo } from 'react';
import { Box, CircularProgress } from '@mui/material';
import { settings$ } from '../db/settings';
import { SetupPage } from '../features/setup';
import { useDatabase } from '../db/DatabaseContext';
import { SettingsContext } from '../db/SettingsContext';
import { AppFrame } from './AppFrame';
import { SyncProvider } from '../features/sync';
import { useObservable } from '../kit/use-observable';

/** First run leads to setup; afterwards the app frame with its areas. */
export function Shell() {
  const db = useDatabase();
  const source = useMemo(() => settings$(db), [db]);
  const settings = useObservable(source, undefined);
  if (settings === undefined) {
    return (
      <Box sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center' }}>
        <CircularProgress />
      </Box>
    );
  }
  if (settings === null) return <SetupPage />;
  return (
    <SettingsContext.Provider value={settings}>
      <SyncProvider>
        <AppFrame />
      </SyncProvider>
    </SettingsContext.Provider>
  );
}
