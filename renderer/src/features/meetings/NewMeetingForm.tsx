import { useState } from 'react';
import { Alert, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { MEETING_KINDS, type MeetingKind } from '#shared/domain/vocab';
import { useDatabase } from '../../db/DatabaseContext';
import { navigate } from '../../kit/router';
import { useDeviceSettings } from '../../db/SettingsContext';
import { createMeeting } from './actions';
import { useWho } from './use-who';
import { DateTimeField } from '../../kit/DateTimeField';
import { NumberField } from '../../kit/NumberField';
import { useVenues } from './use-reference';
import { ReasonedButton } from '../../kit/ReasonedButton';

/** 新建议事会: kind, title, venue and time; agenda and roster follow on the preparation tab. */
export function NewMeetingForm() {
  const { t } = useTranslation('meetings');
  const db = useDatabase();
  const settings = useDeviceSettings();
  const who = useWho();
  const venues = useVenues(settings.homeScope);
  const [kind, setKind] = useState<MeetingKind>('communityHall');
  const [title, setTitle] = useState('');
  const [venueId, setVenueId] = useState('');
  const [startsAtIso, setStartsAt] = useState<string | undefined>(() =>
    new Date(Date.now() + 2 * 86_400_000).toISOString(),
  );
  const [duration, setDuration] = useState(90);

  const [error, setError] = useState<string | null>(null);
  const create = async () => {
    if (!startsAtIso) return;
    const created = await createMeeting(db, who, {
      kind,
      title,
      ...(venueId ? { venueId } : {}),
      startsAt: startsAtIso,
      durationMinutes: duration,
    });
    if (!created.ok) {
      setError(created.message);
      return;
    }
    navigate(`/meetings/${created.meeting.id}/prepare`);
  };

  return (
    <Paper sx={{ p: 3, maxWidth: 720 }}>
      <Stack spacing={2.5}>
        <Typography variant="h1">{t('list.create')}</Typography>
        <TextField
          select
          label={t('prepare.kind')}
          value={kind}
          onChange={(e) => setKind(e.target.value as MeetingKind)}
          slotProps={{ htmlInput: { 'data-testid': 'new-kind' } }}
        >
          {MEETING_KINDS.map((k) => (
            <MenuItem key={k} value={k}>
              {t(`kinds.${k}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          label={t('prepare.title')}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          slotProps={{ htmlInput: { 'data-testid': 'new-title' } }}
        />
        <TextField
          select
          label={t('prepare.venue')}
          value={venueId}
          onChange={(e) => setVenueId(e.target.value)}
          slotProps={{ htmlInput: { 'data-testid': 'new-venue' } }}
        >
          {venues.map((v) => (
            <MenuItem key={v.id} value={v.id}>
              {v.name}
            </MenuItem>
          ))}
        </TextField>
        <DateTimeField
          label={t('prepare.startsAt')}
          value={startsAtIso}
          onChange={setStartsAt}
          incompleteText={t('prepare.startsAtIncomplete')}
          testId="new-starts-at"
        />
        <NumberField
          label={t('prepare.duration')}
          value={duration}
          min={1}
          max={720}
          onChange={setDuration}
        />
        <ReasonedButton
          variant="contained"
          why={!startsAtIso && t('list.createNeedsStart')}
          onClick={() => void create()}
          data-testid="create-meeting"
        >
          {t('list.create')}
        </ReasonedButton>
        {error && (
          <Alert severity="error" role="alert">
            {error}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
