import { Chip, Link, Paper, Stack, Typography } from '@mui/material';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import RadioButtonUncheckedIcon from '@mui/icons-material/RadioButtonUnchecked';
import DoNotDisturbAltIcon from '@mui/icons-material/DoNotDisturbAlt';
import { useTranslation } from 'react-i18next';
import type { GuideStep } from '#shared/domain/meetings/index';
import { navigate } from '../../../kit/router';

const ICON = {
  done: <CheckCircleIcon color="success" sx={{ fontSize: 36 }} />,
  missing: <RadioButtonUncheckedIcon color="warning" sx={{ fontSize: 36 }} />,
  notApplicable: <DoNotDisturbAltIcon color="disabled" sx={{ fontSize: 36 }} />,
};

/** The five guideline steps with what is done and what is still missing. */
export function GuideSteps({ steps }: { steps: readonly GuideStep[] }) {
  const { t } = useTranslation('meetings');
  return (
    <Stack spacing={1}>
      {steps.map((s, i) => (
        <Paper
          key={s.key}
          variant="outlined"
          sx={{ p: 2 }}
          data-testid={`guide-${s.key}`}
          data-status={s.status}
        >
          <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
            {ICON[s.status]}
            <Stack spacing={0.5} sx={{ flexGrow: 1 }}>
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                <Typography variant="h3">
                  {i + 1}. {s.label}
                </Typography>
                <Chip size="small" label={t(`guide.${s.status}`)} />
              </Stack>
              {s.done.map((d) => (
                <Typography key={d}>✓ {d}</Typography>
              ))}
              {s.missing.map((m) => (
                <Stack key={m} direction="row" spacing={1} sx={{ alignItems: 'baseline', flexWrap: 'wrap' }}>
                  <Typography color="warning.dark" sx={{ fontWeight: 700 }}>
                    ○ {m}
                  </Typography>
                  {/* Each open line leads to the screen where it is put right. */}
                  <Link component="button" type="button" onClick={() => navigate(`/${s.screen}`)}>
                    {t(`guide.fixAt.${s.screen}`)}
                  </Link>
                </Stack>
              ))}
            </Stack>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
