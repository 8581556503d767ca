import { Box } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { useTranslation } from 'react-i18next';
import type { ProjectFunds } from '#shared/domain/reports/index';
import { CHART_SX, PALETTE, TICK_STYLE } from './chart-style';
import { useDrill } from './drill';
import { FigureTable } from './FigureTable';
import { tenThousandYuan } from './format';
import { Panel } from './Panel';
import type { Section } from './report-sections';
import './strings';

/** 微实事 budgets and spending per fund source, in 万元. */
export function FundsPanel({ funds, table }: { funds: ProjectFunds; table: Section }) {
  const { t } = useTranslation('reports');
  const drill = useDrill();
  const sources = funds.bySource;
  const names = sources.map((s) => t(`fundSources.${s.source}`));
  return (
    <Panel title={t('charts.funds')} testId="panel-funds">
      <Box sx={CHART_SX}>
        <BarChart
          height={300}
          xAxis={[{ scaleType: 'band', data: names, tickLabelStyle: { ...TICK_STYLE, fontSize: 14 } }]}
          yAxis={[{ tickLabelStyle: TICK_STYLE, width: 52 }]}
          series={[
            {
              id: 'budget',
              label: t('charts.budget'),
              data: sources.map((s) => tenThousandYuan(s.figures.budgetFen.value)),
              color: PALETTE[0],
            },
            {
              id: 'spent',
              label: t('charts.spent'),
              data: sources.map((s) => tenThousandYuan(s.figures.spentFen.value)),
              color: PALETTE[2],
            },
          ]}
          onItemClick={(_, item) => {
            const source = sources[item.dataIndex];
            if (!source) return;
            const spent = item.seriesId === 'spent';
            drill(
              `${names[item.dataIndex] ?? ''} ${spent ? t('charts.spent') : t('charts.budget')}`,
              spent ? source.figures.spentFen : source.figures.budgetFen,
            );
          }}
        />
      </Box>
      <FigureTable section={table} dense />
    </Panel>
  );
}
