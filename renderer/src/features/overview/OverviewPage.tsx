import { useMemo } from 'react';
import { Box, CircularProgress, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { DueItem } from '#shared/domain/aggregations/index';
import { streetOverview } from '#shared/domain/overview/index';
import { useDeviceSettings } from '../../db/SettingsContext';
import { navigate } from '../../kit/router';
import { formatDateTime, formatShortDateTime } from '../../kit/beijing-time';
import { useDemands, useFollowUps, useMeetings, useTasks } from '../tasks';
import { useNow } from '../../kit/use-now';
import { usePlaceNames } from '../../db/use-place-names';
import { OverviewCard, type OverviewLine } from './OverviewCard';
import { RecurringCard } from './RecurringCard';
import './strings';

const percent = (rate: number | null) => (rate === null ? null : `${(rate * 100).toFixed(1)}%`);

/** 街道总览 (#/overview): the street office's first screen, every figure a link to its records. */
export function OverviewPage() {
  const { t } = useTranslation('overview');
  const settings = useDeviceSettings();
  const scope = settings.homeScope;
  const now = useNow();
  const names = usePlaceNames();
  const demands = useDemands();
  const tasks = useTasks();
  const followUps = useFollowUps();
  const meetings = useMeetings();
  const view = useMemo(
    () =>
      demands && tasks && followUps && meetings
        ? streetOverview({ demands, tasks, followUps, meetings }, { now, scope })
        : null,
    [demands, tasks, followUps, meetings, now, scope],
  );
  if (!view || !names) {
    return (
      <Box sx={{ p: 4, display: 'grid', placeItems: 'center' }}>
        <CircularProgress aria-label={t('loading')} />
      </Box>
    );
  }
  const dueLines = (
    items: readonly DueItem[],
    overdue: boolean,
    open: (id: string) => void,
  ): OverviewLine[] =>
    items.map((item) => ({
      key: item.id,
      primary: item.title,
      secondary: `${names.path(item.scope)} · ${overdue ? t('overdueBy', { hours: item.hours }) : t('dueIn', { hours: item.hours })}`,
      onOpen: () => open(item.id),
    }));
  const toLedger = () => navigate('/demands');
  const toTask = (id: string) => navigate(`/tasks/${id}`);
  const rate = (key: 'responseRate' | 'resolutionRate' | 'satisfactionRate') => (
    <Stack key={key} sx={{ flex: 1, minWidth: 96 }} data-testid={`overview-${key}`}>
      <Typography color="text.secondary">{t(key)}</Typography>
      <Typography sx={{ fontSize: '1.75rem', fontWeight: 700 }}>
        {percent(view.rates[key]) ?? t('noRate')}
      </Typography>
    </Stack>
  );

  return (
    <Stack spacing={2}>
      <Typography variant="h2" component="h1">
        {t('title', { place: names.name(scope) })}
      </Typography>
      <Typography color="text.secondary">{t('hint')}</Typography>
      <Box
        sx={{
          display: 'grid',
          gap: 2,
          gridTemplateColumns: { xs: '1fr', md: '1fr 1fr', xl: 'repeat(3, 1fr)' },
        }}
      >
        <OverviewCard
          testId="overview-overdue-demands"
          title={t('overdueDemands')}
          count={view.demands.overdue.length}
          tone="error"
          lines={dueLines(view.demands.overdue, true, toLedger)}
          link={t('toLedger')}
          onLink={toLedger}
        />
        <OverviewCard
          testId="overview-due-demands"
          title={t('dueSoonDemands')}
          count={view.demands.dueSoon.length}
          tone="warning"
          lines={dueLines(view.demands.dueSoon, false, toLedger)}
          link={t('toLedger')}
          onLink={toLedger}
        />
        <OverviewCard
          testId="overview-rates"
          title={t('rates', { month: view.month })}
          link={t('toCallbacks')}
          onLink={() => navigate('/callbacks')}
        >
          <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap', mt: 1 }}>
            {rate('responseRate')}
            {rate('resolutionRate')}
            {rate('satisfactionRate')}
          </Stack>
        </OverviewCard>
        <OverviewCard
          testId="overview-overdue-tasks"
          title={t('overdueTasks')}
          count={view.tasks.overdue.length}
          tone="error"
          lines={dueLines(view.tasks.overdue, true, toTask)}
          link={t('toSupervision')}
          onLink={() => navigate('/supervision')}
        />
        <OverviewCard
          testId="overview-due-tasks"
          title={t('dueSoonTasks')}
          count={view.tasks.dueSoon.length}
          tone="warning"
          lines={dueLines(view.tasks.dueSoon, false, toTask)}
          link={t('toSupervision')}
          onLink={() => navigate('/supervision')}
        />
        <OverviewCard
          testId="overview-callbacks"
          title={t('callbacks')}
          count={view.callbacks.length}
          tone="primary"
          lines={view.callbacks.map((c) => ({
            key: c.id,
            primary: c.title,
            secondary: `${names.path(c.scope)} · ${t('waitingSince', { at: formatDateTime(c.since) })}`,
            onOpen: () => navigate('/callbacks'),
          }))}
          link={t('toCallbacks')}
          onLink={() => navigate('/callbacks')}
        />
        <OverviewCard
          testId="overview-meetings"
          title={t('meetings')}
          count={view.meetings.length}
          tone="primary"
          lines={view.meetings.map((m) => ({
            key: m.id,
            primary: m.title,
            secondary: `${formatShortDateTime(m.startsAt)} · ${names.path(m.scope)}`,
            onOpen: () => navigate(`/meetings/${m.id}`),
          }))}
          link={t('toMeetings')}
          onLink={() => navigate('/meetings')}
        />
        {demands && <RecurringCard demands={demands} names={names} now={now} scope={scope} />}
      </Box>
    </Stack>
  );
}
