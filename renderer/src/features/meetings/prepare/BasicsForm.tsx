import { dataKey } from '../../../kit/i18n';
import { MenuItem, Paper, Stack, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { VOTE_BASES, VOTE_RULES, type VoteBase, type VoteRule } from '#shared/domain/vocab';
import type { MeetingDoc } from '#shared/schema/index';
import { DateTimeField } from '../../../kit/DateTimeField';
import { NumberField } from '../../../kit/NumberField';
import { useVenues } from '../use-reference';

const QUORUMS = ['1/2', '2/3', '3/4'];

export function BasicsForm({
  meeting,
  disabled,
  onChange,
}: {
  meeting: MeetingDoc;
  disabled: boolean;
  onChange: (patch: Partial<MeetingDoc>) => void;
}) {
  const { t } = useTranslation('meetings');
  const venues = useVenues(meeting.scope);
  const quorum = `${meeting.quorumNumerator}/${meeting.quorumDenominator}`;
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Stack spacing={2}>
        <TextField
          label={t('prepare.title')}
          value={meeting.title}
          disabled={disabled}
          onChange={(e) => onChange({ title: e.target.value })}
        />
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
          <TextField
            select
            label={t('prepare.venue')}
            value={meeting.venueId ?? ''}
            disabled={disabled}
            onChange={(e) => onChange({ venueId: e.target.value })}
          >
            {venues.map((v) => (
              <MenuItem key={v.id} value={v.id}>
                {v.name}
              </MenuItem>
            ))}
          </TextField>
          <DateTimeField
            label={t('prepare.startsAt')}
            value={meeting.startsAt}
            disabled={disabled}
            // An incomplete entry is not a time yet; the stored one stays until it is.
            onChange={(startsAt) => startsAt && onChange({ startsAt })}
            testId="prepare-starts-at"
          />
          <NumberField
            label={t('prepare.duration')}
            value={meeting.durationMinutes}
            min={1}
            max={720}
            disabled={disabled}
            onChange={(durationMinutes) => onChange({ durationMinutes })}
          />
        </Stack>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
          <TextField
            select
            label={t('prepare.quorum')}
            value={QUORUMS.includes(quorum) ? quorum : '2/3'}
            disabled={disabled}
            onChange={(e) => {
              const [n, d] = e.target.value.split('/').map(Number);
              onChange({ quorumNumerator: n ?? 2, quorumDenominator: d ?? 3 });
            }}
          >
            {QUORUMS.map((q) => (
              <MenuItem key={q} value={q}>
                {t(dataKey<'meetings'>(`quorums.${q}`))}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            label={t('prepare.rule')}
            value={meeting.defaultRule}
            disabled={disabled}
            onChange={(e) => onChange({ defaultRule: e.target.value as VoteRule })}
          >
            {VOTE_RULES.map((r) => (
              <MenuItem key={r} value={r}>
                {t(`rules.${r}`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            label={t('prepare.base')}
            value={meeting.defaultBase}
            disabled={disabled}
            onChange={(e) => onChange({ defaultBase: e.target.value as VoteBase })}
          >
            {VOTE_BASES.map((b) => (
              <MenuItem key={b} value={b}>
                {t(`bases.${b}`)}
              </MenuItem>
            ))}
          </TextField>
          <NumberField
            label={t('prepare.proxyLimit')}
            value={meeting.proxyLimit}
            min={0}
            max={10}
            disabled={disabled}
            onChange={(proxyLimit) => onChange({ proxyLimit })}
          />
        </Stack>
      </Stack>
    </Paper>
  );
}
