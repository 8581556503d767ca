import { Paper, Stack, Typography } from '@mui/material';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ErrorIcon from '@mui/icons-material/Error';
import { useTranslation } from 'react-i18next';
import type { LiveState } from '#shared/domain/meetings/index';
import type { MeetingDoc } from '#shared/schema/index';

/** The live quorum indicator: green once enough entitled members are present (in person or by proxy). */
export function QuorumBar({ live }: { meeting: MeetingDoc; live: LiveState }) {
  const { t } = useTranslation('meetings');
  const { quorum } = live;
  const color = quorum.reached ? 'success.main' : 'error.main';
  return (
    <Paper
      variant="outlined"
      sx={{ px: 3, py: 1.5, borderColor: color, borderWidth: 3, flexGrow: 1 }}
      data-testid="quorum"
      data-reached={quorum.reached ? 'yes' : 'no'}
    >
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        {quorum.reached ? (
          <CheckCircleIcon sx={{ color, fontSize: 48 }} />
        ) : (
          <ErrorIcon sx={{ color, fontSize: 48 }} />
        )}
        <Stack>
          <Typography sx={{ fontSize: '1.6rem', fontWeight: 700, color }} data-testid="quorum-status">
            {quorum.reached ? t('console.quorumReached') : t('console.quorumMissing')}
          </Typography>
          <Typography sx={{ fontSize: '1.2rem' }} data-testid="quorum-line">
            {t('console.quorumLine', {
              present: quorum.present,
              entitled: quorum.entitled,
              required: quorum.required,
            })}
          </Typography>
        </Stack>
      </Stack>
    </Paper>
  );
}
