import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  CardContent,
  Chip,
  List,
  ListItem,
  ListItemText,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import {
  MILESTONE_STATUS_LABELS,
  chineseDate,
  milestoneStatus,
  sortMilestones,
} from '#shared/domain/projects/index';
import type { ProjectDoc } from '#shared/schema/index';
import { nowIso } from '../../db/ids';
import { DateField } from '../../kit/DateField';
import { addMilestone, finishMilestone, type ProjectActor } from './project-actions';
import './strings';

const STATUS_COLORS = {
  done: 'success',
  doneLate: 'warning',
  overdue: 'error',
  dueSoon: 'warning',
  pending: 'default',
} as const;

/** 实施节点: planned with due dates before the works start, marked done as they are reached. */
export function MilestonesCard({
  actor,
  project,
  editable,
}: {
  actor: ProjectActor;
  project: ProjectDoc;
  editable: boolean;
}) {
  const { t } = useTranslation('projects');
  const [title, setTitle] = useState('');
  const [due, setDue] = useState<string | undefined>(undefined);
  const [error, setError] = useState('');
  const now = nowIso();

  const add = async () => {
    setError('');
    try {
      // A date typed in Beijing: due at the end of that day.
      const outcome = await addMilestone(
        actor,
        project.id,
        title,
        due ? new Date(`${due}T23:59:59.000+08:00`).toISOString() : '',
      );
      if (!outcome.ok) {
        setError(outcome.message);
        return;
      }
      setTitle('');
      setDue(undefined);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Card>
      <CardContent>
        <Typography variant="h3" component="h2">
          {t('milestones.title')}
        </Typography>
        {project.milestones.length === 0 && (
          <Typography color="text.secondary">{t('milestones.none')}</Typography>
        )}
        <List dense>
          {sortMilestones(project.milestones).map((m) => {
            const status = milestoneStatus(m, now);
            return (
              <ListItem
                key={m.id}
                data-testid="milestone"
                secondaryAction={
                  editable && !m.doneAt ? (
                    <Button onClick={() => void finishMilestone(actor, project.id, m.id)}>
                      {t('milestones.finish')}
                    </Button>
                  ) : undefined
                }
              >
                <ListItemText
                  primary={
                    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                      <span>{m.title}</span>
                      <Chip
                        size="small"
                        color={STATUS_COLORS[status]}
                        label={MILESTONE_STATUS_LABELS[status]}
                      />
                    </Stack>
                  }
                  secondary={`${t('milestones.dueAt', { date: chineseDate(m.dueAt) })}${m.doneAt ? ` · ${t('milestones.doneAt', { date: chineseDate(m.doneAt) })}` : ''}`}
                />
              </ListItem>
            );
          })}
        </List>
        {editable && (
          <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap', alignItems: 'center' }}>
            <TextField
              label={t('milestones.name')}
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              slotProps={{ htmlInput: { 'data-testid': 'milestone-title', maxLength: 200 } }}
            />
            <DateField label={t('milestones.due')} value={due} onChange={setDue} testId="milestone-due" />
            <Button variant="outlined" onClick={() => void add()}>
              {t('milestones.add')}
            </Button>
          </Stack>
        )}
        {error && (
          <Alert severity="error" sx={{ mt: 1 }}>
            {error}
          </Alert>
        )}
      </CardContent>
    </Card>
  );
}
