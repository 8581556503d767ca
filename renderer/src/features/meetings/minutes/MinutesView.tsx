import { useState } from 'react';
import { Alert, Button, Paper, Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { chineseDateTime, draftMinutes, paperToText, publicNoticeText } from '#shared/domain/meetings/index';
import type { MeetingEvent } from '#shared/domain/vocab';
import type { MeetingDoc, MeetingRecordDoc } from '#shared/schema/index';
import { useDatabase } from '../../../app/DatabaseContext';
import { navigate } from '../../../app/router';
import { nowIso } from '../../../db/ids';
import { stepMeeting } from '../actions';
import { usePaperContext } from '../use-paper-context';
import { useWho } from '../use-who';

const BEFORE = ['draft', 'noticed', 'inProgress', 'cancelled'];

/** 会议纪要: drafted from the record, edited by people, approved through the meeting machine; then 公示. */
export function MinutesView({ meeting, records }: { meeting: MeetingDoc; records: MeetingRecordDoc[] }) {
  const { t } = useTranslation('meetings');
  const db = useDatabase();
  const who = useWho();
  const paper = usePaperContext(meeting);
  const [edited, setText] = useState<string | null>(null);
  const text = edited ?? meeting.minutesText ?? '';
  const [error, setError] = useState<string | null>(null);
  if (BEFORE.includes(meeting.status)) return <Alert severity="info">{t('minutes.notYet')}</Alert>;
  const approved = meeting.minutesApprovedAt !== undefined;
  const draft = () =>
    setText(draftMinutes(meeting, records, paper.venueName ? { venueName: paper.venueName } : {}));
  const step = async (event: MeetingEvent) => {
    const publicNotice =
      event === 'publish'
        ? paperToText(publicNoticeText(meeting, records, { ...paper, issuedAt: nowIso() }))
        : undefined;
    const outcome = await stepMeeting(db, who, meeting, event, {
      minutesText: text,
      ...(publicNotice ? { publicNotice } : {}),
    });
    setError(outcome.ok ? null : outcome.message);
    if (outcome.ok && event === 'publish') navigate(`/meetings/${meeting.id}/print/publicNotice`);
  };
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Stack spacing={2}>
        <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
          {!approved && (
            <Button variant="outlined" onClick={draft} data-testid="minutes-draft">
              {text ? t('minutes.redraft') : t('minutes.draft')}
            </Button>
          )}
          {!approved && (
            <Button
              variant="contained"
              disabled={text.trim() === ''}
              onClick={() => void step(meeting.status === 'adjourned' ? 'draftMinutes' : 'reviseMinutes')}
              data-testid="minutes-save"
            >
              {t('minutes.saveDraft')}
            </Button>
          )}
          {meeting.status === 'minutesDrafted' && (
            <Button
              variant="contained"
              color="secondary"
              onClick={() => void step('approveMinutes')}
              data-testid="minutes-approve"
            >
              {t('minutes.approve')}
            </Button>
          )}
          {meeting.status === 'minutesApproved' && (
            <Button
              variant="contained"
              color="secondary"
              onClick={() => void step('publish')}
              data-testid="minutes-publish"
            >
              {t('minutes.publish')}
            </Button>
          )}
          <Button onClick={() => navigate(`/meetings/${meeting.id}/print/minutes`)}>
            {t('print.minutes')}
          </Button>
          <Button onClick={() => navigate(`/meetings/${meeting.id}/print/publicNotice`)}>
            {t('print.publicNotice')}
          </Button>
        </Stack>
        {approved && meeting.minutesApprovedAt && (
          <Alert severity="success">
            {t('minutes.approvedAt', { at: chineseDateTime(meeting.minutesApprovedAt) })}
          </Alert>
        )}
        {meeting.publishedAt && (
          <Alert severity="success">
            {t('minutes.publishedAt', { at: chineseDateTime(meeting.publishedAt) })}
          </Alert>
        )}
        {error && <Alert severity="error">{error}</Alert>}
        <Typography variant="h2">{t('minutes.text')}</Typography>
        <TextField
          value={text}
          onChange={(e) => setText(e.target.value)}
          multiline
          minRows={18}
          disabled={approved}
          slotProps={{
            htmlInput: { 'data-testid': 'minutes-text', style: { fontSize: '1.1rem', lineHeight: 1.8 } },
          }}
        />
      </Stack>
    </Paper>
  );
}
