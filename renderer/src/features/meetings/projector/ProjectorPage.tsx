import { useEffect, useMemo, useState } from 'react';
import { Box, Button, Stack, Typography } from '@mui/material';
import FullscreenIcon from '@mui/icons-material/Fullscreen';
import FullscreenExitIcon from '@mui/icons-material/FullscreenExit';
import { useTranslation } from 'react-i18next';
import { liveState, projectorView, type Countdown } from '#shared/domain/meetings/index';
import { parseRoute, useRoute } from '../../../kit/router';
import { useClock, useMeeting, useMeetingRecords, useSpeakerLimit } from '../use-meeting';
import { Title } from '../print/Title';
import { AgendaList, NextSpeakers } from './ProjectorSide';
import { VoteBoard } from './VoteBoard';
import { BG, DIM, FG, OVER, size } from './projector-style';
import '../strings';
import '../strings-papers';

/**
 * 投影屏 (#/projector/meeting/<id>), shown without the app frame in a second window or tab: the
 * current item and its countdown, the speaker and theirs, who speaks next, the agenda, the vote
 * as it is counted and its result with the motion. It reads the same database as the console, so
 * it follows every record live. Sizes are set for a 1080p screen read from 8 m: nothing under 40 px.
 */
export function ProjectorPage() {
  const { segments } = parseRoute(useRoute());
  const id = segments[2] ?? '';
  return <Projector id={id} />;
}

function useFullscreen(): [boolean, () => void] {
  const [on, setOn] = useState(() => document.fullscreenElement !== null);
  useEffect(() => {
    const onChange = () => setOn(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);
  const toggle = () =>
    void (
      document.fullscreenElement ? document.exitFullscreen() : document.documentElement.requestFullscreen()
    ).catch(() => undefined);
  return [on, toggle];
}

function Projector({ id }: { id: string }) {
  const { t } = useTranslation('meetings');
  const meeting = useMeeting(id);
  const records = useMeetingRecords(id);
  const now = useClock();
  const [limit] = useSpeakerLimit(id);
  const [fullscreen, toggleFullscreen] = useFullscreen();
  const live = useMemo(() => (meeting ? liveState(meeting, records) : null), [meeting, records]);
  if (meeting === undefined) return <Box sx={{ minHeight: '100vh', bgcolor: BG }} />;
  if (meeting === null || !live)
    return (
      <Box sx={{ minHeight: '100vh', bgcolor: BG, color: FG, p: 6 }}>
        <Typography sx={size(64)}>{t('projector.notFound')}</Typography>
      </Box>
    );
  const view = projectorView(meeting, live, now, limit * 60);
  return (
    <Box
      sx={{
        minHeight: '100vh',
        bgcolor: BG,
        color: FG,
        px: size(48).fontSize,
        py: size(28).fontSize,
        boxSizing: 'border-box',
        display: 'flex',
        flexDirection: 'column',
        gap: size(24).fontSize,
      }}
      data-testid="projector"
    >
      <Stack direction="row" sx={{ alignItems: 'center', gap: 4 }}>
        <Typography sx={{ ...size(52), fontWeight: 700, flexGrow: 1 }}>{meeting.title}</Typography>
        <Typography
          sx={{ ...size(44), color: live.quorum.reached ? '#7bd389' : OVER, fontWeight: 700 }}
          data-testid="projector-quorum"
        >
          {t('projector.present')} {live.quorum.present} / {t('projector.entitled')} {live.quorum.entitled}
          {' · '}
          {live.quorum.reached ? t('console.quorumReached') : t('console.quorumMissing')}
        </Typography>
        <Button
          onClick={toggleFullscreen}
          variant="outlined"
          startIcon={fullscreen ? <FullscreenExitIcon /> : <FullscreenIcon />}
          sx={{ color: DIM, borderColor: DIM, fontSize: '1.1rem', flexShrink: 0 }}
          data-testid="projector-fullscreen"
        >
          {fullscreen ? t('projector.exitFullscreen') : t('projector.fullscreen')}
        </Button>
      </Stack>
      <Box
        sx={{
          display: 'grid',
          gridTemplateColumns: 'minmax(0, 1.75fr) minmax(0, 1fr)',
          gap: size(56).fontSize,
          flexGrow: 1,
          alignItems: 'start',
        }}
      >
        <Stack sx={{ gap: size(28).fontSize, minWidth: 0 }}>
          <Box sx={{ borderTop: `3px solid ${DIM}`, pt: 2 }}>
            <Typography sx={{ ...size(40), color: DIM }}>{t('projector.current')}</Typography>
            {view.item ? (
              <Timed
                label={t('projector.itemTime')}
                text={`${view.item.number}. ${view.item.title}`}
                clock={view.item.clock}
                textSize={68}
                testId="projector-item"
              />
            ) : (
              <Typography sx={size(64)}>
                {meeting.status === 'inProgress' ? t('console.noItem') : t('projector.waiting')}
              </Typography>
            )}
          </Box>
          {view.speech && (
            <Timed
              label={t('projector.speechTime')}
              text={`${t('projector.speaker')}：${view.speech.name}`}
              clock={view.speech.clock}
              textSize={60}
              testId="projector-speaker"
            />
          )}
          {view.vote && <VoteBoard vote={view.vote} />}
        </Stack>
        <Stack sx={{ gap: size(36).fontSize, minWidth: 0 }}>
          <NextSpeakers next={view.next} />
          <AgendaList rows={view.agenda} />
        </Stack>
      </Box>
    </Box>
  );
}

/** A line with its countdown: over time it turns red and says 超时 in words. */
function Timed({
  label,
  text,
  clock,
  textSize,
  testId,
}: {
  label: string;
  text: string;
  clock: Countdown;
  textSize: number;
  testId: string;
}) {
  return (
    <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', gap: 4 }}>
      <Typography sx={{ ...size(textSize), fontWeight: 700, minWidth: 0 }} data-testid={testId}>
        <Title text={text} />
      </Typography>
      <Stack
        sx={{ alignItems: 'flex-end', flexShrink: 0 }}
        data-testid={`${testId}-clock`}
        data-overrun={clock.overrun ? 'yes' : 'no'}
      >
        <Typography sx={{ ...size(40), color: clock.overrun ? OVER : DIM }}>{label}</Typography>
        <Typography
          sx={{
            ...size(96),
            fontWeight: 800,
            fontVariantNumeric: 'tabular-nums',
            color: clock.overrun ? OVER : FG,
            whiteSpace: 'nowrap',
          }}
        >
          {clock.text}
        </Typography>
      </Stack>
    </Stack>
  );
}
