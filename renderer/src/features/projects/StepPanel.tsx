import { useMemo, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  CardContent,
  FormControlLabel,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { allowedEvents, projectMachine } from '#shared/domain/machines/index';
import {
  approvalFromVote,
  chineseDate,
  CONSULTATION_PHASE_LABELS,
  missingConsultations,
  projectVoteOptions,
} from '#shared/domain/projects/index';
import type { ProjectEvent } from '#shared/domain/vocab';
import type { ProjectDoc } from '#shared/schema/index';
import { stepProject, type ProjectActor, type StepInput } from './project-actions';
import { useMeetingRecords, useMeetingsAround } from './use-projects-data';
import './strings';

// Publishing happens from the printed notice, so it is not offered here.
const TEXT_EVENTS: Partial<
  Record<ProjectEvent, 'feasibility' | 'reason' | 'completionNote' | 'acceptanceNote'>
> = {
  assess: 'feasibility',
  reject: 'reason',
  rework: 'reason',
  reconsider: 'reason',
  complete: 'completionNote',
  passAcceptance: 'acceptanceNote',
};

function inputFor(event: ProjectEvent, text: string, project: ProjectDoc): StepInput {
  switch (event) {
    case 'assess':
      return { event, artefacts: { feasibility: text }, fields: { feasibility: text.trim() } };
    case 'start':
      return {
        event,
        artefacts: { milestones: project.milestones },
        followUp: { kind: 'progress', note: '开始实施' },
      };
    case 'complete':
      return {
        event,
        artefacts: { completionNote: text },
        followUp: { kind: 'progress', note: `完工：${text.trim()}` },
      };
    case 'passAcceptance':
      return {
        event,
        artefacts: { acceptanceRecord: { outcome: 'passed' } },
        followUp: { kind: 'acceptance', note: text.trim() || '验收合格', outcome: 'passed' },
      };
    case 'rework':
      return {
        event,
        artefacts: { reason: text },
        followUp: { kind: 'acceptance', note: `验收不合格，返工：${text.trim()}`, outcome: 'failed' },
      };
    default:
      return { event, artefacts: { reason: text } };
  }
}

/** The next lifecycle steps the device's role may take, each with what it needs. */
export function StepPanel({ actor, project }: { actor: ProjectActor; project: ProjectDoc }) {
  const { t } = useTranslation('projects');
  const [event, setEvent] = useState<ProjectEvent | null>(null);
  const [text, setText] = useState('');
  const [voteId, setVoteId] = useState('');
  const [noConsultationWhy, setNoConsultationWhy] = useState('');
  const missing = missingConsultations(project);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const events = allowedEvents(projectMachine, project.status, { role: actor.role }).filter(
    (e) => e !== 'publish',
  );
  const meetings = useMeetingsAround(project.scope);
  const records = useMeetingRecords(
    useMemo(() => (event === 'approve' ? meetings.map((m) => m.id) : []), [event, meetings]),
  );
  const options = useMemo(() => projectVoteOptions(project, meetings, records), [project, meetings, records]);

  const choose = (e: ProjectEvent) => {
    setEvent(e);
    setMessage(null);
    setText(e === 'assess' ? (project.feasibility ?? '') : '');
  };

  const submit = async () => {
    if (!event) return;
    try {
      let input = inputFor(event, text, project);
      if (event === 'approve') {
        const choice = approvalFromVote(options.find((o) => o.recordId === voteId));
        if (!choice.ok) throw new Error(choice.message);
        input = {
          event,
          artefacts: choice.artefacts,
          fields: choice.fields,
          consultation: { phase: 'before', meetingId: choice.fields.approvalMeetingId },
        };
      }
      if (event === 'passAcceptance' && missing.length > 0)
        input = { ...input, missingConsultationReason: noConsultationWhy };
      const outcome = await stepProject(actor, project.id, input);
      if (!outcome.ok) {
        setMessage({ ok: false, text: t('refused', { message: outcome.message }) });
        return;
      }
      setMessage({ ok: true, text: t('step.done', { action: projectMachine.eventLabels[event] }) });
      setEvent(null);
    } catch (e) {
      setMessage({ ok: false, text: t('refused', { message: e instanceof Error ? e.message : String(e) }) });
    }
  };

  const field = event ? TEXT_EVENTS[event] : undefined;
  return (
    <Card>
      <CardContent>
        <Stack spacing={2}>
          <Typography variant="h3" component="h2">
            {t('detail.actions')}
          </Typography>
          {events.length === 0 && <Typography color="text.secondary">{t('detail.noActions')}</Typography>}
          <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }}>
            {events.map((e) => (
              <Button key={e} variant={event === e ? 'contained' : 'outlined'} onClick={() => choose(e)}>
                {projectMachine.eventLabels[e]}
              </Button>
            ))}
          </Stack>
          {event === 'start' && project.milestones.length === 0 && (
            <Alert severity="info">{t('step.needsMilestones')}</Alert>
          )}
          {field && (
            <TextField
              label={t(`step.${field}`)}
              value={text}
              onChange={(e) => setText(e.target.value)}
              multiline
              minRows={2}
              slotProps={{ htmlInput: { 'data-testid': 'step-text', maxLength: 4000 } }}
            />
          )}
          {event === 'passAcceptance' && missing.length > 0 && (
            <Stack spacing={1}>
              <Alert severity="warning">
                {t('step.missingConsultations', {
                  phases: missing.map((p) => CONSULTATION_PHASE_LABELS[p]).join('、'),
                })}
              </Alert>
              <TextField
                label={t('step.missingConsultationReason')}
                value={noConsultationWhy}
                onChange={(e) => setNoConsultationWhy(e.target.value)}
                multiline
                minRows={2}
                required
                slotProps={{ htmlInput: { 'data-testid': 'missing-consultation-reason', maxLength: 2000 } }}
              />
            </Stack>
          )}
          {event === 'approve' && (
            <Stack spacing={1}>
              <Typography>{t('step.chooseVote')}</Typography>
              {options.length === 0 && <Typography color="text.secondary">{t('step.noVotes')}</Typography>}
              <RadioGroup
                value={voteId}
                onChange={(e) => setVoteId(e.target.value)}
                sx={{ maxHeight: 320, overflow: 'auto' }}
              >
                {options.slice(0, 40).map((o) => (
                  <FormControlLabel
                    key={o.recordId}
                    value={o.recordId}
                    control={<Radio />}
                    data-testid="vote-option"
                    data-passed={o.passed ? 'true' : 'false'}
                    label={
                      <span>
                        <strong>{o.motion}</strong>
                        {t('step.voteDetail', {
                          date: chineseDate(o.startsAt),
                          meeting: o.meetingTitle,
                          verdict: t('step.votePassed'),
                          reason: o.reason,
                        })}
                      </span>
                    }
                  />
                ))}
              </RadioGroup>
            </Stack>
          )}
          {event && (
            <Stack direction="row" spacing={2}>
              <Button variant="contained" onClick={() => void submit()} data-testid="step-submit">
                {projectMachine.eventLabels[event]}
              </Button>
              <Button onClick={() => setEvent(null)}>{t('common.cancel', { ns: 'app' })}</Button>
            </Stack>
          )}
          {message && <Alert severity={message.ok ? 'success' : 'error'}>{message.text}</Alert>}
        </Stack>
      </CardContent>
    </Card>
  );
}
