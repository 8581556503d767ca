import { useState } from 'react';
import { Alert, Button, Paper, Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import {
  approvalLine,
  chairOf,
  draftMinutes,
  paperToText,
  publicNoticeText,
} from '#shared/domain/meetings/index';
import type { MeetingEvent } from '#shared/domain/vocab';
import type { MeetingDoc, MeetingRecordDoc } from '#shared/schema/index';
import { useDatabase } from '../../../db/DatabaseContext';
import { navigate } from '../../../kit/router';
import { nowIso } from '../../../db/ids';
import { chineseDateTime, formatDateTime } from '../../../kit/beijing-time';
import { ConfirmDialog } from '../../../kit/ConfirmDialog';
import { useLeaveGuard } from '../../../kit/use-leave-guard';
import { stepMeeting } from '../actions';
import { usePaperContext } from '../use-paper-context';
import { useWho } from '../use-who';
import { useMinutesDraft } from './use-minutes-draft';
import '../strings-hall';

const BEFORE = ['draft', 'noticed', 'inProgress', 'cancelled'];

/** 会议纪要: drafted from the record, edited by people, approved through the meeting machine; then 公示. */
export function MinutesView({ meeting, records }: { meeting: MeetingDoc; records: MeetingRecordDoc[] }) {
  const { t } = useTranslation('meetings');
  const db = useDatabase();
  const who = useWho();
  const paper = usePaperContext(meeting);
  const { edited, setEdited, restoredAt, discard } = useMinutesDraft(meeting);
  const saved = meeting.minutesText ?? '';
  const text = edited ?? saved;
  const dirty = edited !== null && edited !== saved;
  const leaving = useLeaveGuard(dirty);
  const [error, setError] = useState<string | null>(null);
  const [asking, setAsking] = useState<'redraft' | 'approve' | null>(null);
  const [approver, setApprover] = useState(() => chairOf(meeting) ?? '');
  if (BEFORE.includes(meeting.status)) return <Alert severity="info">{t('minutes.notYet')}</Alert>;
  const approved = meeting.minutesApprovedAt !== undefined;
  const fresh = () => draftMinutes(meeting, records, paper.venueName ? { venueName: paper.venueName } : {});
  // Regenerating replaces the text: when it holds anything but a fresh draft, ask first.
  const draft = () => {
    if (text.trim() !== '' && text !== fresh()) return setAsking('redraft');
    setEdited(fresh());
  };
  const step = async (event: MeetingEvent) => {
    setAsking(null);
    const publicNotice =
      event === 'publish'
        ? paperToText(publicNoticeText(meeting, records, { ...paper, issuedAt: nowIso() }))
        : undefined;
    const outcome = await stepMeeting(db, who, meeting, event, {
      minutesText: text,
      ...(publicNotice ? { publicNotice } : {}),
      ...(event === 'approveMinutes' ? { approverName: approver } : {}),
    });
    setError(outcome.ok ? null : outcome.message);
    if (!outcome.ok) return;
    if (event !== 'publish') discard();
    else navigate(`/meetings/${meeting.id}/print/publicNotice`);
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
              disabled={dirty}
              onClick={() => setAsking('approve')}
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
        {meeting.status === 'minutesDrafted' && dirty && (
          <Typography color="text.secondary">{t('hall.approveAfterSave')}</Typography>
        )}
        {restoredAt && dirty && (
          <Alert severity="info" data-testid="minutes-restored">
            {t('hall.restored', { at: formatDateTime(restoredAt) })}
          </Alert>
        )}
        {approved && meeting.minutesApprovedAt && (
          <Alert severity="success" data-testid="minutes-approved">
            {approvalLine(meeting) ||
              t('minutes.approvedAt', { at: chineseDateTime(meeting.minutesApprovedAt) })}
          </Alert>
        )}
        {meeting.publishedAt && (
          <Alert severity="success">
            {t('minutes.publishedAt', { at: chineseDateTime(meeting.publishedAt) })}
          </Alert>
        )}
        {error && (
          <Alert severity="error" role="alert">
            {error}
          </Alert>
        )}
        <Typography variant="h2">{t('minutes.text')}</Typography>
        <TextField
          value={text}
          onChange={(e) => setEdited(e.target.value)}
          multiline
          minRows={18}
          disabled={approved}
          slotProps={{
            htmlInput: {
              'data-testid': 'minutes-text',
              'aria-label': t('minutes.text'),
              style: { fontSize: '1.1rem', lineHeight: 1.8 },
            },
          }}
        />
      </Stack>
      <ConfirmDialog
        open={asking === 'redraft'}
        title={t('hall.redraftTitle')}
        confirm={t('hall.redraftConfirm')}
        cancel={t('hall.cancel')}
        onConfirm={() => (setAsking(null), setEdited(fresh()))}
        onCancel={() => setAsking(null)}
        testId="redraft-dialog"
      >
        <Typography sx={{ fontSize: '1.15rem' }}>{t('hall.redraftBody')}</Typography>
      </ConfirmDialog>
      <ConfirmDialog
        open={asking === 'approve'}
        title={t('hall.approveTitle')}
        confirm={t('hall.approveConfirm')}
        cancel={t('hall.cancel')}
        confirmDisabled={approver.trim() === ''}
        onConfirm={() => void step('approveMinutes')}
        onCancel={() => setAsking(null)}
        testId="approve-dialog"
      >
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Typography sx={{ fontSize: '1.15rem' }}>{t('hall.approveBody')}</Typography>
          <TextField
            label={t('hall.approver')}
            value={approver}
            onChange={(e) => setApprover(e.target.value)}
            error={approver.trim() === ''}
            helperText={approver.trim() === '' ? t('hall.approverMissing') : ' '}
          />
        </Stack>
      </ConfirmDialog>
      <ConfirmDialog
        open={leaving.pending !== null}
        title={t('hall.leaveTitle')}
        confirm={t('hall.leaveConfirm')}
        cancel={t('hall.leaveCancel')}
        onConfirm={leaving.leave}
        onCancel={leaving.stay}
        testId="leave-dialog"
      >
        <Typography sx={{ fontSize: '1.15rem' }}>{t('hall.leaveBody')}</Typography>
      </ConfirmDialog>
    </Paper>
  );
}
