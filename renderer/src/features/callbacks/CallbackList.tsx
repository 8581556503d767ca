import { useState } from 'react';
import { Chip, List, ListItem, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { mayRecordCallback, recordCallback, type CallbackRow } from '#shared/domain/handling/index';
import { can } from '#shared/domain/permissions/index';
import { CALLBACK_OUTCOMES, type CallbackOutcome } from '#shared/domain/vocab';
import type { DemandDoc, TaskDoc } from '#shared/schema/index';
import { useDatabase } from '../../db/DatabaseContext';
import { useDeviceSettings } from '../../db/SettingsContext';
import { StepDialog } from '../tasks';
import type { PlaceNames } from '../../db/use-place-names';
import { formatDateTime } from '../../kit/beijing-time';
import { messageOf } from '#shared/domain/commands/index';
import { commitDecided } from '../../db/commit';
import { commandContext } from '../../db/command-context';
import './strings';
import { ReasonedButton } from '../../kit/ReasonedButton';

interface Props {
  rows: readonly CallbackRow[];
  tasks: readonly TaskDoc[];
  demands: readonly DemandDoc[];
  names: PlaceNames;
}

/** 待回访: who to call, about what, and the outcome with notes (不满意 reopens the demand and its tasks). */
export function CallbackList({ rows, tasks, demands, names }: Props) {
  const { t } = useTranslation('callbacks');
  const db = useDatabase();
  const settings = useDeviceSettings();
  const [open, setOpen] = useState<DemandDoc | null>(null);
  const actor = { id: settings.deviceId, role: settings.role, scope: settings.homeScope };
  const seesPhone = can(actor, 'pii.read', { scope: settings.homeScope, collection: 'demands' });

  if (rows.length === 0) return <Typography>{t('noAwaiting')}</Typography>;

  const submit = async (demand: DemandDoc, outcome: CallbackOutcome, note: string) => {
    const handling = tasks.filter((task) => task.demandIds.includes(demand.id));
    const otherIds = new Set(handling.flatMap((task) => task.demandIds));
    const result = recordCallback(
      demand,
      { outcome, note },
      { tasks: handling, otherDemands: demands.filter((d) => otherIds.has(d.id) && d.id !== demand.id) },
      commandContext(settings),
    );
    return messageOf(await commitDecided(db, result));
  };

  return (
    <>
      <List data-testid="callback-list">
        {rows.map(({ demand, taskIds, last }) => {
          const allowed = mayRecordCallback(actor, demand).ok;
          return (
            <ListItem key={demand.id} divider data-testid={`callback-${demand.id}`} sx={{ gap: 2 }}>
              <Stack sx={{ flexGrow: 1, minWidth: 0 }}>
                <Typography sx={{ fontWeight: 700 }}>{demand.title}</Typography>
                <Stack direction="row" sx={{ gap: 1.5, flexWrap: 'wrap', color: 'text.secondary' }}>
                  <span>{names.path(demand.scope)}</span>
                  {demand.reporterName && (
                    <span>
                      {t('reporter')}：{demand.reporterName}
                    </span>
                  )}
                  {seesPhone && demand.reporterPhone && (
                    <span>
                      {t('phone')}：{demand.reporterPhone}
                    </span>
                  )}
                  {demand.resolvedAt ? (
                    <span>{t('resolvedAt', { at: formatDateTime(demand.resolvedAt) })}</span>
                  ) : demand.respondedAt ? (
                    <span>{t('answeredAt', { at: formatDateTime(demand.respondedAt) })}</span>
                  ) : null}
                  {taskIds.length > 0 && <span>{t('tasks', { count: taskIds.length })}</span>}
                </Stack>
                {last?.outcome && (
                  <Chip
                    size="small"
                    color={last.outcome === 'unsatisfied' ? 'warning' : 'default'}
                    sx={{ alignSelf: 'flex-start', mt: 0.5 }}
                    label={t('lastCallback', {
                      outcome: t(`outcomeShort.${last.outcome}`),
                      at: formatDateTime(last.at),
                    })}
                  />
                )}
              </Stack>
              <ReasonedButton
                variant="contained"
                why={!allowed && t('noPermission')}
                onClick={() => setOpen(demand)}
                data-testid={`callback-record-${demand.id}`}
                sx={{ flexShrink: 0 }}
              >
                {t('record')}
              </ReasonedButton>
            </ListItem>
          );
        })}
      </List>
      {open && (
        <StepDialog
          title={t('dialogTitle', { title: open.title })}
          choices={CALLBACK_OUTCOMES.map((o) => ({ value: o, label: t(`outcomes.${o}`) }))}
          fields={[{ key: 'note', label: t('note'), multiline: true }]}
          testId="callback-dialog"
          onClose={() => setOpen(null)}
          onSubmit={(values, choice) =>
            submit(open, (choice ?? 'satisfied') as CallbackOutcome, values.note ?? '')
          }
        />
      )}
    </>
  );
}
