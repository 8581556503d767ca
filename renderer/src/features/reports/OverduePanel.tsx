import { Box, Typography } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { useTranslation } from 'react-i18next';
import type { OverdueByParty } from '#shared/domain/reports/index';
import { CHART_SX, PALETTE, TICK_STYLE } from './chart-style';
import { useDrill } from './drill';
import { FigureTable } from './FigureTable';
import { Panel } from './Panel';
import type { Section } from './report-sections';
import './strings';

const SHOWN = 8;

/** 督办: overdue tasks per responsible party, most first. */
export function OverduePanel({ overdue, table }: { overdue: OverdueByParty; table: Section }) {
  const { t } = useTranslation('reports');
  const drill = useDrill();
  const parties = overdue.parties.slice(0, SHOWN);
  const names = parties.map((p) => (p.kind === null ? t('noOpenParty') : p.name));
  return (
    <Panel title={t('charts.overdue')} testId="panel-overdue">
      {overdue.total.value === 0 ? (
        <Typography sx={{ py: 2 }}>{t('charts.noOverdue')}</Typography>
      ) : (
        <Box sx={CHART_SX}>
          <BarChart
            height={Math.max(160, 56 * parties.length + 60)}
            layout="horizontal"
            yAxis={[{ scaleType: 'band', data: names, tickLabelStyle: TICK_STYLE, width: 200 }]}
            xAxis={[{ tickLabelStyle: TICK_STYLE, tickMinStep: 1 }]}
            series={[
              {
                id: 'overdue',
                label: t('table.overdue'),
                data: parties.map((p) => p.overdue.value),
                color: PALETTE[1],
                barLabel: 'value',
              },
            ]}
            hideLegend
            onItemClick={(_, item) => {
              const party = parties[item.dataIndex];
              if (party) drill(`${names[item.dataIndex] ?? ''} ${t('table.overdue')}`, party.overdue);
            }}
          />
        </Box>
      )}
      <FigureTable section={table} dense />
    </Panel>
  );
}
