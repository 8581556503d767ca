import { useState } from 'react';
import { Autocomplete, Button, Paper, Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { chineseDuration, secondsBetween, type LiveState } from '#shared/domain/meetings/index';
import type { MeetingDoc } from '#shared/schema/index';
import { clockText, useClock, useSpeakerLimit } from '../use-meeting';
import { RefusalNote } from './refusal';
import type { ConsoleRun } from './use-console';
import { NumberField } from '../../../kit/NumberField';

/** 发言队列 with a time limit per speaker; the projector shows the same speaker and clock. */
export function SpeakersPanel({
  meeting,
  live,
  run,
}: {
  meeting: MeetingDoc;
  live: LiveState;
  run: ConsoleRun;
}) {
  const { t } = useTranslation('meetings');
  const now = useClock();
  const [limit, setLimit] = useSpeakerLimit(meeting.id);
  const [name, setName] = useState('');
  const [summary, setSummary] = useState('');
  const present = new Set([...live.attendance.presentInPerson, ...live.attendance.observers]);
  const options = meeting.roster.filter((r) => present.has(r.personId)).map((r) => r.name);
  const speaking = live.speaking;
  const elapsed = speaking?.startedAt ? secondsBetween(speaking.startedAt, now) : 0;
  const queued = live.speakers.filter((s) => s.state === 'queued');
  const done = live.speakers.filter((s) => s.state === 'done' && s.agendaItemId === live.currentItem?.itemId);

  const queue = async () => {
    const person = meeting.roster.find((r) => r.name === name.trim());
    const ok = await run({ type: 'queueSpeaker', name, ...(person ? { personId: person.personId } : {}) });
    if (ok) setName('');
  };

  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Stack spacing={1.5}>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
          <Typography variant="h2">{t('console.speakers')}</Typography>
          <NumberField
            label={t('console.limit')}
            value={limit}
            min={1}
            max={60}
            onChange={setLimit}
            sx={{ width: 180 }}
          />
        </Stack>
        {speaking ? (
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
            <Typography sx={{ fontSize: '1.5rem', fontWeight: 700 }} data-testid="speaking">
              {t('console.speaking')}：{speaking.name}
            </Typography>
            <Typography
              sx={{
                fontSize: '2rem',
                fontWeight: 700,
                fontVariantNumeric: 'tabular-nums',
                color: elapsed > limit * 60 ? 'error.main' : 'text.primary',
              }}
            >
              {clockText(elapsed)} / {clockText(limit * 60)}
            </Typography>
            <TextField
              label={t('console.summary')}
              value={summary}
              onChange={(e) => setSummary(e.target.value)}
              sx={{ flex: '1 1 240px' }}
            />
            <Button
              variant="contained"
              onClick={() =>
                void run({ type: 'endSpeaker', entryId: speaking.entryId, text: summary }).then(
                  (ok) => ok && setSummary(''),
                )
              }
              data-testid="end-speech"
            >
              {t('console.endSpeech')}
            </Button>
          </Stack>
        ) : (
          <Typography color="text.secondary">{t('console.noSpeaker')}</Typography>
        )}
        <Stack direction="row" spacing={1}>
          <Autocomplete
            freeSolo
            options={options}
            inputValue={name}
            onInputChange={(_, value) => setName(value)}
            sx={{ flexGrow: 1 }}
            renderInput={(params) => (
              <TextField
                {...params}
                label={t('console.speakerName')}
                slotProps={{
                  ...params.slotProps,
                  htmlInput: { ...params.slotProps.htmlInput, 'data-testid': 'speaker-name' },
                }}
              />
            )}
          />
          <Button
            variant="outlined"
            onClick={() => void queue()}
            sx={{ flexShrink: 0 }}
            data-testid="speaker-queue"
          >
            {t('console.queue')}
          </Button>
        </Stack>
        <RefusalNote at="speakers" />
        {queued.map((s, i) => (
          <Stack key={s.entryId} direction="row" spacing={2} sx={{ alignItems: 'center' }}>
            <Typography sx={{ fontSize: '1.2rem', flexGrow: 1 }}>
              {i + 1}. {s.name}
            </Typography>
            <Button
              variant="contained"
              onClick={() => void run({ type: 'startSpeaker', entryId: s.entryId })}
              data-testid={`speak-${i + 1}`}
            >
              {t('console.speak')}
            </Button>
            <Button onClick={() => void run({ type: 'void', recordId: s.entryId }, 'speakers')}>
              {t('console.undo')}
            </Button>
          </Stack>
        ))}
        {done.length > 0 && (
          <Typography color="text.secondary">
            {done.map((s) => `${s.name}（${chineseDuration(s.durationSeconds ?? 0)}）`).join('、')}
          </Typography>
        )}
      </Stack>
    </Paper>
  );
}
