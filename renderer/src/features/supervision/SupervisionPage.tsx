import { useMemo, useState } from 'react';
import {
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  CircularProgress,
  List,
  Stack,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { supervisionBoard, type Bucket } from '#shared/domain/handling/index';
import { ancestors, liesUnder } from '#shared/domain/places/index';
import { ScopeCrumbs } from '../../kit/ScopeCrumbs';
import { useDeviceSettings } from '../../db/SettingsContext';
import { navigate, parseRoute, useRoute } from '../../kit/router';
import { EscalateButton, InspectButton, TaskRow, useFollowUps, useTasks } from '../tasks';
import { useNow } from '../../kit/use-now';
import { usePlaceNames } from '../../db/use-place-names';
import { CountsTable } from './CountsTable';
import './strings';

const BUCKETS = ['returned', 'overdue', 'dueSoon', 'stalled', 'awaitingAcceptance'] as const;
const COLORS: Record<Bucket, 'error' | 'warning' | 'default' | 'info'> = {
  returned: 'error',
  overdue: 'error',
  dueSoon: 'warning',
  stalled: 'default',
  awaitingAcceptance: 'info',
};

/** 督办 board (#/supervision/<scope>): per place and per responsible party, at the current time. */
export function SupervisionPage() {
  const { t } = useTranslation('supervision');
  const { t: tTasks } = useTranslation('tasks');
  const settings = useDeviceSettings();
  const route = useRoute();
  const requested = parseRoute(route).segments[1];
  const scope = requested && liesUnder(requested, settings.homeScope) ? requested : settings.homeScope;
  const now = useNow();
  const names = usePlaceNames();
  const tasks = useTasks();
  const followUps = useFollowUps();
  const [bucket, setBucket] = useState<Bucket | null>(null);
  const [party, setParty] = useState<string | null>(null);

  const board = useMemo(
    () => (tasks && followUps ? supervisionBoard(tasks, followUps, { now, scope }) : null),
    [tasks, followUps, now, scope],
  );
  const items = useMemo(
    () =>
      (board?.items ?? []).filter(
        (item) =>
          item.buckets.length > 0 &&
          (bucket === null || item.buckets.includes(bucket)) &&
          (party === null || item.task.parties.some((p) => (p.organizationId ?? `name:${p.name}`) === party)),
      ),
    [board, bucket, party],
  );

  if (!board || !names) {
    return (
      <Box sx={{ p: 4, display: 'grid', placeItems: 'center' }}>
        <CircularProgress aria-label={t('loading')} />
      </Box>
    );
  }
  const crumbs = [...ancestors(scope), scope].filter((s) => liesUnder(s, settings.homeScope));

  return (
    <Stack spacing={2}>
      <Typography variant="h2" component="h1">
        {t('title')}
      </Typography>
      <Typography sx={{ color: 'text.secondary' }}>{t('hint')}</Typography>
      <ScopeCrumbs
        crumbs={crumbs}
        scope={scope}
        name={(s) => names.name(s)}
        route="/supervision"
        label={t('scope')}
      />
      <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap' }}>
        {(['open', ...BUCKETS] as const).map((b) => (
          <Card
            key={b}
            variant="outlined"
            sx={{
              minWidth: 170,
              cursor: b === 'open' ? 'default' : 'pointer',
              borderColor: bucket === b ? 'primary.main' : undefined,
              borderWidth: bucket === b ? 2 : 1,
            }}
            onClick={() => b !== 'open' && setBucket(bucket === b ? null : b)}
            data-testid={`bucket-${b}`}
          >
            <CardContent>
              <Typography sx={{ color: 'text.secondary' }}>{t(`buckets.${b}`)}</Typography>
              <Typography
                variant="h3"
                component="p"
                data-testid={`bucket-count-${b}`}
                sx={{ color: b === 'overdue' && board.total.overdue > 0 ? 'error.main' : undefined }}
              >
                {board.total[b]}
              </Typography>
            </CardContent>
          </Card>
        ))}
      </Stack>
      <Stack direction={{ xs: 'column', lg: 'row' }} sx={{ gap: 3 }}>
        <Box sx={{ flex: 1 }}>
          <CountsTable
            title={t('byPlace')}
            head={t('place')}
            testId="by-place"
            rows={board.byPlace.map((row) => ({ ...row, key: row.scope, label: names.name(row.scope) }))}
            onPick={(key) => key !== scope && navigate(`/supervision/${key}`)}
          />
        </Box>
        <Box sx={{ flex: 1 }}>
          <CountsTable
            title={t('byParty')}
            head={t('party')}
            testId="by-party"
            rows={board.byParty.map((row) => ({
              ...row,
              label: row.name,
              sub: tTasks(`partyKinds.${row.kind}`),
            }))}
            onPick={(key) => setParty(party === key ? null : key)}
          />
        </Box>
      </Stack>
      <Stack direction="row" sx={{ alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h2" sx={{ flexGrow: 1 }}>
          {t('items', { count: items.length })}
        </Typography>
        {bucket && <Chip label={t(`buckets.${bucket}`)} onDelete={() => setBucket(null)} />}
        {party && (
          <Chip
            label={board.byParty.find((p) => p.key === party)?.name ?? party}
            onDelete={() => setParty(null)}
          />
        )}
      </Stack>
      {items.length === 0 ? (
        <Typography>{t('noItems')}</Typography>
      ) : (
        <List data-testid="board-items">
          {items.map((item) => (
            <TaskRow key={item.task.id} task={item.task} place={names.path(item.task.scope)} now={now}>
              <Stack sx={{ gap: 1, alignItems: 'flex-end', py: 1, flexShrink: 0 }}>
                <Stack direction="row" sx={{ gap: 0.5 }}>
                  {item.buckets.map((b) => (
                    <Chip
                      key={b}
                      size="small"
                      color={COLORS[b]}
                      label={
                        b === 'overdue'
                          ? (item.hours ?? 0) >= 48
                            ? t('daysOver', { days: Math.floor((item.hours ?? 0) / 24) })
                            : t('hoursOver', { hours: item.hours ?? 0 })
                          : b === 'dueSoon'
                            ? t('hoursLeft', { hours: item.hours ?? 0 })
                            : b === 'stalled'
                              ? t('idle', { days: item.idleDays ?? 0 })
                              : t(`buckets.${b}`)
                      }
                      data-testid={`item-bucket-${b}`}
                    />
                  ))}
                </Stack>
                <Typography sx={{ color: 'text.secondary' }}>
                  {t('supervisedBy', { level: tTasks(`levels.${item.supervisedAt}`) })}
                </Typography>
                <Stack direction="row" sx={{ gap: 1 }}>
                  {item.buckets.includes('returned') ? (
                    <Button variant="contained" onClick={() => navigate(`/tasks/${item.task.id}`)}>
                      {t('reassign')}
                    </Button>
                  ) : item.buckets.includes('awaitingAcceptance') ? (
                    <InspectButton task={item.task} />
                  ) : (
                    <EscalateButton task={item.task} />
                  )}
                </Stack>
              </Stack>
            </TaskRow>
          ))}
        </List>
      )}
    </Stack>
  );
}
