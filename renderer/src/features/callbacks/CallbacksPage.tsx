import { useMemo, useState } from 'react';
import {
  Box,
  Card,
  CardContent,
  CircularProgress,
  Link,
  List,
  ListItem,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { callbackList } from '#shared/domain/handling/index';
import { ancestors, liesUnder } from '#shared/domain/places/index';
import { ScopeCrumbs } from '../../kit/ScopeCrumbs';
import { useDeviceSettings } from '../../db/SettingsContext';
import { navigate, parseRoute, useRoute } from '../../kit/router';
import { useDemands, useFollowUps, useTasks } from '../tasks';
import { useNow } from '../../kit/use-now';
import { usePlaceNames } from '../../db/use-place-names';
import { formatDateTime } from '../../kit/beijing-time';
import { CallbackList } from './CallbackList';
import { PERIODS, periodOf, type PeriodKey } from './periods';
import { RatesPanel } from './RatesPanel';
import './strings';

/** 评 (#/callbacks/<scope>): the three rates of a place and period, and the call-back list. */
export function CallbacksPage() {
  const { t } = useTranslation('callbacks');
  const settings = useDeviceSettings();
  const route = useRoute();
  const requested = parseRoute(route).segments[1];
  const scope = requested && liesUnder(requested, settings.homeScope) ? requested : settings.homeScope;
  const now = useNow();
  const names = usePlaceNames();
  const demands = useDemands();
  const followUps = useFollowUps();
  const tasks = useTasks();
  const [periodKey, setPeriodKey] = useState<PeriodKey>('last12');
  const period = useMemo(() => periodOf(periodKey, now), [periodKey, now]);
  const list = useMemo(
    () => (demands && followUps && tasks ? callbackList(demands, followUps, tasks, scope) : null),
    [demands, followUps, tasks, scope],
  );

  if (!list || !names || !demands || !followUps || !tasks) {
    return (
      <Box sx={{ p: 4, display: 'grid', placeItems: 'center' }}>
        <CircularProgress aria-label={t('loading')} />
      </Box>
    );
  }
  const crumbs = [...ancestors(scope), scope].filter((s) => liesUnder(s, settings.homeScope));
  const children = names.children(scope);

  return (
    <Stack spacing={2}>
      <Stack direction="row" sx={{ alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <Typography variant="h2" component="h1" sx={{ flexGrow: 1 }}>
          {t('title')}
        </Typography>
        <TextField
          select
          label={t('period')}
          value={periodKey}
          onChange={(e) => setPeriodKey(e.target.value as PeriodKey)}
          sx={{ width: 200 }}
          slotProps={{ htmlInput: { 'data-testid': 'period' } }}
        >
          {PERIODS.map((p) => (
            <MenuItem key={p} value={p}>
              {t(`periods.${p}`)}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      <ScopeCrumbs crumbs={crumbs} scope={scope} name={(s) => names.name(s)} route="/callbacks" />
      {children.length > 0 && (
        <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }}>
          {children.map((c) => (
            <Link key={c.scope} component="button" onClick={() => navigate(`/callbacks/${c.scope}`)}>
              {c.name}
            </Link>
          ))}
        </Stack>
      )}
      <RatesPanel
        demands={demands}
        followUps={followUps}
        scope={scope}
        period={period}
        now={now}
        names={names}
      />
      <Card variant="outlined">
        <CardContent>
          <Typography variant="h5" component="h2">
            {t('awaiting', { count: list.awaiting.length })}
          </Typography>
          <Typography sx={{ color: 'text.secondary', mb: 1 }}>{t('awaitingHint')}</Typography>
          <CallbackList rows={list.awaiting} tasks={tasks} demands={demands} names={names} />
        </CardContent>
      </Card>
      <Card variant="outlined">
        <CardContent>
          <Typography variant="h5" component="h2">
            {t('done')}
          </Typography>
          {list.done.length === 0 ? (
            <Typography>{t('noDone')}</Typography>
          ) : (
            <List dense data-testid="callback-done">
              {list.done.slice(0, 20).map(({ demand, last }) => (
                <ListItem key={demand.id} divider sx={{ display: 'block' }}>
                  <Typography sx={{ fontWeight: 700 }}>
                    {demand.title}
                    <Typography component="span" sx={{ color: 'text.secondary', ml: 1 }}>
                      {names.path(demand.scope)}
                    </Typography>
                  </Typography>
                  {last && (
                    <Typography>
                      {formatDateTime(last.at)} · {last.outcome ? t(`outcomeShort.${last.outcome}`) : ''} ·{' '}
                      {last.note}
                    </Typography>
                  )}
                </ListItem>
              ))}
            </List>
          )}
        </CardContent>
      </Card>
    </Stack>
  );
}
