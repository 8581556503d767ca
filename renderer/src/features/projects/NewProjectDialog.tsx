import { useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  MenuItem,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { MAJOR_PROGRAMMES, parseYuan } from '#shared/domain/projects/index';
import { FUND_SOURCES, PROJECT_KINDS, type FundSource, type ProjectKind } from '#shared/domain/vocab';
import type { PlaceDoc, ProjectDoc } from '#shared/schema/index';
import { nowIso } from '../../db/ids';
import { PlaceSelect } from './PlaceSelect';
import { createProject, type ProjectActor } from './project-actions';
import { useTopicsUnder } from './use-projects-data';
import './strings';

/** 提出项目: a proposal linked to the topics it answers, with its fund source and budget. */
export function NewProjectDialog({
  actor,
  places,
  scope: initialScope,
  onClose,
  onCreated,
}: {
  actor: ProjectActor;
  places: readonly PlaceDoc[];
  scope: string;
  onClose: () => void;
  onCreated: (project: ProjectDoc) => void;
}) {
  const { t } = useTranslation('projects');
  const [kind, setKind] = useState<ProjectKind>('micro');
  const [programme, setProgramme] = useState('');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [scope, setScope] = useState(initialScope);
  const [topicIds, setTopicIds] = useState<string[]>([]);
  const [fundSource, setFundSource] = useState<FundSource>('communityWelfareFund');
  const [year, setYear] = useState(nowIso().slice(0, 4));
  const [budget, setBudget] = useState('');
  const [error, setError] = useState('');
  const topics = useTopicsUnder(scope);

  const submit = async () => {
    setError('');
    const budgetFen = parseYuan(budget);
    if (budgetFen === null) {
      setError(t('spending.badAmount'));
      return;
    }
    const fullTitle =
      kind === 'major' && programme && !title.includes(programme) ? `${title}${programme}` : title;
    try {
      const created = await createProject(actor, {
        kind,
        title: fullTitle,
        description,
        scope,
        topicIds,
        fundSource,
        year: Number(year),
        budgetFen,
      });
      if (created.ok) onCreated(created.project);
      else setError(created.message);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md">
      <DialogTitle>{t('create.title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <RadioGroup row value={kind} onChange={(e) => setKind(e.target.value as ProjectKind)}>
            {PROJECT_KINDS.map((k) => (
              <FormControlLabel key={k} value={k} control={<Radio />} label={t(`kind.${k}`)} />
            ))}
          </RadioGroup>
          {kind === 'major' && (
            <TextField
              select
              label={t('create.programme')}
              value={programme}
              onChange={(e) => setProgramme(e.target.value)}
            >
              <MenuItem value="">{t('create.noProgramme')}</MenuItem>
              {MAJOR_PROGRAMMES.map((p) => (
                <MenuItem key={p} value={p}>
                  {p}
                </MenuItem>
              ))}
            </TextField>
          )}
          <TextField
            label={t('create.name')}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            slotProps={{ htmlInput: { 'data-testid': 'project-title', maxLength: 200 } }}
          />
          <TextField
            label={t('create.description')}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            multiline
            minRows={2}
            slotProps={{ htmlInput: { 'data-testid': 'project-description', maxLength: 4000 } }}
          />
          <PlaceSelect
            places={places}
            within={actor.homeScope}
            value={scope}
            label={t('place')}
            onChange={(s) => {
              setScope(s);
              setTopicIds([]);
            }}
          />
          <Typography variant="body2" color="text.secondary">
            {t('create.topics')}
          </Typography>
          <Stack sx={{ maxHeight: 180, overflow: 'auto', pl: 1 }}>
            {topics.length === 0 && <Typography color="text.secondary">{t('create.noTopics')}</Typography>}
            {topics.map((topic) => (
              <FormControlLabel
                key={topic.id}
                control={
                  <Checkbox
                    checked={topicIds.includes(topic.id)}
                    onChange={(e) =>
                      setTopicIds((ids) =>
                        e.target.checked ? [...ids, topic.id] : ids.filter((id) => id !== topic.id),
                      )
                    }
                  />
                }
                label={topic.title}
              />
            ))}
          </Stack>
          <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap' }}>
            <TextField
              select
              label={t('detail.fund')}
              value={fundSource}
              onChange={(e) => setFundSource(e.target.value as FundSource)}
              sx={{ minWidth: 300 }}
              slotProps={{ htmlInput: { 'data-testid': 'project-fund' } }}
            >
              {FUND_SOURCES.map((f) => (
                <MenuItem key={f} value={f}>
                  {t(`fund.${f}`)}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              label={t('year')}
              value={year}
              onChange={(e) => setYear(e.target.value.replace(/\D/g, '').slice(0, 4))}
              sx={{ width: 120 }}
              slotProps={{ htmlInput: { inputMode: 'numeric' } }}
            />
            <TextField
              label={t('create.budget')}
              value={budget}
              onChange={(e) => setBudget(e.target.value)}
              sx={{ width: 200 }}
              slotProps={{ htmlInput: { inputMode: 'decimal', 'data-testid': 'project-budget' } }}
            />
          </Stack>
          {error && <Alert severity="error">{error}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common.cancel', { ns: 'app' })}</Button>
        <Button variant="contained" onClick={() => void submit()}>
          {t('create.submit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
