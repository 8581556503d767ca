import { useMemo, useState } from 'react';
import { Alert, Box, Button, Stack } from '@mui/material';
import CastIcon from '@mui/icons-material/Cast';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import StopIcon from '@mui/icons-material/Stop';
import { useTranslation } from 'react-i18next';
import { liveState } from '#shared/domain/meetings/index';
import type { MeetingDoc, MeetingRecordDoc } from '#shared/schema/index';
import { useDatabase } from '../../../app/DatabaseContext';
import { platform } from '../../../platform';
import { stepMeeting } from '../actions';
import { useWho } from '../use-who';
import { AgendaPanel } from './AgendaPanel';
import { DecisionPanel } from './DecisionPanel';
import { QuorumBar } from './QuorumBar';
import { SignInPanel } from './SignInPanel';
import { SpeakersPanel } from './SpeakersPanel';
import { VotePanel } from './VotePanel';
import { useConsole } from './use-console';

/** 会议现场: the chair's or recorder's console at the hall PC, made for touch and large type. */
export function ConsoleView({ meeting, records }: { meeting: MeetingDoc; records: MeetingRecordDoc[] }) {
  const { t } = useTranslation('meetings');
  const db = useDatabase();
  const who = useWho();
  const live = useMemo(() => liveState(meeting, records), [meeting, records]);
  const { run, refusal, clearRefusal } = useConsole(meeting, records);
  const [stepError, setStepError] = useState<string | null>(null);
  const step = async (event: 'start' | 'adjourn') => {
    const outcome = await stepMeeting(db, who, meeting, event);
    setStepError(outcome.ok ? null : outcome.message);
  };
  const message = refusal ?? stepError;

  return (
    <Stack spacing={2} data-testid="console">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'stretch', flexWrap: 'wrap', rowGap: 2 }}>
        <QuorumBar meeting={meeting} live={live} />
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
          {(meeting.status === 'noticed' || meeting.status === 'draft') && (
            <Button
              variant="contained"
              size="large"
              startIcon={<PlayArrowIcon />}
              onClick={() => void step('start')}
              sx={{ minHeight: 64, fontSize: '1.25rem' }}
            >
              {t('console.start')}
            </Button>
          )}
          {meeting.status === 'inProgress' && (
            <Button
              variant="outlined"
              size="large"
              startIcon={<StopIcon />}
              onClick={() => void step('adjourn')}
              sx={{ minHeight: 64, fontSize: '1.25rem' }}
            >
              {t('console.adjourn')}
            </Button>
          )}
          <Button
            variant="outlined"
            size="large"
            startIcon={<CastIcon />}
            onClick={() => platform.openProjector(`/projector/meeting/${meeting.id}`)}
            sx={{ minHeight: 64, fontSize: '1.25rem' }}
            data-testid="open-projector"
          >
            {t('console.projector')}
          </Button>
        </Stack>
      </Stack>
      {message && (
        <Alert
          severity="warning"
          onClose={() => (clearRefusal(), setStepError(null))}
          data-testid="console-refusal"
          sx={{ fontSize: '1.15rem' }}
        >
          {message}
        </Alert>
      )}
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
  );
}
