import { useMemo } from 'react';
import { Box, Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { liveState } from '#shared/domain/meetings/index';
import type { MeetingDoc, MeetingRecordDoc } from '#shared/schema/index';
import { formatDateTime } from '../../../kit/beijing-time';
import { AgendaPanel } from './AgendaPanel';
import { DecisionPanel } from './DecisionPanel';
import { QuorumBar } from './QuorumBar';
import { RefusalContext, RefusalNote } from './refusal';
import { SignInPanel } from './SignInPanel';
import { SpeakersPanel } from './SpeakersPanel';
import { StepButtons } from './StepButtons';
import { VotePanel } from './VotePanel';
import { useConsole } from './use-console';
import '../strings-hall';

/** 会议现场: the chair's or recorder's console at the hall PC, made for touch and large type. */
export function ConsoleView({ meeting, records }: { meeting: MeetingDoc; records: MeetingRecordDoc[] }) {
  const { t } = useTranslation('meetings');
  const live = useMemo(() => liveState(meeting, records), [meeting, records]);
  const { run, refusal, clear, setRefusal } = useConsole(meeting, records);
  const refusalContext = useMemo(() => ({ refusal, clear }), [refusal, clear]);
  const onStepRefused = (message: string | null) =>
    setRefusal((previous) =>
      message === null ? null : { message, at: 'steps', serial: (previous?.serial ?? 0) + 1 },
    );

  return (
    <RefusalContext.Provider value={refusalContext}>
      <Stack spacing={2} data-testid="console">
        {/* The quorum and the current item stay in view while the clerk scrolls the panels. */}
        <Paper
          elevation={3}
          sx={{ position: 'sticky', top: { xs: 56, sm: 64 }, zIndex: 5, p: 1.5 }}
          data-testid="console-sticky"
        >
          <Stack spacing={1}>
            <Stack direction="row" spacing={2} sx={{ alignItems: 'stretch', flexWrap: 'wrap', rowGap: 1 }}>
              <QuorumBar meeting={meeting} live={live} />
              <StepButtons meeting={meeting} records={records} onRefused={onStepRefused} />
            </Stack>
            <Typography sx={{ fontSize: '1.3rem', fontWeight: 700 }} data-testid="console-current-item">
              {live.currentItem
                ? t('hall.currentItem', { title: live.currentItem.title })
                : t('hall.noCurrentItem')}
              {meeting.startedEarly && meeting.startedAt
                ? ` · ${t('hall.startedEarly', { at: formatDateTime(meeting.startedAt) })}`
                : ''}
            </Typography>
            <RefusalNote at="steps" />
          </Stack>
        </Paper>
        <Box
          sx={{
            display: 'grid',
            gap: 2,
            gridTemplateColumns: { xs: '1fr', lg: 'minmax(360px, 5fr) 7fr' },
            alignItems: 'start',
          }}
        >
          <SignInPanel meeting={meeting} records={records} live={live} run={run} />
          <Stack spacing={2}>
            <AgendaPanel meeting={meeting} live={live} run={run} />
            <SpeakersPanel meeting={meeting} live={live} run={run} />
            <VotePanel meeting={meeting} live={live} run={run} />
            <DecisionPanel meeting={meeting} live={live} run={run} />
          </Stack>
        </Box>
      </Stack>
    </RefusalContext.Provider>
  );
}
