import { useMemo } from 'react';
import { Box, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { liveState, secondsBetween, totalsByOrigin, type VoteView } from '#shared/domain/meetings/index';
import { parseRoute, useRoute } from '../../../app/router';
import { clockText, useClock, useMeeting, useMeetingRecords, useSpeakerLimit } from '../use-meeting';
import '../strings';

const FG = '#fdfbf7';
const DIM = '#c9c2b8';
const big = (vw: number) => ({
  fontSize: `clamp(${vw * 0.5}rem, ${vw}vw, ${vw * 1.6}rem)`,
  lineHeight: 1.25,
});

/**
 * 投影屏 (#/projector/meeting/<id>), shown without the app frame in a second window or tab: the
 * current item and its timer, the speaker and their time, the vote as it is counted and its result.
 * It reads the same database as the console, so it follows every record live.
 */
export function ProjectorPage() {
  const { segments } = parseRoute(useRoute());
  const id = segments[2] ?? '';
  return <Projector id={id} />;
}

function Projector({ id }: { id: string }) {
  const { t } = useTranslation('meetings');
  const meeting = useMeeting(id);
  const records = useMeetingRecords(id);
  const now = useClock();
  const [limit] = useSpeakerLimit(id);
  const live = useMemo(() => (meeting ? liveState(meeting, records) : null), [meeting, records]);
  if (meeting === undefined) return <Box sx={{ minHeight: '100vh', bgcolor: '#1d1b19' }} />;
  if (meeting === null || !live)
    return (
      <Box sx={{ minHeight: '100vh', bgcolor: '#1d1b19', color: FG, p: 6 }}>
        <Typography sx={big(3)}>{t('projector.notFound')}</Typography>
      </Box>
    );
  const item = live.currentItem;
  const index = item ? meeting.agenda.findIndex((a) => a.itemId === item.itemId) + 1 : 0;
  const elapsed = item ? secondsBetween(item.startedAt, now) : 0;
  const speaking = live.speaking;
  const spoken = speaking?.startedAt ? secondsBetween(speaking.startedAt, now) : 0;
  const vote =
    live.votes.find((v) => !v.closed) ?? live.votes.filter((v) => v.agendaItemId === item?.itemId).at(-1);
  return (
    <Box
      sx={{ minHeight: '100vh', bgcolor: '#1d1b19', color: FG, p: { xs: 3, md: 5 }, boxSizing: 'border-box' }}
      data-testid="projector"
    >
      <Stack spacing={4}>
        <Stack
          direction="row"
          sx={{ justifyContent: 'space-between', alignItems: 'baseline', gap: 4, flexWrap: 'wrap' }}
        >
          <Typography sx={{ ...big(2.6), fontWeight: 700 }}>{meeting.title}</Typography>
          <Typography
            sx={{ ...big(2), color: live.quorum.reached ? '#7bd389' : '#ff8a80', fontWeight: 700 }}
            data-testid="projector-quorum"
          >
            {t('projector.present')} {live.quorum.present} / {t('projector.entitled')} {live.quorum.entitled}
            {' · '}
            {live.quorum.reached ? t('console.quorumReached') : t('console.quorumMissing')}
          </Typography>
        </Stack>
        <Box sx={{ borderTop: `2px solid ${DIM}`, pt: 3 }}>
          <Typography sx={{ ...big(1.8), color: DIM }}>{t('projector.current')}</Typography>
          {item ? (
            <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'baseline', gap: 4 }}>
              <Typography sx={{ ...big(4.2), fontWeight: 700 }} data-testid="projector-item">
                {index}. {item.title}
              </Typography>
              <Typography
                sx={{
                  ...big(4.2),
                  fontWeight: 700,
                  fontVariantNumeric: 'tabular-nums',
                  color: elapsed > item.minutes * 60 ? '#ff8a80' : FG,
                }}
              >
                {clockText(elapsed)}
              </Typography>
            </Stack>
          ) : (
            <Typography sx={{ ...big(3.5) }}>
              {meeting.status === 'inProgress' ? t('console.noItem') : t('projector.waiting')}
            </Typography>
          )}
        </Box>
        {speaking && (
          <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'baseline', gap: 4 }}>
            <Typography sx={{ ...big(3.4) }} data-testid="projector-speaker">
              {t('projector.speaker')}：{speaking.name}
            </Typography>
            <Typography
              sx={{
                ...big(3.4),
                fontVariantNumeric: 'tabular-nums',
                color: spoken > limit * 60 ? '#ff8a80' : FG,
              }}
            >
              {clockText(spoken)} / {clockText(limit * 60)}
            </Typography>
          </Stack>
        )}
        {vote && <VoteBoard vote={vote} />}
      </Stack>
    </Box>
  );
}

function VoteBoard({ vote }: { vote: VoteView }) {
  const { t } = useTranslation('meetings');
  const totals = totalsByOrigin(vote.counts);
  const sum = (key: 'yes' | 'no' | 'abstain') => totals.hall[key] + totals.paper[key] + totals.proxy[key];
  const passed = vote.closed?.passed;
  return (
    <Box
      sx={{
        border: `3px solid ${vote.closed ? (passed ? '#7bd389' : '#ff8a80') : DIM}`,
        borderRadius: 3,
        p: 3,
      }}
      data-testid="projector-vote"
    >
      <Typography sx={{ ...big(2.2), color: DIM }}>
        {t('projector.vote')}（{t(`rules.${vote.rule}`)}）{vote.closed ? '' : ` · ${t('projector.counting')}`}
      </Typography>
      <Typography sx={{ ...big(3), fontWeight: 700, mb: 2 }}>{vote.motion}</Typography>
      <Stack direction="row" sx={{ gap: 6, flexWrap: 'wrap', alignItems: 'baseline' }}>
        {(['yes', 'no', 'abstain'] as const).map((key) => (
          <Typography key={key} sx={{ ...big(3.6), fontVariantNumeric: 'tabular-nums' }}>
            {t(`console.${key}`)} <b>{sum(key)}</b>
          </Typography>
        ))}
        {vote.closed && (
          <Typography
            sx={{ ...big(5), fontWeight: 800, color: passed ? '#7bd389' : '#ff8a80' }}
            data-testid="projector-result"
          >
            {passed ? t('console.passed') : t('console.failed')}
          </Typography>
        )}
      </Stack>
      <Typography sx={{ ...big(1.7), color: DIM, mt: 1 }}>
        {(['hall', 'paper', 'proxy'] as const)
          .filter((o) => totals[o].yes + totals[o].no + totals[o].abstain > 0)
          .map((o) => `${t(`origins.${o}`)} ${totals[o].yes}/${totals[o].no}/${totals[o].abstain}`)
          .join('　')}
      </Typography>
      {vote.closed && <Typography sx={{ ...big(1.8), mt: 1 }}>{vote.closed.reason}</Typography>}
    </Box>
  );
}
