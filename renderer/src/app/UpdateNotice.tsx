import { useState, useSyncExternalStore } from 'react';
import { Alert, Button, Snackbar, Stack, Tooltip } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { appUpdateState, applyAppUpdate, subscribeAppUpdate } from '../platform';
import { parseRoute, useRoute } from '../kit/router';

/** The live console and the projector: a reload or restart there would interrupt the meeting. */
function inMeeting(route: string): boolean {
  const [area, , tab] = parseRoute(route).segments;
  return area === 'projector' || (area === 'meetings' && tab === 'console');
}

/**
 * 新版本可用 → 刷新 (browser mode) or 立即重启更新 / 稍后 (desktop): a new version waits for the
 * person and is never taken during a meeting; a device below the street's minimum is told so.
 */
export function UpdateNotice() {
  const { t } = useTranslation();
  const { waiting, belowMinimum } = useSyncExternalStore(subscribeAppUpdate, appUpdateState);
  const route = useRoute();
  const [dismissed, setDismissed] = useState(false);
  const [applying, setApplying] = useState(false);
  const meeting = inMeeting(route);
  const restart = waiting?.kind === 'restart';
  const action = (
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
      {restart ? t('appUpdate.restart') : t('appUpdate.apply')}
    </Button>
  );
  const hint = meeting
    ? t('appUpdate.inMeeting')
    : restart
      ? t('appUpdate.restartHint', { version: waiting.version ?? '' })
      : t('appUpdate.waitingHint');
  return (
    <Snackbar
      open={(waiting !== null && !dismissed) || belowMinimum !== null}
      // Bottom right: the navigation runs down the left edge and must stay reachable.
      anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
    >
      <Stack spacing={1}>
        {belowMinimum && (
          <Alert severity="warning" variant="filled" role="alert">
            {t('appUpdate.belowMinimum', belowMinimum)}
          </Alert>
        )}
        {waiting && !dismissed && (
          <Alert
            severity="info"
            variant="filled"
            role="status"
            action={
              <>
                {meeting ? (
                  <Tooltip title={t('appUpdate.inMeeting')}>
                    <span>{action}</span>
                  </Tooltip>
                ) : (
                  action
                )}
                <Button color="inherit" size="small" onClick={() => setDismissed(true)}>
                  {t('appUpdate.later')}
                </Button>
              </>
            }
          >
            <strong>{t('appUpdate.waiting')}</strong> {hint}
          </Alert>
        )}
      </Stack>
    </Snackbar>
  );
}
