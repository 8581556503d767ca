import { useMemo, useState } from 'react';
import { Alert, Box, Button, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { CATEGORY_LABELS, recurringClasses, type RecurringClass } from '#shared/domain/aggregations/index';
import { addHours } from '#shared/domain/calendar/days';
import { liesUnder } from '#shared/domain/places/index';
import type { DemandDoc, PlaceDoc } from '#shared/schema/index';
import { useDatabase } from '../../db/DatabaseContext';
import { useDeviceSettings } from '../../db/SettingsContext';
import { navigate, parseRoute, useRoute } from '../../kit/router';
import { useObservable } from '../../kit/use-observable';
import { nowIso } from '../../db/ids';
import { createTopic } from '../topics';
import './strings';
import { useCategoryLabel } from '../../kit/i18n/labels';

const WINDOW_DAYS = 365;

/** 未诉先办: recurring classes of demands, with places and months, each a candidate topic. */
export function ProactivePage() {
  const { t } = useTranslation('proactive');
  const categoryLabel = useCategoryLabel();
  const db = useDatabase();
  const settings = useDeviceSettings();
  const scope = parseRoute(useRoute()).segments[1] ?? settings.homeScope;
  const [now] = useState(nowIso);
  const [message, setMessage] = useState<{ ok: boolean; text: string; scope?: string } | null>(null);
  const since = useMemo(() => addHours(now, -24 * WINDOW_DAYS), [now]);
  const demandDocs = useObservable(
    useMemo(() => db.demands.find({ selector: { receivedAt: { $gte: since } } }).$, [db, since]),
    [],
  );
  const placeDocs = useObservable(
    useMemo(() => db.places.find().$, [db]),
    [],
  );
  const places = useMemo(() => placeDocs.map((p) => p.toJSON() as PlaceDoc), [placeDocs]);
  const demands = useMemo(
    () => demandDocs.map((d) => d.toJSON() as DemandDoc).filter((d) => liesUnder(d.scope, scope)),
    [demandDocs, scope],
  );
  const classes = useMemo(
    () => recurringClasses(demands, { now, places, windowDays: WINDOW_DAYS }),
    [demands, now, places],
  );
  const nameOf = useMemo(() => new Map(places.map((p) => [p.scope, p.name])), [places]);
  const byId = useMemo(() => new Map(demands.map((d) => [d.id, d])), [demands]);
  const openOf = (c: RecurringClass) =>
    c.demandIds.filter((id) => {
      const d = byId.get(id);
      return d && !d.topicId && (d.status === 'received' || d.status === 'accepted');
    });

  const create = async (c: RecurringClass) => {
    const title = t('topicTitle', {
      place: nameOf.get(c.scope) ?? '',
      category: CATEGORY_LABELS[c.category],
    });
    try {
      const created = await createTopic(
        { db, settings },
        {
          title,
          description: t('topicDescription', { reasons: c.reasons.join('，') }),
          category: c.category,
          track: 'inDepth',
          demandIds: openOf(c),
          scope: c.scope,
        },
      );
      if (created.ok) setMessage({ ok: true, text: t('created', { title }), scope: created.topic.scope });
      else setMessage({ ok: false, text: created.message });
    } catch (e) {
      setMessage({ ok: false, text: e instanceof Error ? e.message : String(e) });
    }
  };

  return (
    <Stack spacing={3} sx={{ maxWidth: 1200 }}>
      <Typography variant="h2" component="h1">
        {t('title')}
      </Typography>
      <Typography color="text.secondary">{t('intro')}</Typography>
      {message && (
        <Alert
          severity={message.ok ? 'success' : 'error'}
          action={
            message.scope ? (
              <Button color="inherit" onClick={() => navigate(`/topics/${message.scope}`)}>
                {t('view')}
              </Button>
            ) : undefined
          }
        >
          {message.text}
        </Alert>
      )}
      {classes.length === 0 && <Typography>{t('none')}</Typography>}
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 2 }}>
        {classes.map((c) => (
          <Card key={c.category} data-testid="recurring-class">
            <CardContent>
              <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'baseline' }}>
                <Typography variant="h3" component="h2">
                  {categoryLabel(c.category)}
                </Typography>
                <Typography color="primary">{t('count', { count: c.count })}</Typography>
              </Stack>
              <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap', my: 1 }}>
                {c.reasons.map((r) => (
                  <Chip key={r} label={r} size="small" />
                ))}
              </Stack>
              <Typography variant="body2" color="text.secondary">
                {t('places')}
              </Typography>
              <Typography sx={{ mb: 1 }}>
                {c.places
                  .slice(0, 8)
                  .map((p) => `${nameOf.get(p.scope) ?? '未登记的地点'} ${p.count}`)
                  .join('、')}
                {c.places.length > 8 ? ' …' : ''}
              </Typography>
              <Typography variant="body2" color="text.secondary">
                {t('months')}
              </Typography>
              <Typography sx={{ mb: 1 }}>
                {c.months.map((m) => `${m.month}：${m.count}`).join('  ')}
              </Typography>
              <Stack direction="row" sx={{ alignItems: 'center', gap: 2 }}>
                <Button variant="contained" onClick={() => void create(c)}>
                  {t('createTopic')}
                </Button>
                <Typography variant="body2">{t('open', { count: openOf(c).length })}</Typography>
              </Stack>
            </CardContent>
          </Card>
        ))}
      </Box>
    </Stack>
  );
}
