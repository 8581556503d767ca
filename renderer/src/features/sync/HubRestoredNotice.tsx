import { Alert, AlertTitle, Snackbar } from '@mui/material';
import { useTranslation } from 'react-i18next';
import './strings';

/** Shown when the hub answers with a new epoch: it was restored from a backup, and this device resyncs. */
export function HubRestoredNotice({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('sync');
  return (
    <Snackbar
      open={open}
      onClose={onClose}
      autoHideDuration={15_000}
      anchorOrigin={{ vertical: 'top', horizontal: 'center' }}
    >
      <Alert severity="info" onClose={onClose} role="status">
        <AlertTitle>{t('hubRestored')}</AlertTitle>
        {t('hubRestoredBody')}
      </Alert>
    </Snackbar>
  );
}
