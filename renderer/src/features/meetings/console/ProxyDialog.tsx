import { useState } from 'react';
import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Stack,
  TextField,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { LiveState } from '#shared/domain/meetings/index';
import type { MeetingDoc } from '#shared/schema/index';
import { RefusalNote } from './refusal';
import type { ConsoleRun } from './use-console';

/** 委托: an absent entitled member lets someone present vote for them (the shared rules check the limit). */
export function ProxyDialog({
  open,
  onClose,
  meeting,
  live,
  run,
}: {
  open: boolean;
  onClose: () => void;
  meeting: MeetingDoc;
  live: LiveState;
  run: ConsoleRun;
}) {
  const { t } = useTranslation('meetings');
  const { t: tApp } = useTranslation();
  const [forId, setForId] = useState('');
  const [holderId, setHolderId] = useState('');
  const present = new Set([...live.attendance.presentInPerson, ...live.attendance.observers]);
  const represented = new Set(live.attendance.proxies.map((p) => p.forId));
  const absent = meeting.roster.filter(
    (r) => r.entitled && !present.has(r.personId) && !represented.has(r.personId),
  );
  const holders = meeting.roster.filter((r) => present.has(r.personId));
  const save = async () => {
    if (await run({ type: 'proxy', holderId, forId }, 'proxy')) {
      setForId('');
      setHolderId('');
      onClose();
    }
  };
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{t('console.proxy')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <TextField
            select
            label={t('console.proxyFor')}
            value={forId}
            onChange={(e) => setForId(e.target.value)}
            slotProps={{ htmlInput: { 'data-testid': 'proxy-for' } }}
          >
            {absent.map((r) => (
              <MenuItem key={r.personId} value={r.personId}>
                {r.name}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            label={t('console.proxyHolder')}
            value={holderId}
            onChange={(e) => setHolderId(e.target.value)}
            slotProps={{ htmlInput: { 'data-testid': 'proxy-holder' } }}
          >
            {holders.map((r) => (
              <MenuItem key={r.personId} value={r.personId}>
                {r.name}
              </MenuItem>
            ))}
          </TextField>
          <RefusalNote at="proxy" />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{tApp('common.cancel')}</Button>
        <Button
          variant="contained"
          disabled={!forId || !holderId}
          onClick={() => void save()}
          data-testid="proxy-save"
        >
          {t('console.proxy')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
