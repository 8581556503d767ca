import { Box, Stack } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { LineChart } from '@mui/x-charts/LineChart';
import { PieChart } from '@mui/x-charts/PieChart';
import { useTranslation } from 'react-i18next';
import type { MeetingStats } from '#shared/domain/reports/index';
import { CHART_SX, PALETTE, TICK_STYLE } from './chart-style';
import { useDrill } from './drill';
import { FigureTable } from './FigureTable';
import { monthParts } from './format';
import { Panel } from './Panel';
import type { Section } from './report-sections';
import './strings';

/** 议事会: meetings held and attendances per month, the kinds held, and participation figures. */
export function MeetingsPanel({ meetings, table }: { meetings: MeetingStats; table: Section }) {
  const { t } = useTranslation('reports');
  const drill = useDrill();
  const months = meetings.byMonth.map((m) => `${Number(m.month.slice(5, 7))}月`);
  const monthLabel = (i: number) => t('report.monthLabel', monthParts(meetings.byMonth[i]?.month ?? ''));
  const kinds = meetings.byKind.filter((k) => k.held.value > 0);
  return (
    <Panel title={t('charts.meetings')} testId="panel-meetings">
      <Box sx={CHART_SX}>
        <BarChart
          height={260}
          xAxis={[{ scaleType: 'band', data: months, tickLabelStyle: TICK_STYLE }]}
          yAxis={[{ tickLabelStyle: TICK_STYLE, tickMinStep: 1, width: 40 }]}
          series={[
            {
              id: 'held',
              label: t('charts.meetingsHeld'),
              data: meetings.byMonth.map((m) => m.held.value),
              color: PALETTE[0],
              barLabel: 'value',
            },
          ]}
          onItemClick={(_, item) => {
            const month = meetings.byMonth[item.dataIndex];
            if (month) drill(`${monthLabel(item.dataIndex)} ${t('charts.meetingsHeld')}`, month.held);
          }}
        />
        <LineChart
          height={200}
          xAxis={[{ scaleType: 'point', data: months, tickLabelStyle: TICK_STYLE }]}
          yAxis={[{ tickLabelStyle: TICK_STYLE, width: 40 }]}
          series={[
            {
              id: 'attendees',
              label: t('charts.attendees'),
              data: meetings.byMonth.map((m) => m.attendees.value),
              color: PALETTE[3],
            },
          ]}
          onMarkClick={(_, item) => {
            const month = item.dataIndex === undefined ? undefined : meetings.byMonth[item.dataIndex];
            if (month && item.dataIndex !== undefined)
              drill(`${monthLabel(item.dataIndex)} ${t('charts.attendees')}`, month.attendees);
          }}
        />
      </Box>
      <Stack direction={{ xs: 'column', md: 'row' }} sx={{ gap: 2, alignItems: 'center' }}>
        {kinds.length > 0 && (
          <Box sx={{ ...CHART_SX, width: { xs: '100%', md: '45%' } }}>
            <PieChart
              height={220}
              series={[
                {
                  id: 'kinds',
                  data: kinds.map((k, i) => ({
                    id: k.kind,
                    value: k.held.value,
                    label: t(`meetingKinds.${k.kind}`),
                    color: PALETTE[i % PALETTE.length],
                  })),
                  arcLabel: 'value',
                  innerRadius: 30,
                },
              ]}
              onItemClick={(_, item) => {
                const kind = kinds[item.dataIndex];
                if (kind) drill(t(`meetingKinds.${kind.kind}`), kind.held);
              }}
            />
          </Box>
        )}
        <Box sx={{ flexGrow: 1, width: '100%' }}>
          <FigureTable section={table} dense />
        </Box>
      </Stack>
    </Panel>
  );
}
