import { useState } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useDatabase } from '../../db/DatabaseContext';
import { wipeLocalData } from './hub-session';
import './strings';

/** Shown on the hub's first "revoked" answer; the only way on is wiping this device's data. */
export function RevokedDialog({ open }: { open: boolean }) {
  const { t } = useTranslation('sync');
  const db = useDatabase();
  const [busy, setBusy] = useState(false);
  async function wipe() {
    setBusy(true);
    await wipeLocalData(db);
    window.location.hash = '/';
    window.location.reload();
  }
  return (
    <Dialog open={open} aria-labelledby="revoked-title">
      <DialogTitle id="revoked-title">{t('revokedTitle')}</DialogTitle>
      <DialogContent>
        <DialogContentText>{t('revokedBody')}</DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button variant="contained" color="primary" onClick={() => void wipe()} disabled={busy}>
          {t('revokedWipe')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
