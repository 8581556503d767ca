import { Box, Stack, Typography } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { useTranslation } from 'react-i18next';
import { countOf, type DemandsByCategoryMonth, type Figure } from '#shared/domain/reports/index';
import { CHART_SX, PALETTE, TICK_STYLE } from './chart-style';
import { useDrill } from './drill';
import { FigureButton } from './FigureButton';
import { monthParts } from './format';
import { Panel } from './Panel';
import './strings';

const SHOWN = 5;
const OTHER = 'other-categories';

/** 诉求分类与月度趋势: the five largest categories stacked per month, the rest together. */
export function DemandsPanel({ demands }: { demands: DemandsByCategoryMonth }) {
  const { t } = useTranslation('reports');
  const drill = useDrill();
  const shown = demands.rows.slice(0, SHOWN);
  const rest = demands.rows.slice(SHOWN);
  const restAt = (i: number): Figure =>
    countOf(
      'demands',
      rest.flatMap((r) => r.byMonth[i]?.ids ?? []),
    );
  const months = demands.months.map((m) => `${Number(m.slice(5, 7))}月`);
  const series = [
    ...shown.map((row, k) => ({
      id: row.category,
      label: t(`categories.${row.category}`),
      data: row.byMonth.map((f) => f.value),
      stack: 'month',
      color: PALETTE[k % PALETTE.length],
    })),
    ...(rest.length > 0
      ? [
          {
            id: OTHER,
            label: t('charts.otherCategories'),
            data: demands.months.map((_, i) => restAt(i).value),
            stack: 'month',
            color: PALETTE[6],
          },
        ]
      : []),
  ];
  return (
    <Panel title={t('charts.demands')} testId="panel-demands">
      {demands.total.value === 0 ? (
        <Typography>{t('empty')}</Typography>
      ) : (
        <>
          <Box sx={CHART_SX}>
            <BarChart
              height={340}
              xAxis={[{ scaleType: 'band', data: months, tickLabelStyle: TICK_STYLE }]}
              yAxis={[{ tickLabelStyle: TICK_STYLE, width: 44 }]}
              series={series}
              onItemClick={(_, item) => {
                const i = item.dataIndex;
                const month = demands.months[i] ?? '';
                const label = t('report.monthLabel', monthParts(month));
                if (item.seriesId === OTHER)
                  return drill(`${label} ${t('charts.otherCategories')}`, restAt(i));
                const row = shown.find((r) => r.category === item.seriesId);
                const cell = row?.byMonth[i];
                if (row && cell) drill(`${label} ${t(`categories.${row.category}`)}`, cell);
              }}
            />
          </Box>
          <Stack direction="row" sx={{ flexWrap: 'wrap', columnGap: 2.5, rowGap: 0.5, mt: 1 }}>
            {demands.rows.map((row) => (
              <Stack key={row.category} direction="row" sx={{ alignItems: 'center', gap: 0.5 }}>
                <Typography>{t(`categories.${row.category}`)}</Typography>
                <FigureButton
                  figure={row.total}
                  label={t(`categories.${row.category}`)}
                  testId={`category-${row.category}`}
                />
              </Stack>
            ))}
          </Stack>
        </>
      )}
    </Panel>
  );
}
