import { Button, Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { chineseDuration, secondsBetween, type LiveState } from '#shared/domain/meetings/index';
import type { MeetingDoc } from '#shared/schema/index';
import { clockText, useClock } from '../use-meeting';
import { RefusalNote } from './refusal';
import type { ConsoleRun } from './use-console';

/** 议程计时: start an item (the previous one ends), see its elapsed time against the plan. */
export function AgendaPanel({
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
  const current = live.currentItem;
  const elapsed = current ? secondsBetween(current.startedAt, now) : 0;
  const over = current !== undefined && elapsed > current.minutes * 60;
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Stack spacing={1.5}>
        <Stack direction="row" sx={{ alignItems: 'baseline', justifyContent: 'space-between' }}>
          <Typography variant="h2">{t('console.agenda')}</Typography>
          <Typography
            sx={{
              fontSize: '2.4rem',
              fontWeight: 700,
              fontVariantNumeric: 'tabular-nums',
              color: over ? 'error.main' : 'text.primary',
            }}
            data-testid="agenda-timer"
          >
            {current ? `${clockText(elapsed)} / ${clockText(current.minutes * 60)}` : t('console.noItem')}
          </Typography>
        </Stack>
        {meeting.agenda.map((item, i) => {
          const timing = live.timings.get(item.itemId);
          const running = current?.itemId === item.itemId;
          return (
            <Stack
              key={item.itemId}
              direction="row"
              spacing={2}
              sx={{
                alignItems: 'center',
                p: 1,
                borderRadius: 1,
                bgcolor: running ? 'rgba(164,22,26,0.08)' : undefined,
              }}
              data-testid={`agenda-${i + 1}`}
            >
              <Typography sx={{ fontSize: '1.2rem', fontWeight: running ? 700 : 400, flexGrow: 1 }}>
                {i + 1}. {item.title}
              </Typography>
              <Typography color="text.secondary" sx={{ flexShrink: 0 }}>
                {timing?.durationSeconds !== undefined
                  ? t('console.took', { time: chineseDuration(timing.durationSeconds) })
                  : t('console.planned', { minutes: item.minutes })}
              </Typography>
              {running ? (
                <Button
                  variant="outlined"
                  onClick={() => void run({ type: 'endItem', itemId: item.itemId })}
                  sx={{ minWidth: 120 }}
                >
                  {t('console.endItem')}
                </Button>
              ) : (
                <Button
                  variant="contained"
                  onClick={() => void run({ type: 'startItem', itemId: item.itemId })}
                  sx={{ minWidth: 120 }}
                  data-testid={`start-item-${i + 1}`}
                >
                  {t('console.startItem')}
                </Button>
              )}
            </Stack>
          );
        })}
        <RefusalNote at="agenda" />
      </Stack>
    </Paper>
  );
}
