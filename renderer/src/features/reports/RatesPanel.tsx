import { Box } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { useTranslation } from 'react-i18next';
import type { RatesSideBySide } from '#shared/domain/reports/index';
import { CHART_SX, PALETTE, TICK_STYLE } from './chart-style';
import { useDrill } from './drill';
import { FigureTable } from './FigureTable';
import { percent } from './format';
import { Panel } from './Panel';
import type { Section } from './report-sections';
import './strings';

const RATES = [
  { id: 'responseRate', numerator: 'respondedInTime', label: 'table.respondedInTime' },
  { id: 'resolutionRate', numerator: 'resolved', label: 'table.resolved' },
  { id: 'satisfactionRate', numerator: 'satisfiedOrBasically', label: 'table.satisfied' },
] as const;

/** 三率 of each child place side by side; a bar opens the records of its numerator. */
export function RatesPanel({
  rates,
  table,
  childKind,
  placeName,
  scope,
}: {
  rates: RatesSideBySide;
  table: Section;
  childKind: string;
  placeName: (scope: string) => string;
  scope: string;
}) {
  const { t } = useTranslation('reports');
  const drill = useDrill();
  const rows = rates.rows;
  const names = rows.map((r) =>
    r.scope === scope ? t('charts.ratesOwn', { name: placeName(r.scope) }) : placeName(r.scope),
  );
  return (
    <Panel title={t('charts.rates', { kind: childKind })} testId="panel-rates">
      <Box sx={CHART_SX}>
        <BarChart
          height={360}
          xAxis={[{ scaleType: 'band', data: names, tickLabelStyle: { ...TICK_STYLE, fontSize: 14 } }]}
          yAxis={[
            {
              min: 0,
              max: 100,
              tickLabelStyle: TICK_STYLE,
              valueFormatter: (v: number) => `${v}%`,
              width: 52,
            },
          ]}
          series={RATES.map((rate, k) => ({
            id: rate.id,
            label: t(`table.${rate.id}`),
            data: rows.map((r) =>
              r.report[rate.id] === null ? null : Math.round((r.report[rate.id] ?? 0) * 1000) / 10,
            ),
            valueFormatter: (v: number | null) => (v === null ? '—' : percent(v / 100)),
            color: PALETTE[k],
          }))}
          onItemClick={(_, item) => {
            const row = rows[item.dataIndex];
            const rate = RATES.find((r) => r.id === item.seriesId);
            if (row && rate) drill(`${names[item.dataIndex] ?? ''} ${t(rate.label)}`, row[rate.numerator]);
          }}
        />
      </Box>
      <FigureTable section={table} dense />
    </Panel>
  );
}
