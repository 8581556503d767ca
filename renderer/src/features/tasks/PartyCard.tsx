import { useState } from 'react';
import { Alert, Button, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { allowedEvents, partyMachine } from '#shared/domain/machines/index';
import { partyStep, reassignParty, redirectParty, type PartyPick } from '#shared/domain/handling/index';
import { ORGANIZATION_KINDS, type OrganizationKind } from '#shared/domain/vocab';
import type { PartyEvent } from '#shared/domain/vocab';
import type { TaskDoc, TaskParty } from '#shared/schema/index';
import { useDatabase } from '../../db/DatabaseContext';
import { useDeviceSettings } from '../../db/SettingsContext';
import { StepDialog, type StepField } from './StepDialog';
import { HandOverDialog } from './HandOverDialog';
import { commitTaskStep } from './task-commit';
import { messageOf } from '#shared/domain/commands/index';
import { commandContext } from '../../db/command-context';
import './strings';

const FIELDS: Record<PartyEvent, readonly string[]> = {
  accept: [],
  decline: ['reason'],
  // 转交 and 重新交办 pick the new party from the directory (HandOverDialog).
  redirect: [],
  finish: ['note'],
  reassign: [],
};

/** One responsible party: where it stands, and the steps its role may take now. */
export function PartyCard({ task, party, editable }: { task: TaskDoc; party: TaskParty; editable: boolean }) {
  const { t } = useTranslation('tasks');
  const db = useDatabase();
  const settings = useDeviceSettings();
  const [event, setEvent] = useState<PartyEvent | null>(null);
  const [error, setError] = useState<string | null>(null);
  const frozen = task.status === 'accepted' || task.status === 'closed';
  const events = editable && !frozen ? allowedEvents(partyMachine, party.state, { role: settings.role }) : [];
  const label = (key: string): StepField => ({
    key,
    label:
      key === 'reason'
        ? t('page.reason')
        : key === 'redirectedTo'
          ? t('page.redirectedTo')
          : t('page.finishNote'),
    multiline: key === 'reason' || key === 'note',
  });

  const run = async (chosen: PartyEvent, values: Record<string, string>, photos: readonly Blob[] = []) => {
    const ctx = commandContext(settings);
    const step = partyStep(
      task,
      party.partyId,
      chosen,
      {
        ...(values.reason !== undefined ? { reason: values.reason } : {}),
        ...(values.redirectedTo !== undefined ? { redirectedTo: values.redirectedTo } : {}),
        ...(values.note !== undefined ? { note: values.note } : {}),
        ...(photos.length > 0 ? { photoCount: photos.length } : {}),
      },
      ctx,
    );
    return messageOf(await commitTaskStep(db, step, ctx, photos));
  };

  const handOver = async (chosen: 'redirect' | 'reassign', to: PartyPick, reason: string) => {
    const ctx = commandContext(settings);
    const step =
      chosen === 'redirect'
        ? redirectParty(task, party.partyId, { reason, to }, ctx)
        : reassignParty(task, party.partyId, { reason, to }, ctx);
    return messageOf(await commitTaskStep(db, step, ctx));
  };
  const handsOver = (e: PartyEvent) => e === 'redirect' || e === 'reassign';

  // A step without fields runs at once; its refusal or a failed write is shown on the card.
  const runNow = (chosen: PartyEvent) => {
    setError(null);
    run(chosen, {})
      .then((refusal) => refusal && setError(refusal))
      .catch((e: Error) => setError(e.message));
  };

  return (
    <Card variant="outlined" data-testid={`party-${party.kind}`}>
      <CardContent>
        <Stack direction="row" sx={{ alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
          <Typography sx={{ fontWeight: 700, fontSize: '1.15rem' }}>{party.name}</Typography>
          <Chip size="small" variant="outlined" label={t(`partyKinds.${party.kind}`)} />
          <Chip
            size="small"
            color={party.state === 'finished' ? 'success' : party.state === 'pending' ? 'default' : 'primary'}
            label={t(`partyStates.${party.state}`)}
            data-testid="party-state"
          />
        </Stack>
        {party.reason && (
          <Typography sx={{ mt: 1 }}>
            {t('page.reason')}：{party.reason}
            {party.redirectedTo ? `（${t('page.redirectedTo')} ${party.redirectedTo}）` : ''}
            {party.state === 'declined' ? `，${t('page.waitsForReassignment')}` : ''}
          </Typography>
        )}
        {events.length > 0 && (
          <Stack direction="row" sx={{ gap: 1, mt: 1.5, flexWrap: 'wrap' }}>
            {events.map((e) => (
              <Button
                key={e}
                variant={e === 'accept' || e === 'finish' ? 'contained' : 'outlined'}
                onClick={() => (FIELDS[e].length === 0 && !handsOver(e) ? runNow(e) : setEvent(e))}
                data-testid={`party-${e}`}
              >
                {t(`page.${e}`)}
              </Button>
            ))}
          </Stack>
        )}
        {error && (
          <Alert severity="error" sx={{ mt: 1 }} onClose={() => setError(null)}>
            {error}
          </Alert>
        )}
      </CardContent>
      {(event === 'redirect' || event === 'reassign') && (
        <HandOverDialog
          task={task}
          title={`${party.name}：${t(`page.${event}`)}`}
          kind={
            (ORGANIZATION_KINDS as readonly string[]).includes(party.kind)
              ? (party.kind as OrganizationKind)
              : undefined
          }
          testId="handover-dialog"
          onClose={() => setEvent(null)}
          onSubmit={(to, reason) => handOver(event, to, reason)}
        />
      )}
      {event && !handsOver(event) && (
        <StepDialog
          title={`${party.name}：${t(`page.${event}`)}`}
          fields={FIELDS[event].map(label)}
          testId="party-dialog"
          {...(event === 'finish' ? { photosLabel: t('page.addPhotos') } : {})}
          onClose={() => setEvent(null)}
          onSubmit={(values, _choice, photos) => run(event, values, photos)}
        />
      )}
    </Card>
  );
}
