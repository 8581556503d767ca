import { useState } from 'react';
import { MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { KIND_DEFAULTS, MEETING_KIND_LABELS } from '#shared/domain/meetings/index';
import { MEETING_KINDS, type MeetingKind } from '#shared/domain/vocab';
import type { MeetingDoc } from '#shared/schema/index';
import { useDatabase } from '../../app/DatabaseContext';
import { navigate } from '../../app/router';
import { useDeviceSettings } from '../../app/SettingsContext';
import { newId, nowIso } from '../../db/ids';
import { audit, created } from '../../db/write';
import { DateTimeField } from '../../kit/DateTimeField';
import { NumberField } from '../../kit/NumberField';
import { useVenues } from './use-reference';
import { ReasonedButton } from '../../kit/ReasonedButton';

/** 新建议事会: kind, title, venue and time; agenda and roster follow on the preparation tab. */
export function NewMeetingForm() {
  const { t } = useTranslation('meetings');
  const db = useDatabase();
  const settings = useDeviceSettings();
  const venues = useVenues(settings.homeScope);
  const [kind, setKind] = useState<MeetingKind>('communityHall');
  const [title, setTitle] = useState('');
  const [venueId, setVenueId] = useState('');
  const [startsAtIso, setStartsAt] = useState<string | undefined>(() =>
    new Date(Date.now() + 2 * 86_400_000).toISOString(),
  );
  const [duration, setDuration] = useState(90);

  const create = async () => {
    if (!startsAtIso) return;
    const id = newId('meeting');
    const at = nowIso();
    const defaults = KIND_DEFAULTS[kind];
    const meeting: MeetingDoc = {
      ...created({ deviceId: settings.deviceId }, settings.homeScope, id, at),
      kind,
      title: title.trim() || `${MEETING_KIND_LABELS[kind]}`,
      ...(venueId ? { venueId } : {}),
      startsAt: startsAtIso,
      durationMinutes: duration,
      status: 'draft',
      agenda: [],
      roster: [],
      quorumNumerator: defaults.quorumNumerator,
      quorumDenominator: defaults.quorumDenominator,
      defaultRule: defaults.defaultRule,
      defaultBase: defaults.defaultBase,
      proxyLimit: defaults.proxyLimit,
    };
    await db.meetings.insert(meeting);
    await audit(db, { deviceId: settings.deviceId }, settings.homeScope, 'meeting.schedule', {
      collection: 'meetings',
      id,
    });
    navigate(`/meetings/${id}/prepare`);
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
      </Stack>
    </Paper>
  );
}
