import { Chip, ListItemButton, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { TaskDoc } from '#shared/schema/index';
import { navigate } from '../../kit/router';
import { formatDateTime } from '../../kit/beijing-time';
import './strings';

interface Props {
  task: TaskDoc;
  place: string;
  now: string;
  /** Extra chips (the board's buckets) and actions shown on the row. */
  children?: React.ReactNode;
}

const OPEN = ['assigned', 'inProgress', 'reopened'];

/** One task in a list: what, where, who, until when; a click opens its page. */
export function TaskRow({ task, place, now, children }: Props) {
  const { t } = useTranslation('tasks');
  const overdue = OPEN.includes(task.status) && task.dueAt < now;
  return (
    <Stack
      component="li"
      direction="row"
      sx={{ alignItems: 'center', gap: 1, borderBottom: 1, borderColor: 'divider' }}
    >
      <ListItemButton
        onClick={() => navigate(`/tasks/${task.id}`)}
        sx={{ flexGrow: 1, minHeight: 64, alignItems: 'flex-start', flexDirection: 'column' }}
        data-testid={`task-row-${task.id}`}
      >
        <Typography sx={{ fontWeight: 700 }}>{task.title}</Typography>
        <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap', alignItems: 'center', mt: 0.5 }}>
          <Typography sx={{ color: 'text.secondary' }}>{place}</Typography>
          <Chip size="small" label={t(`statuses.${task.status}`)} color={overdue ? 'error' : 'default'} />
          <Chip size="small" variant="outlined" label={t(`classificationShort.${task.classification}`)} />
          {task.parties.map((p) => (
            <Chip
              key={p.partyId}
              size="small"
              variant="outlined"
              label={`${p.name}·${t(`partyStates.${p.state}`)}`}
            />
          ))}
          <Typography
            sx={{ color: overdue ? 'error.main' : 'text.secondary', fontWeight: overdue ? 700 : 400 }}
          >
            {t('due', { at: formatDateTime(task.dueAt) })}
            {overdue ? ` · ${t('overdue')}` : ''}
          </Typography>
          {task.escalationLevel > 0 && (
            <Chip size="small" color="warning" label={t('escalated', { level: task.escalationLevel })} />
          )}
        </Stack>
      </ListItemButton>
      {children}
    </Stack>
  );
}
