import { Alert, Button, Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { openItems } from '#shared/domain/meetings/index';
import type { MeetingDoc, MeetingRecordDoc } from '#shared/schema/index';
import { useDatabase } from '../../../db/DatabaseContext';
import { navigate } from '../../../kit/router';
import { createNextSession } from '../actions';
import { useWho } from '../use-who';

const OVER = ['adjourned', 'minutesDrafted', 'minutesApproved', 'published'];

/** 每周一议 and other series: the next session, one week later, with the open items carried over. */
export function NextSession({ meeting, records }: { meeting: MeetingDoc; records: MeetingRecordDoc[] }) {
  const { t } = useTranslation('meetings');
  const db = useDatabase();
  const who = useWho();
  const [error, setError] = useState<string | null>(null);
  if (!(meeting.kind === 'weeklySeries' || meeting.seriesId !== undefined) || !OVER.includes(meeting.status))
    return null;
  const open = openItems(meeting, records);
  const create = async () => {
    const created = await createNextSession(db, who, meeting, records);
    if (created.ok) navigate(`/meetings/${created.meeting.id}/prepare`);
    else setError(created.message);
  };
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Stack spacing={1}>
        <Typography sx={{ fontWeight: 700 }}>{t('prepare.openItems', { count: open.length })}</Typography>
        {open.map((o) => (
          <Typography key={o.item.itemId}>
            {o.item.title}（{o.reason}）
          </Typography>
        ))}
        <Button variant="outlined" onClick={() => void create()} sx={{ alignSelf: 'flex-start' }}>
          {t('prepare.nextSession')}
        </Button>
        {error && (
          <Alert severity="error" role="alert">
            {error}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
