import { useState } from 'react';
import { Button, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { messageOf, type CommandContext } from '#shared/domain/commands/index';
import { addParty, escalateReturned, withdrawTask, type TaskStepResult } from '#shared/domain/handling/index';
import { SETTLED_TASK_STATES } from '#shared/domain/machines/index';
import type { TaskDoc } from '#shared/schema/index';
import { useDatabase } from '../../db/DatabaseContext';
import { useDeviceSettings } from '../../db/SettingsContext';
import { commandContext } from '../../db/command-context';
import { HandOverDialog } from './HandOverDialog';
import { StepDialog } from './StepDialog';
import { commitTaskStep } from './task-commit';
import './strings';

// The worker's own steps on a task: another party joins, returned work goes to the street as
// 老大难, or the decision is withdrawn. Whether a step is open now is asked of the command itself
// (with a stand-in reason), so a disabled button says why in the command's own words.

type Dialog = 'addParty' | 'escalateReturned' | 'withdraw' | null;

const STAND_IN = { reason: '—' };
// A unit no task has: only the role and the task's state can refuse it.
const PROBE_PARTY = { name: '—', kind: 'streetDept', organizationId: '—' } as const;

function whyNot(step: TaskStepResult): string | null {
  return step.ok ? null : step.message;
}

export function WorkerActions({ task }: { task: TaskDoc }) {
  const { t } = useTranslation('tasks');
  const db = useDatabase();
  const settings = useDeviceSettings();
  const [open, setOpen] = useState<Dialog>(null);
  const probe: CommandContext = commandContext(settings);
  const reasons = {
    addParty: whyNot(addParty(task, PROBE_PARTY, probe)),
    escalateReturned: whyNot(escalateReturned(task, STAND_IN, probe)),
    withdraw: whyNot(withdrawTask(task, STAND_IN, probe)),
  };
  // 上报街道 is offered only for returned work; the other two whenever the task is open.
  const shown = (['addParty', 'escalateReturned', 'withdraw'] as const).filter(
    (k) => k !== 'escalateReturned' || task.status === 'declined',
  );
  if (SETTLED_TASK_STATES.includes(task.status)) return null;
  const run = async (build: (ctx: CommandContext) => TaskStepResult) => {
    const ctx = commandContext(settings);
    return messageOf(await commitTaskStep(db, build(ctx), ctx));
  };

  return (
    <>
      {shown.map((k) => (
        <Stack key={k} sx={{ gap: 0.5 }}>
          <Button
            variant="outlined"
            color={k === 'withdraw' ? 'error' : 'primary'}
            disabled={reasons[k] !== null}
            onClick={() => setOpen(k)}
            aria-describedby={reasons[k] ? `${k}-why-${task.id}` : undefined}
          >
            {t(`worker.${k}`)}
          </Button>
          {reasons[k] && (
            <Typography
              id={`${k}-why-${task.id}`}
              variant="body2"
              sx={{ color: 'text.secondary', maxWidth: 260 }}
            >
              {reasons[k]}
            </Typography>
          )}
        </Stack>
      ))}
      {open === 'addParty' && (
        <HandOverDialog
          task={task}
          title={t('worker.addPartyTitle')}
          kind={undefined}
          reasonOptional
          testId="add-party-dialog"
          onClose={() => setOpen(null)}
          onSubmit={(to) => run((ctx) => addParty(task, to, ctx))}
        />
      )}
      {(open === 'escalateReturned' || open === 'withdraw') && (
        <StepDialog
          title={t(`worker.${open}Title`)}
          hint={`${task.title} · ${t(`worker.${open}Hint`)}`}
          fields={[{ key: 'reason', label: t('page.reason'), multiline: true }]}
          testId={`${open}-dialog`}
          submitLabel={t(`worker.${open}`)}
          onClose={() => setOpen(null)}
          onSubmit={(values) =>
            run((ctx) =>
              open === 'withdraw'
                ? withdrawTask(task, { reason: values.reason ?? '' }, ctx)
                : escalateReturned(task, { reason: values.reason ?? '' }, ctx),
            )
          }
        />
      )}
    </>
  );
}
