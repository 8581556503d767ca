import { useState } from 'react';
import { Alert, Button, Chip, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import {
  NOTIFICATION_METHOD_LABELS,
  notificationsOf,
  notifiedCount,
  type Invitee,
} from '#shared/domain/meetings/index';
import { NOTIFICATION_METHODS, type NotificationMethod } from '#shared/domain/vocab';
import type { MeetingDoc } from '#shared/schema/index';
import { useDatabase } from '../../../db/DatabaseContext';
import { navigate } from '../../../kit/router';
import { formatShortDateTime } from '../../../kit/beijing-time';
import { notifyInvitee, withdrawNotice } from '../actions';
import { useInvitees } from '../use-invitees';
import { useWho } from '../use-who';
import '../strings-papers';

const OPEN = ['draft', 'noticed'];

/**
 * 邀请与通知: every invited person and party, what they are invited for, and who was told when
 * and how. 已通知 counts exactly the recorded notifications, nothing else.
 */
export function InvitationsPanel({ meeting }: { meeting: MeetingDoc }) {
  const { t } = useTranslation('meetings');
  const invitees = useInvitees(meeting);
  const { notified, total } = notifiedCount(meeting, invitees);
  return (
    <Paper variant="outlined" sx={{ p: 2 }} data-testid="invitations">
      <Stack spacing={1.5}>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'baseline', flexWrap: 'wrap' }}>
          <Typography variant="h2" sx={{ flexGrow: 1 }}>
            {t('invites.title')}
          </Typography>
          <Typography sx={{ fontWeight: 700 }} data-testid="notified-count">
            {t('invites.count', { notified, total })}
          </Typography>
        </Stack>
        <Typography color="text.secondary">
          {OPEN.includes(meeting.status) ? t('invites.explain') : t('invites.closed')}
        </Typography>
        {invitees.length === 0 && <Typography color="text.secondary">{t('papers.noInvitees')}</Typography>}
        <Stack spacing={1} sx={{ maxHeight: 520, overflowY: 'auto' }}>
          {invitees.map((invitee) => (
            <InviteeRow
              key={invitee.key}
              meeting={meeting}
              invitee={invitee}
              invitees={invitees}
              open={OPEN.includes(meeting.status)}
            />
          ))}
        </Stack>
      </Stack>
    </Paper>
  );
}

function InviteeRow({
  meeting,
  invitee,
  invitees,
  open,
}: {
  meeting: MeetingDoc;
  invitee: Invitee;
  invitees: readonly Invitee[];
  open: boolean;
}) {
  const { t } = useTranslation('meetings');
  const db = useDatabase();
  const who = useWho();
  const [method, setMethod] = useState<NotificationMethod>(invitee.kind === 'person' ? 'phone' : 'visit');
  const [refusal, setRefusal] = useState<string | null>(null);
  const told = notificationsOf(meeting, invitee);
  const record = async () => {
    const outcome = await notifyInvitee(db, who, meeting.id, invitees, { invitee, method });
    setRefusal(outcome.ok ? null : outcome.message);
  };
  const withdraw = async (notificationId: string) => {
    const outcome = await withdrawNotice(db, who, meeting.id, notificationId);
    setRefusal(outcome.ok ? null : outcome.message);
  };
  return (
    <Stack
      spacing={0.5}
      sx={{ borderBottom: 1, borderColor: 'divider', pb: 1 }}
      data-testid="invitee"
      data-notified={told.length > 0 ? 'yes' : 'no'}
    >
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <Typography sx={{ fontWeight: 700, minWidth: 120 }}>{invitee.name}</Typography>
        <Typography color="text.secondary">{invitee.label}</Typography>
        <Typography color="text.secondary" sx={{ flexGrow: 1 }}>
          {invitee.items.length > 0
            ? t('invites.forItems', { items: invitee.items.join('、') })
            : t('invites.wholeMeeting')}
        </Typography>
        {told.length === 0 && <Chip label={t('invites.notYet')} variant="outlined" />}
        {told.map((n) => (
          <Chip
            key={n.notificationId}
            color="success"
            label={t('invites.told', {
              method: NOTIFICATION_METHOD_LABELS[n.method],
              at: formatShortDateTime(n.at),
            })}
            title={open ? t('invites.withdraw') : undefined}
            {...(open ? { onDelete: () => void withdraw(n.notificationId) } : {})}
          />
        ))}
      </Stack>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <TextField
          select
          size="small"
          label={t('invites.method')}
          value={method}
          disabled={!open}
          onChange={(e) => setMethod(e.target.value as NotificationMethod)}
          sx={{ width: 130 }}
        >
          {NOTIFICATION_METHODS.map((m) => (
            <MenuItem key={m} value={m}>
              {NOTIFICATION_METHOD_LABELS[m]}
            </MenuItem>
          ))}
        </TextField>
        <Button variant="outlined" disabled={!open} onClick={() => void record()}>
          {t('invites.record')}
        </Button>
        <Button
          onClick={() =>
            navigate(`/meetings/${meeting.id}/print/invitation?to=${encodeURIComponent(invitee.key)}`)
          }
        >
          {t('invites.print')}
        </Button>
      </Stack>
      {refusal && (
        <Alert severity="error" role="alert">
          {refusal}
        </Alert>
      )}
    </Stack>
  );
}
