import { useMemo, useState } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { nextLevel, pendingEscalation } from '#shared/domain/machines/index';
import type { DemandDoc, TopicDoc } from '#shared/schema/index';
import { useDatabase } from '../../db/DatabaseContext';
import { useObservable } from '../../kit/use-observable';
import { formatDateTime } from '../../kit/beijing-time';
import './strings';

type Pending = 'escalate' | 'answer' | 'deepen' | null;

interface Props {
  topic: TopicDoc;
  placeName: (scope: string) => string;
  onClose: () => void;
  onSplit: (demandId: string) => void;
  onEscalate: (reason: string) => void;
  onAnswer: (text: string) => void;
  onDeepen: (reason: string) => void;
  onTakeUp: () => void;
}

/** One topic: its demands (each can be taken out), escalation history, and the next steps. */
export function TopicDetailDialog({
  topic,
  placeName,
  onClose,
  onSplit,
  onEscalate,
  onAnswer,
  onDeepen,
  onTakeUp,
}: Props) {
  const { t } = useTranslation('topics');
  const db = useDatabase();
  const [pending, setPending] = useState<Pending>(null);
  const [text, setText] = useState('');
  const docs = useObservable(
    useMemo(() => db.demands.findByIds(topic.demandIds).$, [db, topic.demandIds]),
    new Map(),
  );
  const demands = [...docs.values()].map((d) => d.toJSON() as DemandDoc);
  const up = nextLevel(topic.level);
  const awaiting = pendingEscalation(topic);
  // An escalated topic waits for this level to take it up before anything else is done with it.
  const active =
    !awaiting && topic.status !== 'escalated' && topic.status !== 'closed' && topic.status !== 'dropped';
  const before = topic.escalations.at(-1)?.deadlineAt;
  const submit = () => {
    if (pending === 'escalate') onEscalate(text);
    if (pending === 'answer') onAnswer(text);
    if (pending === 'deepen') onDeepen(text);
    setPending(null);
    setText('');
  };
  const label = { escalate: 'escalateReason', answer: 'answerText', deepen: 'deepenReason' } as const;
  const confirm = { escalate: 'escalateConfirm', answer: 'answerConfirm', deepen: 'deepen' } as const;
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md">
      <DialogTitle>{topic.title}</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          {topic.description && <Typography>{topic.description}</Typography>}
          {topic.quickAnswer && (
            <Typography color="success.main">{t('answered', { text: topic.quickAnswer })}</Typography>
          )}
          <Typography variant="h3" component="h3">
            {t('topicDemands')}
          </Typography>
          {demands.map((d) => (
            <Stack
              key={d.id}
              direction="row"
              sx={{ alignItems: 'center', gap: 2, borderBottom: 1, borderColor: 'divider', pb: 1 }}
            >
              <Stack sx={{ flex: 1 }}>
                <Typography>{d.title}</Typography>
                <Typography variant="body2" color="text.secondary">
                  {placeName(d.scope)} · {formatDateTime(d.receivedAt)}
                </Typography>
              </Stack>
              {active && topic.status === 'collecting' && (
                <Button onClick={() => onSplit(d.id)}>{t('split')}</Button>
              )}
            </Stack>
          ))}
          {awaiting && (
            <Alert severity="info" data-testid="awaiting-take-up">
              {t('awaitingTakeUpFrom', {
                from: placeName(awaiting.fromScope),
                at: formatDateTime(awaiting.at),
              })}
            </Alert>
          )}
          {topic.deadlineAt && (
            <Typography data-testid="topic-deadlines">
              {t('deadline', { at: formatDateTime(topic.deadlineAt) })}
              {before && before !== topic.deadlineAt
                ? t('deadlineBefore', { at: formatDateTime(before) })
                : ''}
            </Typography>
          )}
          {topic.escalations.length > 0 && (
            <>
              <Typography variant="h3" component="h3">
                {t('escalations')}
              </Typography>
              {topic.escalations.map((e) => (
                <Typography key={e.at}>
                  {t('escalationLine', {
                    at: formatDateTime(e.at),
                    from: placeName(e.fromScope),
                    to: placeName(e.toScope),
                    reason: e.reason,
                  })}
                  {e.deadlineAt ? t('escalationDeadline', { at: formatDateTime(e.deadlineAt) }) : ''}
                  {e.takenUpAt ? t('escalationTakenUp', { at: formatDateTime(e.takenUpAt) }) : ''}
                </Typography>
              ))}
            </>
          )}
          {pending && (
            <TextField
              autoFocus
              label={t(label[pending])}
              value={text}
              onChange={(e) => setText(e.target.value)}
              multiline
              minRows={2}
            />
          )}
        </Stack>
      </DialogContent>
      <DialogActions sx={{ flexWrap: 'wrap', gap: 1 }}>
        {pending ? (
          <>
            <Button onClick={() => setPending(null)}>{t('cancel')}</Button>
            <Button variant="contained" disabled={!text.trim()} onClick={submit}>
              {t(confirm[pending])}
            </Button>
          </>
        ) : (
          <>
            {awaiting && (
              <Button variant="contained" onClick={onTakeUp} data-testid="take-up">
                {t('takeUp')}
              </Button>
            )}
            {active && topic.track === 'quick' && topic.status === 'collecting' && (
              <Button variant="outlined" onClick={() => setPending('answer')}>
                {t('answer')}
              </Button>
            )}
            {active &&
              topic.track === 'quick' &&
              (topic.status === 'collecting' || topic.status === 'answered') && (
                <Button variant="outlined" onClick={() => setPending('deepen')}>
                  {t('deepen')}
                </Button>
              )}
            {active && up && (
              <Button variant="outlined" onClick={() => setPending('escalate')}>
                {t('escalate', { level: t(`levels.${up}`) })}
              </Button>
            )}
            <Button onClick={onClose}>{t('close')}</Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
