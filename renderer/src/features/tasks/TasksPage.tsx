import { useMemo, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  CircularProgress,
  List,
  Stack,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { pendingHandling, type PendingItem } from '#shared/domain/handling/index';
import { liesUnder } from '#shared/domain/places/index';
import type { TaskState } from '#shared/domain/vocab';
import { useDeviceSettings } from '../../db/SettingsContext';
import { parseRoute, useRoute } from '../../kit/router';
import { ConvertDialog } from './ConvertDialog';
import { formatDateTime } from '../../kit/beijing-time';
import { TaskPage } from './TaskPage';
import { TaskRow } from './TaskRow';
import { useDecisionRecords, useMeetings, useOrganizations, useTasks, useTopics } from './use-handling-data';
import { useNow } from '../../kit/use-now';
import { usePlaceNames } from '../../db/use-place-names';
import './strings';

type Filter = 'all' | 'open' | 'finished' | 'done';
const FILTER_LABELS = {
  all: 'filterAll',
  open: 'filterOpen',
  finished: 'filterFinished',
  done: 'filterDone',
} as const satisfies Record<Filter, string>;

const FILTERS: Record<Filter, readonly TaskState[] | null> = {
  all: null,
  open: ['assigned', 'inProgress', 'reopened', 'declined', 'redirected'],
  finished: ['finished'],
  done: ['accepted', 'closed'],
};

/** 办理 (#/tasks, #/tasks/<taskId>): decisions to hand out, and the tasks of this device's place. */
export function TasksPage() {
  const route = useRoute();
  const taskId = parseRoute(route).segments[1];
  return taskId ? <TaskPage id={taskId} /> : <TaskLists />;
}

function TaskLists() {
  const { t } = useTranslation('tasks');
  const settings = useDeviceSettings();
  const scope = settings.homeScope;
  const now = useNow();
  const names = usePlaceNames();
  const tasks = useTasks();
  const records = useDecisionRecords();
  const meetings = useMeetings();
  const topics = useTopics();
  const organizations = useOrganizations();
  const [filter, setFilter] = useState<Filter>('open');
  const [converting, setConverting] = useState<PendingItem | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const pending = useMemo(
    () =>
      tasks && records && meetings && topics
        ? pendingHandling({ records, meetings, topics, tasks }, scope)
        : null,
    [tasks, records, meetings, topics, scope],
  );
  const mine = useMemo(() => {
    const states = FILTERS[filter];
    return (tasks ?? [])
      .filter((task) => liesUnder(task.scope, scope) && (states === null || states.includes(task.status)))
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.id.localeCompare(b.id));
  }, [tasks, scope, filter]);

  if (!pending || !names || !organizations) {
    return (
      <Box sx={{ p: 4, display: 'grid', placeItems: 'center' }}>
        <CircularProgress aria-label={t('loading')} />
      </Box>
    );
  }

  return (
    <Stack spacing={3}>
      <Typography variant="h2" component="h1">
        {t('title')}
      </Typography>
      {notice && (
        <Alert severity="success" role="status" onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      <Card variant="outlined">
        <CardContent>
          <Typography variant="h5" component="h2">
            {t('pendingTitle', { count: pending.length })}
          </Typography>
          <Typography sx={{ color: 'text.secondary', mb: 1 }}>{t('pendingHint')}</Typography>
          {pending.length === 0 ? (
            <Typography>{t('noPending')}</Typography>
          ) : (
            <List data-testid="pending-list">
              {pending.map((item) => (
                <Stack
                  key={item.key}
                  component="li"
                  direction="row"
                  sx={{ gap: 2, alignItems: 'center', py: 1.5, borderBottom: 1, borderColor: 'divider' }}
                  data-testid="pending-item"
                >
                  <Box sx={{ flexGrow: 1, minWidth: 0 }}>
                    <Stack direction="row" sx={{ gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
                      <Chip size="small" label={t(`sourceKinds.${item.source.kind}`)} />
                      <Typography sx={{ fontWeight: 700 }}>{item.source.title}</Typography>
                      <Typography sx={{ color: 'text.secondary' }}>
                        {names.path(item.source.scope)} ·{' '}
                        {item.source.at ? formatDateTime(item.source.at) : ''}
                      </Typography>
                    </Stack>
                    <Typography sx={{ mt: 0.5 }}>{item.source.text}</Typography>
                    {item.source.parties.length > 0 && (
                      <Typography sx={{ color: 'text.secondary' }}>
                        {t('parties')}：{item.source.parties.map((p) => p.name).join('、')}
                      </Typography>
                    )}
                  </Box>
                  <Button variant="contained" onClick={() => setConverting(item)} sx={{ flexShrink: 0 }}>
                    {t('convert')}
                  </Button>
                </Stack>
              ))}
            </List>
          )}
        </CardContent>
      </Card>
      <Stack spacing={1}>
        <Stack direction="row" sx={{ alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
          <Typography variant="h5" component="h2" sx={{ flexGrow: 1 }}>
            {t('tasksTitle', { count: mine.length })}
          </Typography>
          <ToggleButtonGroup
            exclusive
            value={filter}
            onChange={(_, value: Filter | null) => value && setFilter(value)}
            aria-label={t('status')}
          >
            {(Object.keys(FILTERS) as Filter[]).map((f) => (
              <ToggleButton key={f} value={f}>
                {t(FILTER_LABELS[f])}
              </ToggleButton>
            ))}
          </ToggleButtonGroup>
        </Stack>
        {mine.length === 0 ? (
          <Typography>{t('noTasks')}</Typography>
        ) : (
          <List data-testid="task-list">
            {mine.map((task) => (
              <TaskRow key={task.id} task={task} place={names.path(task.scope)} now={now} />
            ))}
          </List>
        )}
      </Stack>
      {converting && (
        <ConvertDialog
          item={converting}
          organizations={organizations}
          onClose={() => setConverting(null)}
          onDone={(count) => {
            setConverting(null);
            setNotice(t('convertDialog.done', { count }));
          }}
        />
      )}
    </Stack>
  );
}
