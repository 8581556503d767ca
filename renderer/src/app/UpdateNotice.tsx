import { useState, useSyncExternalStore } from 'react';
import { Alert, Button, Snackbar, Tooltip } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { appUpdateState, applyAppUpdate, subscribeAppUpdate } from '../platform';
import { parseRoute, useRoute } from './router';

/** The live console and the projector: a reload there would interrupt the meeting in the room. */
function inMeeting(route: string): boolean {
  const [area, , tab] = parseRoute(route).segments;
  return area === 'projector' || (area === 'meetings' && tab === 'console');
}

/** 新版本可用 → 刷新: a new build waits for the person, never swaps under a meeting. */
export function UpdateNotice() {
  const { t } = useTranslation();
  const { updateWaiting } = useSyncExternalStore(subscribeAppUpdate, appUpdateState);
  const route = useRoute();
  const [dismissed, setDismissed] = useState(false);
  const [applying, setApplying] = useState(false);
  const meeting = inMeeting(route);
  const reload = (
    <Button
      color="inherit"
      size="small"
      variant="outlined"
      disabled={meeting || applying}
      onClick={() => {
        setApplying(true);
        void applyAppUpdate();
      }}
    >
      {t('appUpdate.apply')}
    </Button>
  );
  return (
    <Snackbar open={updateWaiting && !dismissed} anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}>
      <Alert
        severity="info"
        variant="filled"
        role="status"
        action={
          <>
            {meeting ? (
              <Tooltip title={t('appUpdate.inMeeting')}>
                <span>{reload}</span>
              </Tooltip>
            ) : (
              reload
            )}
            <Button color="inherit" size="small" onClick={() => setDismissed(true)}>
              {t('appUpdate.later')}
            </Button>
          </>
        }
      >
        <strong>{t('appUpdate.waiting')}</strong>{' '}
        {meeting ? t('appUpdate.inMeeting') : t('appUpdate.waitingHint')}
      </Alert>
    </Snackbar>
  );
}
