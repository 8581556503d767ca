import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  CircularProgress,
  Stack,
  Typography,
} from '@mui/material';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { useTranslation } from 'react-i18next';
import {
  closeTask,
  mayNoteProgress,
  mayUpdateTask,
  reportProgress,
  supervisingLevel,
} from '#shared/domain/handling/index';
import { useDatabase } from '../../db/DatabaseContext';
import { navigate } from '../../kit/router';
import { useDeviceSettings } from '../../db/SettingsContext';
import { formatDateTime } from '../../kit/beijing-time';
import { HistoryList } from './HistoryList';
import { commitTaskStep } from './task-commit';
import { useTaskPhotos } from './use-task-photos';
import { WorkerActions } from './WorkerActions';
import { PartyCard } from './PartyCard';
import { StepDialog } from './StepDialog';
import { EscalateButton, InspectButton } from './task-actions';
import { useTask, useTaskFollowUps } from './use-handling-data';
import { useNow } from '../../kit/use-now';
import { usePlaceNames } from '../../db/use-place-names';
import { messageOf } from '#shared/domain/commands/index';
import { commandContext } from '../../db/command-context';
import './strings';

/** One task: its parties and their steps, progress with photos, 督办, 验收 and the whole record. */
export function TaskPage({ id }: { id: string }) {
  const { t } = useTranslation('tasks');
  const db = useDatabase();
  const settings = useDeviceSettings();
  const task = useTask(id);
  const history = useTaskFollowUps(id);
  const photos = useTaskPhotos(id);
  const names = usePlaceNames();
  const now = useNow();
  const [progressOpen, setProgressOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (task === undefined || !names) {
    return (
      <Box sx={{ p: 4, display: 'grid', placeItems: 'center' }}>
        <CircularProgress aria-label={t('loading')} />
      </Box>
    );
  }
  const back = (
    <Button startIcon={<ArrowBackIcon />} onClick={() => navigate('/tasks')} sx={{ alignSelf: 'flex-start' }}>
      {t('page.back')}
    </Button>
  );
  if (task === null) {
    return (
      <Stack spacing={2}>
        {back}
        <Alert severity="warning">{t('page.notFound')}</Alert>
      </Stack>
    );
  }
  const actor = { id: settings.deviceId, role: settings.role, scope: settings.homeScope };
  const editable = mayUpdateTask(actor, task).ok;
  const canNote =
    mayNoteProgress(actor, task).ok &&
    ['assigned', 'inProgress', 'reopened', 'finished'].includes(task.status);
  const overdue = ['assigned', 'inProgress', 'reopened'].includes(task.status) && task.dueAt < now;
  const lastAcceptance = [...(history ?? [])].reverse().find((f) => f.kind === 'acceptance');
  const fact = (label: string, value: string, testId?: string) => (
    <Box sx={{ minWidth: 180 }}>
      <Typography sx={{ color: 'text.secondary' }}>{label}</Typography>
      <Typography sx={{ fontWeight: 700 }} data-testid={testId}>
        {value}
      </Typography>
    </Box>
  );

  return (
    <Stack spacing={2}>
      {back}
      <Stack direction="row" sx={{ alignItems: 'center', gap: 1.5, flexWrap: 'wrap' }}>
        <Typography variant="h3" component="h1" sx={{ flexGrow: 1 }}>
          {task.title}
        </Typography>
        <Chip
          label={t(`statuses.${task.status}`)}
          color={overdue ? 'error' : 'primary'}
          data-testid="task-status"
        />
        {overdue && <Chip label={t('overdue')} color="error" variant="outlined" />}
      </Stack>
      <Typography>{task.description}</Typography>
      <Stack direction="row" sx={{ gap: 3, flexWrap: 'wrap' }}>
        {fact(t('place'), names.path(task.scope))}
        {fact(t('classificationLabel'), t(`classifications.${task.classification}`))}
        {fact(t('page.assignedAt'), formatDateTime(task.assignedAt))}
        {fact(t('page.dueAt'), formatDateTime(task.dueAt), 'task-due')}
        {fact(
          t('page.supervised'),
          task.escalationLevel === 0
            ? t('page.noEscalation')
            : t(`levels.${supervisingLevel(task.level, task.escalationLevel)}`),
          'task-supervised',
        )}
        {task.finishedAt && fact(t('page.finishedAt'), formatDateTime(task.finishedAt))}
        {task.acceptedAt && fact(t('page.acceptedAt'), formatDateTime(task.acceptedAt))}
        {task.closedAt && fact(t('page.closedAt'), formatDateTime(task.closedAt))}
        {task.demandIds.length > 0 &&
          fact(t('page.source'), t('page.demands', { count: task.demandIds.length }))}
      </Stack>
      <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }}>
        <Button
          variant="outlined"
          disabled={!canNote}
          onClick={() => setProgressOpen(true)}
          data-testid="task-progress"
        >
          {t('page.progress')}
        </Button>
        <EscalateButton task={task} />
        <InspectButton task={task} />
        <WorkerActions task={task} />
        {task.status === 'accepted' && (
          <Button
            variant="outlined"
            disabled={!editable}
            onClick={() => {
              const ctx = commandContext(settings);
              const step = closeTask(task, lastAcceptance, ctx);
              void commitTaskStep(db, step, ctx).then((outcome) => setError(messageOf(outcome) ?? null));
            }}
          >
            {t('page.close')}
          </Button>
        )}
      </Stack>
      {error && (
        <Alert severity="error" onClose={() => setError(null)}>
          {error}
        </Alert>
      )}
      <Typography variant="h5" component="h2">
        {t('parties')}
      </Typography>
      <Stack direction={{ xs: 'column', md: 'row' }} sx={{ gap: 2 }}>
        {task.parties.map((party) => (
          <Box key={party.partyId} sx={{ flex: 1 }}>
            <PartyCard task={task} party={party} editable={editable} />
          </Box>
        ))}
      </Stack>
      <Card variant="outlined">
        <CardContent>
          <Typography variant="h5" component="h2" sx={{ mb: 1 }}>
            {t('page.history')}
          </Typography>
          <HistoryList followUps={history ?? []} photos={photos} />
        </CardContent>
      </Card>
      {progressOpen && (
        <StepDialog
          title={t('page.progress')}
          fields={[{ key: 'note', label: t('page.progressNote'), multiline: true }]}
          photosLabel={t('page.addPhotos')}
          testId="progress-dialog"
          onClose={() => setProgressOpen(false)}
          onSubmit={async (values, _choice, photos) => {
            const ctx = commandContext(settings);
            const step = reportProgress(
              task,
              { note: values.note ?? '', ...(photos.length > 0 ? { photoCount: photos.length } : {}) },
              ctx,
            );
            return messageOf(await commitTaskStep(db, step, ctx, photos));
          }}
        />
      )}
    </Stack>
  );
}
