import { dataKey } from '../../kit/i18n';
import { Box, Paper, Tooltip, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '#shared/domain/reports/index';
import { FigureButton } from './FigureButton';
import { percent } from './format';
import './strings';

/**
 * The dashboard's big numbers; a rate opens the records of its numerator. Each label explains on
 * hover (or keyboard focus) how the number is counted.
 */
export function Headline({ dashboard: d }: { dashboard: Dashboard }) {
  const { t } = useTranslation('reports');
  const r = d.rates.total;
  const cards = [
    { key: 'received', figure: d.demands.total },
    { key: 'solved', figure: d.demands.solved },
    { key: 'responseRate', figure: r.respondedInTime, text: percent(r.report.responseRate) },
    { key: 'resolutionRate', figure: r.resolved, text: percent(r.report.resolutionRate) },
    { key: 'satisfactionRate', figure: r.satisfiedOrBasically, text: percent(r.report.satisfactionRate) },
    { key: 'meetings', figure: d.meetings.held },
    { key: 'attendees', figure: d.meetings.attendees },
    { key: 'overdue', figure: d.overdue.total },
    { key: 'projects', figure: d.projects.total.micro },
    {
      key: 'spent',
      figure: d.projects.total.spentFen,
      text: Math.round(d.projects.total.spentFen.value / 100).toLocaleString('zh-CN'),
    },
  ];
  return (
    <Box
      sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(190px, 1fr))', gap: 1.5 }}
      data-testid="headline"
    >
      {cards.map((card) => (
        <Paper key={card.key} variant="outlined" sx={{ p: 1.5 }}>
          <Tooltip
            title={t(dataKey<'reports'>(`definitions.${card.key}`), {
              unreachable: r.report.unreachable,
              unsatisfied: r.report.unsatisfied,
            })}
            describeChild
          >
            <Typography
              tabIndex={0}
              data-testid={`definition-${card.key}`}
              sx={{
                color: 'text.secondary',
                fontSize: '1.0625rem',
                textDecoration: 'underline dotted',
                textUnderlineOffset: '4px',
                cursor: 'help',
                width: 'fit-content',
              }}
            >
              {t(dataKey<'reports'>(`headline.${card.key}`))}
            </Typography>
          </Tooltip>
          <FigureButton
            figure={card.figure}
            label={t(dataKey<'reports'>(`headline.${card.key}`))}
            {...(card.text !== undefined ? { text: card.text } : {})}
            size="large"
            testId={`headline-${card.key}`}
          />
        </Paper>
      ))}
    </Box>
  );
}
