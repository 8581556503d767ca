import { Box, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useReportTranslate } from './use-translate';
import type { Dashboard } from '#shared/domain/reports/index';
import { DemandsPanel } from './DemandsPanel';
import { FigureTable } from './FigureTable';
import { FundsPanel } from './FundsPanel';
import { Headline } from './Headline';
import { MeetingsPanel } from './MeetingsPanel';
import { OverduePanel } from './OverduePanel';
import { Panel } from './Panel';
import { RatesPanel } from './RatesPanel';
import { dashboardSections } from './report-sections';
import './strings';

export function DashboardView({
  dashboard,
  placeName,
  childKind,
}: {
  dashboard: Dashboard;
  placeName: (scope: string) => string;
  childKind: string;
}) {
  const { t } = useTranslation('reports');
  const translate = useReportTranslate();
  const sections = dashboardSections(dashboard, translate, placeName);
  return (
    <Stack spacing={2.5} data-testid="dashboard">
      <Typography sx={{ color: 'text.secondary' }}>{t('clickHint')}</Typography>
      <Headline dashboard={dashboard} />
      <DemandsPanel demands={dashboard.demands} />
      <RatesPanel
        rates={dashboard.rates}
        table={sections.rates}
        childKind={childKind}
        placeName={placeName}
        scope={dashboard.scope}
      />
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' }, gap: 2.5 }}>
        <OverduePanel overdue={dashboard.overdue} table={sections.overdue} />
        <FundsPanel funds={dashboard.projects} table={sections.funds} />
      </Box>
      <MeetingsPanel meetings={dashboard.meetings} table={sections.meetings} />
      <Panel title={t('charts.recurring')} testId="panel-recurring">
        {dashboard.recurring.length === 0 ? (
          <Typography>{t('charts.noRecurring')}</Typography>
        ) : (
          <FigureTable section={sections.recurring} />
        )}
      </Panel>
    </Stack>
  );
}
