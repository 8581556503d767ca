import { useCallback, useEffect, useMemo, useState } from 'react';
import { Box, CircularProgress, MenuItem, Stack, Tab, Tabs, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { beijingMonth } from '#shared/domain/calendar/index';
import { childrenOf, liesUnder, subtree } from '#shared/domain/places/index';
import { annualSummary, computeDashboard, monthlyReport } from '#shared/domain/reports/index';
import { useDeviceSettings } from '../../db/SettingsContext';
import { navigate, parseRoute, useRoute } from '../../kit/router';
import { nowIso } from '../../db/ids';
import { DashboardView } from './DashboardView';
import { DrillContext, type Drill } from './drill';
import { DrillDialog, type DrillTarget } from './DrillDialog';
import { monthParts } from './format';
import {
  dashboardPeriod,
  PERIODS,
  readReportRoute,
  reportMonths,
  reportPath,
  reportYears,
  VIEWS,
  type ReportRoute,
} from './report-route';
import { ReportView } from './ReportView';
import { usePlaceTree } from '../../db/use-place-tree';
import { useReportData } from './use-report-data';
import './strings';

const MINUTE = 60_000;

function useNow(): string {
  const [now, setNow] = useState(nowIso);
  useEffect(() => {
    const timer = setInterval(() => setNow(nowIso()), MINUTE);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** 统计报表 (#/reports/<scope>): dashboards per place, the monthly report and the annual summary. */
export function ReportsPage() {
  const { t } = useTranslation('reports');
  const { t: tApp } = useTranslation();
  const settings = useDeviceSettings();
  const { segments, query } = parseRoute(useRoute());
  const route = readReportRoute(segments, query);
  const scope = route.scope && liesUnder(route.scope, settings.homeScope) ? route.scope : settings.homeScope;
  const tree = usePlaceTree();
  const data = useReportData(scope);
  const now = useNow();
  const [drillTarget, setDrillTarget] = useState<DrillTarget | null>(null);
  const drill = useCallback<Drill>((label, figure) => setDrillTarget({ label, figure }), []);
  const go = (change: Partial<ReportRoute>) => {
    const next = { ...route, scope, ...change };
    navigate(reportPath(next.scope, next));
  };

  const placeName = useCallback((s: string) => tree?.byScope.get(s)?.name ?? s, [tree]);
  const places = useMemo(
    () =>
      tree
        ? subtree(tree, settings.homeScope).filter(
            (p) =>
              p.kind !== 'venue' &&
              p.scope.split('.').length <= Math.max(2, settings.homeScope.split('.').length + 1),
          )
        : [],
    [tree, settings.homeScope],
  );
  const firstChild = tree ? childrenOf(tree, scope).find((p) => p.kind !== 'venue') : undefined;
  const childKind = firstChild ? tApp(`placeKinds.${firstChild.kind}`) : '';

  const receivedAts = useMemo(() => (data ? data.demands.map((d) => d.receivedAt) : []), [data]);
  const months = useMemo(() => reportMonths(now, receivedAts), [now, receivedAts]);
  const years = useMemo(() => reportYears(now, receivedAts), [now, receivedAts]);
  const month = route.month ?? beijingMonth(now);
  const year = route.year ?? Number(beijingMonth(now).slice(0, 4));
  const result = useMemo(() => {
    if (!data) return null;
    if (route.view === 'monthly') return monthlyReport(data, { scope, month, now });
    if (route.view === 'annual') return annualSummary(data, { scope, year, now });
    return computeDashboard(data, { scope, ...dashboardPeriod(route.period, now), now });
  }, [data, route.view, route.period, scope, month, year, now]);

  return (
    <DrillContext.Provider value={drill}>
      <Stack spacing={2}>
        <Stack direction="row" sx={{ alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
          <Typography variant="h2" component="h1" sx={{ flexGrow: 1 }}>
            {t('title')}
          </Typography>
          <TextField
            select
            label={t('place')}
            value={places.some((p) => p.scope === scope) ? scope : ''}
            onChange={(e) => go({ scope: e.target.value })}
            sx={{ width: 260 }}
            slotProps={{ htmlInput: { 'data-testid': 'report-place' } }}
          >
            {places.map((p) => (
              <MenuItem
                key={p.id}
                value={p.scope}
                sx={{ pl: 2 + 2 * (p.scope.split('.').length - settings.homeScope.split('.').length) }}
              >
                {p.name}
              </MenuItem>
            ))}
          </TextField>
          {route.view === 'dashboard' && (
            <TextField
              select
              label={t('period')}
              value={route.period}
              onChange={(e) => go({ period: e.target.value as ReportRoute['period'] })}
              sx={{ width: 180 }}
            >
              {PERIODS.map((p) => (
                <MenuItem key={p} value={p}>
                  {t(`periods.${p}`)}
                </MenuItem>
              ))}
            </TextField>
          )}
          {route.view === 'monthly' && (
            <TextField
              select
              label={t('month')}
              value={month}
              onChange={(e) => go({ month: e.target.value })}
              sx={{ width: 180 }}
              slotProps={{ htmlInput: { 'data-testid': 'report-month' } }}
            >
              {months.map((m) => (
                <MenuItem key={m} value={m}>
                  {t('report.monthLabel', monthParts(m))}
                </MenuItem>
              ))}
            </TextField>
          )}
          {route.view === 'annual' && (
            <TextField
              select
              label={t('year')}
              value={year}
              onChange={(e) => go({ year: Number(e.target.value) })}
              sx={{ width: 140 }}
            >
              {years.map((y) => (
                <MenuItem key={y} value={y}>
                  {y}
                </MenuItem>
              ))}
            </TextField>
          )}
        </Stack>
        <Tabs
          value={route.view}
          onChange={(_, view: ReportRoute['view']) => go({ view })}
          aria-label={t('title')}
        >
          {VIEWS.map((view) => (
            <Tab
              key={view}
              value={view}
              label={t(`tabs.${view}`)}
              sx={{ fontSize: '1.0625rem', minHeight: 52 }}
            />
          ))}
        </Tabs>
        {result === null ? (
          <Box sx={{ p: 6, display: 'grid', placeItems: 'center', gap: 2 }}>
            <CircularProgress aria-label={t('loading')} />
            <Typography>{t('loading')}</Typography>
          </Box>
        ) : 'kind' in result ? (
          <ReportView report={result} placeName={placeName} />
        ) : (
          <DashboardView dashboard={result} placeName={placeName} childKind={childKind} />
        )}
      </Stack>
      <DrillDialog target={drillTarget} placeName={placeName} onClose={() => setDrillTarget(null)} />
    </DrillContext.Provider>
  );
}
