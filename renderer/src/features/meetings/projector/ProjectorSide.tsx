import { Box, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { AgendaRow, SpeakerEntry } from '#shared/domain/meetings/index';
import { DIM, FG, PASS, size } from './projector-style';

/** 接下来发言: the next two in the queue, in the order they asked. */
export function NextSpeakers({ next }: { next: readonly SpeakerEntry[] }) {
  const { t } = useTranslation('meetings');
  return (
    <Box sx={{ borderTop: `3px solid ${DIM}`, pt: 2 }} data-testid="projector-next">
      <Typography sx={{ ...size(40), color: DIM }}>{t('projector.next')}</Typography>
      {next.length === 0 ? (
        <Typography sx={{ ...size(44), color: DIM }}>{t('projector.noneQueued')}</Typography>
      ) : (
        next.map((s, i) => (
          <Typography key={s.entryId} sx={{ ...size(52), fontWeight: 700 }} data-testid="projector-next-name">
            {i + 1}. {s.name}
          </Typography>
        ))
      )}
    </Box>
  );
}

/** 议程: every item, the current one marked by an arrow and a frame, finished ones ticked. */
export function AgendaList({ rows }: { rows: readonly AgendaRow[] }) {
  const { t } = useTranslation('meetings');
  return (
    <Box sx={{ borderTop: `3px solid ${DIM}`, pt: 2 }} data-testid="projector-agenda">
      <Typography sx={{ ...size(40), color: DIM }}>{t('projector.agenda')}</Typography>
      <Stack sx={{ gap: 1 }}>
        {rows.map((row) => (
          <Stack
            key={row.itemId}
            direction="row"
            sx={{
              gap: 1.5,
              alignItems: 'baseline',
              px: 1.5,
              borderRadius: 2,
              border: `3px solid ${row.state === 'current' ? FG : 'transparent'}`,
              color: row.state === 'pending' ? DIM : row.state === 'done' ? PASS : FG,
            }}
            data-testid="projector-agenda-row"
            data-state={row.state}
          >
            <Typography sx={{ ...size(42), fontWeight: row.state === 'current' ? 800 : 400, flexShrink: 0 }}>
              {row.state === 'current' ? '▶' : row.state === 'done' ? '✓' : ' '} {row.number}.
            </Typography>
            <Typography sx={{ ...size(42), fontWeight: row.state === 'current' ? 800 : 400, minWidth: 0 }}>
              {row.title}
            </Typography>
          </Stack>
        ))}
      </Stack>
    </Box>
  );
}
