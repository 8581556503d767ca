import { useState } from 'react';
import { Button, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { messageOf } from '#shared/domain/commands/index';
import { escalateTask, inspectTask, mayUpdateTask, supervisingLevel } from '#shared/domain/handling/index';
import type { DemandDoc, TaskDoc } from '#shared/schema/index';
import { useDatabase } from '../../db/DatabaseContext';
import { useDeviceSettings } from '../../db/SettingsContext';
import type { YishiDatabase } from '../../db/create-database';
import { StepDialog } from './StepDialog';
import { commitTaskStep } from './task-commit';
import { commandContext } from '../../db/command-context';
import './strings';

// 督办 and 验收 buttons, used on the task page and on the supervision board.

function useActor() {
  const settings = useDeviceSettings();
  return { settings, actor: { id: settings.deviceId, role: settings.role, scope: settings.homeScope } };
}

export function EscalateButton({ task }: { task: TaskDoc }) {
  const { t } = useTranslation('tasks');
  const db = useDatabase();
  const { settings, actor } = useActor();
  const [open, setOpen] = useState(false);
  const may = mayUpdateTask(actor, task);
  // A disabled 督办 says why, in the same words the command would refuse with.
  const why = !may.ok
    ? t('page.escalateNotYours')
    : task.escalationLevel >= 2
      ? t('page.escalateTop')
      : !['assigned', 'inProgress', 'reopened'].includes(task.status)
        ? t('page.escalateNotOpen', { status: t(`statuses.${task.status}`) })
        : null;
  const next = supervisingLevel(task.level, task.escalationLevel + 1);
  return (
    <>
      <Button
        color="warning"
        variant="outlined"
        disabled={why !== null}
        onClick={() => setOpen(true)}
        data-testid={`escalate-${task.id}`}
        aria-describedby={why ? `escalate-why-${task.id}` : undefined}
      >
        {t('page.escalate')}
      </Button>
      {why && (
        <Typography
          id={`escalate-why-${task.id}`}
          variant="body2"
          sx={{ color: 'text.secondary', maxWidth: 260 }}
        >
          {why}
        </Typography>
      )}
      {open && (
        <StepDialog
          title={t('page.escalateTitle')}
          hint={`${task.title} · ${t('page.escalateTo', { level: t(`levels.${next}`) })}`}
          fields={[{ key: 'reason', label: t('page.escalateReason'), multiline: true }]}
          testId="escalate-dialog"
          onClose={() => setOpen(false)}
          onSubmit={async (values) => {
            const ctx = commandContext(settings);
            const step = escalateTask(task, { reason: values.reason ?? '' }, ctx);
            return messageOf(await commitTaskStep(db, step, ctx));
          }}
        />
      )}
    </>
  );
}

/** Tasks sharing demands with `task`, to tell whether the demands are settled now. */
async function siblingsAndDemands(db: YishiDatabase, task: TaskDoc) {
  if (task.demandIds.length === 0) return { tasks: [] as TaskDoc[], demands: [] as DemandDoc[] };
  const all = await db.tasks.find().exec();
  const tasks = all
    .map((d) => d.toJSON() as TaskDoc)
    .filter((other) => other.id !== task.id && other.demandIds.some((id) => task.demandIds.includes(id)));
  const demands = [...(await db.demands.findByIds([...task.demandIds]).exec()).values()].map(
    (d) => d.toJSON() as DemandDoc,
  );
  return { tasks, demands };
}

export function InspectButton({ task }: { task: TaskDoc }) {
  const { t } = useTranslation('tasks');
  const db = useDatabase();
  const { settings, actor } = useActor();
  const [open, setOpen] = useState(false);
  const why = !mayUpdateTask(actor, task).ok
    ? t('page.inspectNotYours')
    : task.status !== 'finished'
      ? t('page.inspectWaits', { status: t(`statuses.${task.status}`) })
      : null;
  return (
    <>
      <Button
        variant="contained"
        disabled={why !== null}
        onClick={() => setOpen(true)}
        data-testid={`inspect-${task.id}`}
        aria-describedby={why ? `inspect-why-${task.id}` : undefined}
      >
        {t('page.inspect')}
      </Button>
      {why && (
        <Typography
          id={`inspect-why-${task.id}`}
          variant="body2"
          sx={{ color: 'text.secondary', maxWidth: 260 }}
        >
          {why}
        </Typography>
      )}
      {open && (
        <StepDialog
          title={t('page.inspectTitle')}
          hint={task.title}
          choices={[
            { value: 'passed', label: t('page.passed') },
            { value: 'failed', label: t('page.failed') },
          ]}
          fields={[{ key: 'note', label: t('page.inspectNote'), multiline: true }]}
          photosLabel={t('page.addPhotos')}
          testId="inspect-dialog"
          onClose={() => setOpen(false)}
          onSubmit={async (values, choice, photos) => {
            const outcome = choice === 'failed' ? 'failed' : 'passed';
            const ctx = commandContext(settings);
            const step = inspectTask(
              task,
              {
                outcome,
                note: values.note ?? '',
                ...(photos.length > 0 ? { photoCount: photos.length } : {}),
              },
              ctx,
              await siblingsAndDemands(db, task),
            );
            return messageOf(await commitTaskStep(db, step, ctx, photos));
          }}
        />
      )}
    </>
  );
}
