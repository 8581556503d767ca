import { Box, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { totalsByOrigin, type VoteView } from '#shared/domain/meetings/index';
import { Title } from '../print/Title';
import { DIM, OVER, PASS, size } from './projector-style';

/** The vote on the projector: its motion, the counts as they come in, and the result. */
export function VoteBoard({ vote }: { vote: VoteView }) {
  const { t } = useTranslation('meetings');
  const totals = totalsByOrigin(vote.counts);
  const sum = (key: 'yes' | 'no' | 'abstain') => totals.hall[key] + totals.paper[key] + totals.proxy[key];
  const passed = vote.closed?.passed;
  const origins = (['hall', 'paper', 'proxy'] as const).filter(
    (o) => totals[o].yes + totals[o].no + totals[o].abstain > 0,
  );
  return (
    <Box
      sx={{
        border: `4px solid ${vote.closed ? (passed ? PASS : OVER) : DIM}`,
        borderRadius: 3,
        px: 3,
        py: 2,
      }}
      data-testid="projector-vote"
    >
      <Typography sx={{ ...size(40), color: DIM }}>
        {t('projector.vote')}（{t(`rules.${vote.rule}`)}）
        {vote.closed ? ` · ${t('projector.lastResult')}` : ` · ${t('projector.counting')}`}
      </Typography>
      <Typography sx={{ ...size(50), fontWeight: 700, mb: 1 }} data-testid="projector-motion">
        <Title text={`${t('projector.motion')}：${vote.motion ?? ''}`} />
      </Typography>
      <Stack direction="row" sx={{ gap: 5, flexWrap: 'wrap', alignItems: 'baseline' }}>
        {(['yes', 'no', 'abstain'] as const).map((key) => (
          <Typography key={key} sx={{ ...size(56), fontVariantNumeric: 'tabular-nums' }}>
            {t(`console.${key}`)} <b>{sum(key)}</b>
          </Typography>
        ))}
        {vote.closed && (
          <Typography
            sx={{ ...size(84), fontWeight: 800, color: passed ? PASS : OVER }}
            data-testid="projector-result"
          >
            {passed ? t('console.passed') : t('console.failed')}
          </Typography>
        )}
      </Stack>
      {origins.length > 0 && (
        <Typography sx={{ ...size(40), color: DIM }}>
          {origins
            .map((o) => `${t(`origins.${o}`)} ${totals[o].yes}/${totals[o].no}/${totals[o].abstain}`)
            .join('　')}
        </Typography>
      )}
      {vote.closed && <Typography sx={{ ...size(40) }}>{vote.closed.reason}</Typography>}
    </Box>
  );
}
