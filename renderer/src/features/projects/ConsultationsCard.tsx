import { useMemo, useState } from 'react';
import {
  Alert,
  AlertTitle,
  Button,
  Card,
  CardContent,
  Chip,
  List,
  ListItem,
  ListItemText,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import {
  chineseDate,
  earlyWarning,
  phaseAt,
  phasePlan,
  projectCategories,
  worksWindow,
} from '#shared/domain/projects/index';
import { CONSULTATION_PHASES, type ConsultationPhase } from '#shared/domain/vocab';
import type { ProjectDoc } from '#shared/schema/index';
import { nowIso } from '../../db/ids';
import { linkConsultation, unlinkConsultation, type ProjectActor } from './project-actions';
import { useDemandsSince, useFollowUpsOf, useMeetingsAround, useTopicsUnder } from './use-projects-data';
import './strings';
import { useCategoryLabel } from '../../kit/i18n/labels';

/** 项目前、中、后协商 linked to the works' phases, and complaints arising during the works. */
export function ConsultationsCard({
  actor,
  project,
  editable,
}: {
  actor: ProjectActor;
  project: ProjectDoc;
  editable: boolean;
}) {
  const { t } = useTranslation('projects');
  const categoryLabel = useCategoryLabel();
  const meetings = useMeetingsAround(project.scope);
  const followUps = useFollowUpsOf(project.id);
  const street = project.scope.split('.')[0] ?? project.scope;
  const topics = useTopicsUnder(street);
  const window = useMemo(() => worksWindow(project, followUps), [project, followUps]);
  const plan = useMemo(
    () => phasePlan(project.consultations, meetings, window),
    [project.consultations, meetings, window],
  );
  const categories = useMemo(
    () =>
      projectCategories(
        project.title,
        topics.filter((x) => project.topicIds.includes(x.id)).map((x) => x.category),
      ),
    [project.title, project.topicIds, topics],
  );
  const demands = useDemandsSince(project.scope, window.startedAt);
  const lastDuring = plan.find((p) => p.phase === 'during')?.entries.at(-1)?.startsAt;
  const warning = useMemo(
    () => earlyWarning(project, categories, demands, window, nowIso(), lastDuring),
    [project, categories, demands, window, lastDuring],
  );
  const [meetingId, setMeetingId] = useState('');
  const [phase, setPhase] = useState<ConsultationPhase | ''>('');
  const [error, setError] = useState('');
  const chosen = meetings.find((m) => m.id === meetingId);
  const suggested = chosen ? phaseAt(chosen.startsAt, window) : undefined;

  const link = async () => {
    setError('');
    const target = phase || suggested;
    if (!meetingId || !target) return;
    try {
      const outcome = await linkConsultation(actor, project.id, target, meetingId);
      if (!outcome.ok) {
        setError(outcome.message);
        return;
      }
      setMeetingId('');
      setPhase('');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Card>
      <CardContent>
        <Stack spacing={2}>
          <Typography variant="h3" component="h2">
            {t('phases.title')}
          </Typography>
          <Typography color="text.secondary">
            {window.startedAt
              ? t('phases.window', {
                  from: chineseDate(window.startedAt),
                  to: window.acceptedAt ? t('phases.windowTo', { date: chineseDate(window.acceptedAt) }) : '',
                })
              : t('phases.notStarted')}
          </Typography>
          {warning.level !== 'none' && (
            <Alert severity={warning.level === 'alert' ? 'error' : 'warning'} data-testid="early-warning">
              <AlertTitle>{t('phases.warningTitle')}</AlertTitle>
              {warning.message}
              <List dense>
                {warning.demands.slice(0, 5).map((d) => (
                  <ListItem key={d.id} disableGutters>
                    <ListItemText
                      primary={d.title}
                      secondary={`${chineseDate(d.receivedAt)} · ${categoryLabel(d.category)}`}
                    />
                  </ListItem>
                ))}
              </List>
            </Alert>
          )}
          {project.missingConsultationReason && (
            <Alert severity="info" data-testid="missing-consultation-reason-shown">
              {t('phases.missingReason', { reason: project.missingConsultationReason })}
            </Alert>
          )}
          {plan.map((p) => (
            <Stack key={p.phase} spacing={0.5} data-testid={`phase-${p.phase}`}>
              <Typography sx={{ fontWeight: 700 }}>{p.label}</Typography>
              {p.missing && <Typography color="warning.main">{p.missing}</Typography>}
              {p.entries.map((e) => (
                <Stack
                  key={e.meetingId}
                  direction="row"
                  sx={{ gap: 1, alignItems: 'center', flexWrap: 'wrap' }}
                >
                  <Typography>
                    {e.startsAt ? `${chineseDate(e.startsAt)} ` : ''}
                    {e.title}
                  </Typography>
                  {e.mismatch && <Chip size="small" color="warning" label={e.mismatch} />}
                  {editable && (
                    <Button
                      size="small"
                      onClick={() => void unlinkConsultation(actor, project.id, p.phase, e.meetingId)}
                    >
                      {t('phases.unlink')}
                    </Button>
                  )}
                </Stack>
              ))}
            </Stack>
          ))}
          {editable && (
            <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap', alignItems: 'center' }}>
              <TextField
                select
                label={t('phases.meeting')}
                value={meetingId}
                onChange={(e) => setMeetingId(e.target.value)}
                sx={{ minWidth: 360 }}
              >
                {meetings.slice(0, 60).map((m) => (
                  <MenuItem key={m.id} value={m.id}>
                    {chineseDate(m.startsAt)} {m.title}
                  </MenuItem>
                ))}
              </TextField>
              <TextField
                select
                label={t('phases.phase')}
                value={phase || suggested || ''}
                onChange={(e) => setPhase(e.target.value as ConsultationPhase)}
                sx={{ minWidth: 200 }}
                helperText={suggested ? t('phases.suggested', { phase: t(`phases.${suggested}`) }) : ' '}
              >
                {CONSULTATION_PHASES.map((x) => (
                  <MenuItem key={x} value={x}>
                    {t(`phases.${x}`)}
                  </MenuItem>
                ))}
              </TextField>
              <Button variant="outlined" onClick={() => void link()} disabled={!meetingId}>
                {t('phases.link')}
              </Button>
            </Stack>
          )}
          {error && <Alert severity="error">{error}</Alert>}
        </Stack>
      </CardContent>
    </Card>
  );
}
