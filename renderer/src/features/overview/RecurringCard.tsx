import { useMemo, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardActions,
  CardContent,
  List,
  ListItem,
  ListItemText,
  Stack,
  Tooltip,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { CATEGORY_LABELS } from '#shared/domain/aggregations/index';
import { recurringProblems, type RecurringProblem } from '#shared/domain/overview/index';
import type { DemandDoc } from '#shared/schema/index';
import { useDatabase } from '../../db/DatabaseContext';
import { useDeviceSettings } from '../../db/SettingsContext';
import { navigate } from '../../kit/router';
import { formatDate } from '../../kit/beijing-time';
import { createTopic, NewTopicDialog, type NewTopic } from '../topics';
import type { PlaceNames } from '../../db/use-place-names';
import './strings';
import { useCategoryLabel } from '../../kit/i18n/labels';

const WINDOW_DAYS = 90;
const SHOWN = 8;

/**
 * 未诉先办 on the overview: the same problem coming back at the same place within 90 days, each
 * group a candidate topic (建立议题 with the group's open demands linked).
 */
export function RecurringCard({
  demands,
  names,
  now,
  scope,
}: {
  demands: readonly DemandDoc[];
  names: PlaceNames;
  now: string;
  scope: string;
}) {
  const { t } = useTranslation('overview');
  const categoryLabel = useCategoryLabel();
  const db = useDatabase();
  const settings = useDeviceSettings();
  const [creating, setCreating] = useState<RecurringProblem | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string; scope?: string } | null>(null);
  const { groups } = useMemo(
    () => recurringProblems(demands, { now, scope, windowDays: WINDOW_DAYS, places: names.places }),
    [demands, now, scope, names],
  );
  const byId = useMemo(() => new Map(demands.map((d) => [d.id, d])), [demands]);
  const label = (g: RecurringProblem) =>
    t('recurringLine', { place: names.name(g.scope), category: categoryLabel(g.category), count: g.count });

  const create = async (group: RecurringProblem, topic: NewTopic) => {
    setCreating(null);
    try {
      const created = await createTopic(
        { db, settings },
        { ...topic, demandIds: group.linkable, scope: group.scope },
      );
      if (created.ok)
        setMessage({
          ok: true,
          text: t('topicCreated', { title: created.topic.title }),
          scope: created.topic.scope,
        });
      else setMessage({ ok: false, text: created.message });
    } catch (e) {
      setMessage({ ok: false, text: e instanceof Error ? e.message : String(e) });
    }
  };

  return (
    <Card data-testid="overview-recurring" sx={{ gridColumn: '1 / -1' }}>
      <CardContent>
        <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'baseline', gap: 1 }}>
          <Typography variant="h3" component="h2">
            {t('recurring', { days: WINDOW_DAYS })}
          </Typography>
          <Typography sx={{ fontSize: '2rem', fontWeight: 700 }} data-testid="overview-recurring-count">
            {groups.length}
          </Typography>
        </Stack>
        <Typography variant="body2" color="text.secondary">
          {t('recurringHint', { days: WINDOW_DAYS })}
        </Typography>
        {message && (
          <Alert
            sx={{ mt: 1 }}
            severity={message.ok ? 'success' : 'error'}
            onClose={() => setMessage(null)}
            action={
              message.scope ? (
                <Button color="inherit" onClick={() => navigate(`/topics/${message.scope}`)}>
                  {t('openTopics')}
                </Button>
              ) : undefined
            }
          >
            {message.text}
          </Alert>
        )}
        {groups.length === 0 && <Typography color="text.secondary">{t('none')}</Typography>}
        {groups.length > 0 && (
          <List dense disablePadding>
            {groups.slice(0, SHOWN).map((g) => {
              const ready = g.linkable.length > 0;
              const why = ready ? '' : t('allInTopics');
              return (
                <ListItem
                  key={g.key}
                  data-testid="recurring-group"
                  disableGutters
                  secondaryAction={
                    <Tooltip title={why}>
                      {/* A disabled button gets no pointer events: the span carries the tooltip. */}
                      <span>
                        <Button
                          variant="outlined"
                          size="small"
                          disabled={!ready}
                          aria-label={`${t('createTopic')}：${label(g)}`}
                          onClick={() => setCreating(g)}
                        >
                          {t('createTopic')}
                        </Button>
                      </span>
                    </Tooltip>
                  }
                  sx={{ pr: 14 }}
                >
                  <ListItemText
                    primary={label(g)}
                    secondary={[
                      names.path(g.scope),
                      t('recurringSpan', { first: formatDate(g.firstAt), last: formatDate(g.lastAt) }),
                      ready ? t('linkable', { count: g.linkable.length }) : why,
                    ].join(' · ')}
                  />
                </ListItem>
              );
            })}
          </List>
        )}
        {groups.length > SHOWN && (
          <Typography variant="body2" color="text.secondary">
            {t('more', { count: groups.length - SHOWN })}
          </Typography>
        )}
      </CardContent>
      <CardActions>
        <Button onClick={() => navigate('/proactive')}>{t('toProactive')}</Button>
      </CardActions>
      {creating && (
        <Box>
          <NewTopicDialog
            demands={creating.linkable.flatMap((id) => {
              const d = byId.get(id);
              return d ? [d] : [];
            })}
            initial={{
              title: t('topicTitle', {
                place: names.name(creating.scope),
                category: CATEGORY_LABELS[creating.category],
              }),
              description: t('topicDescription', { days: WINDOW_DAYS, count: creating.count }),
              category: creating.category,
            }}
            onCancel={() => setCreating(null)}
            onCreate={(topic) => void create(creating, topic)}
          />
        </Box>
      )}
    </Card>
  );
}
