import { useMemo, useState } from 'react';
import {
  Alert,
  Box,
  Card,
  CardActionArea,
  CardContent,
  Chip,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import AutoStoriesIcon from '@mui/icons-material/AutoStories';
import { useTranslation } from 'react-i18next';
import { dateWords } from '#shared/domain/archive/index';
import { liesUnder } from '#shared/domain/places/index';
import { CASE_KINDS, type CaseKind } from '#shared/domain/vocab';
import type { PlaceDoc } from '#shared/schema/index';
import { useDatabase } from '../../db/DatabaseContext';
import { useDeviceSettings } from '../../db/SettingsContext';
import { navigate, parseRoute, useRoute } from '../../kit/router';
import { useObservable } from '../../kit/use-observable';
import { CaseEditor } from './CaseEditor';
import { generateFromTopic, type CaseActor } from './case-actions';
import { useCase, useCasesUnder, useTopicsForArchive } from './use-archive-data';
import './strings';
import { ReasonedButton } from '../../kit/ReasonedButton';

function usePlaces(): PlaceDoc[] {
  const db = useDatabase();
  const docs = useObservable(
    useMemo(() => db.places.find().$, [db]),
    [] as never[],
  );
  return useMemo(() => docs.map((d) => d.toJSON() as PlaceDoc), [docs]);
}

const nameOf = (places: readonly PlaceDoc[]) => {
  const byScope = new Map(places.map((p) => [p.scope, p.name]));
  return (scope: string) => {
    const parts = scope.split('.');
    for (let n = parts.length; n > 0; n -= 1) {
      const name = byScope.get(parts.slice(0, n).join('.'));
      if (name) return name;
    }
    return scope;
  };
};

/** 成果档案: #/archive/<scope> lists 经验/案例/故事 and generates drafts; #/archive/<scope>/<id> edits one. */
export function ArchivePage() {
  const { t } = useTranslation('archive');
  const db = useDatabase();
  const settings = useDeviceSettings();
  const { segments } = parseRoute(useRoute());
  const scope = segments[1] ?? settings.homeScope;
  const caseId = segments[2];
  const places = usePlaces();
  const placeName = useMemo(() => nameOf(places), [places]);
  const cases = useCasesUnder(scope);
  const entry = useCase(caseId);
  const topics = useTopicsForArchive(scope);
  const [kindFilter, setKindFilter] = useState<CaseKind | 'all'>('all');
  const [topicId, setTopicId] = useState('');
  const [kind, setKind] = useState<CaseKind>('case');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const actor: CaseActor = { db, settings };
  const choices = useMemo(
    () =>
      places
        .filter(
          (p) =>
            ['street', 'community', 'courtyard'].includes(p.kind) && liesUnder(p.scope, settings.homeScope),
        )
        .sort((a, b) => a.scope.localeCompare(b.scope)),
    [places, settings.homeScope],
  );

  if (caseId && entry) {
    const topic = topics.find((x) => x.id === entry.topicId);
    return (
      <CaseEditor
        key={entry.id}
        actor={actor}
        entry={entry}
        {...(topic ? { topicTitle: topic.title } : {})}
        onBack={() => navigate(`/archive/${scope}`)}
      />
    );
  }

  const generate = async () => {
    const topic = topics.find((x) => x.id === topicId);
    if (!topic) return;
    const generated = await generateFromTopic(actor, topic.id, kind, placeName(topic.scope));
    if (!generated.ok) {
      setMessage({ ok: false, text: t('refused', { message: generated.message }) });
      return;
    }
    setMessage({ ok: true, text: t('generate.generated', { title: generated.doc.title }) });
    navigate(`/archive/${scope}/${generated.doc.id}`);
  };

  const shown = cases.filter((c) => kindFilter === 'all' || c.kind === kindFilter);
  return (
    <Stack spacing={3} sx={{ maxWidth: 1200 }}>
      <Typography variant="h2" component="h1">
        {t('title')}
      </Typography>
      <Typography color="text.secondary">{t('intro')}</Typography>
      <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap' }}>
        <TextField
          select
          label={t('place')}
          value={choices.some((c) => c.scope === scope) ? scope : ''}
          onChange={(e) => navigate(`/archive/${e.target.value}`)}
          sx={{ minWidth: 260 }}
        >
          {choices.map((p) => (
            <MenuItem
              key={p.id}
              value={p.scope}
              sx={{ pl: 2 + (p.scope.split('.').length - settings.homeScope.split('.').length) * 2 }}
            >
              {p.name}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          label={t('generate.kind')}
          value={kindFilter}
          onChange={(e) => setKindFilter(e.target.value as CaseKind | 'all')}
          sx={{ width: 160 }}
        >
          <MenuItem value="all">{t('allKinds')}</MenuItem>
          {CASE_KINDS.map((k) => (
            <MenuItem key={k} value={k}>
              {t(`kind.${k}`)}
            </MenuItem>
          ))}
        </TextField>
      </Stack>
      <Card>
        <CardContent>
          <Typography variant="h3" component="h2" sx={{ mb: 2 }}>
            {t('generate.title')}
          </Typography>
          <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap', alignItems: 'center' }}>
            <TextField
              select
              label={t('generate.topic')}
              value={topicId}
              onChange={(e) => setTopicId(e.target.value)}
              sx={{ minWidth: 420, maxWidth: '100%' }}
              helperText={topics.length === 0 ? t('generate.noTopics') : ' '}
              slotProps={{ htmlInput: { 'data-testid': 'archive-topic' } }}
            >
              {topics.slice(0, 200).map((x) => (
                <MenuItem key={x.id} value={x.id}>
                  {t('generate.topicOption', { title: x.title, place: placeName(x.scope) })}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              select
              label={t('generate.kind')}
              value={kind}
              onChange={(e) => setKind(e.target.value as CaseKind)}
              sx={{ width: 140 }}
              helperText=" "
            >
              {CASE_KINDS.map((k) => (
                <MenuItem key={k} value={k}>
                  {t(`kind.${k}`)}
                </MenuItem>
              ))}
            </TextField>
            <ReasonedButton
              variant="contained"
              startIcon={<AutoStoriesIcon />}
              why={!topicId && t('generate.chooseTopic')}
              onClick={() => void generate()}
              sx={{ mb: 3 }}
            >
              {t('generate.button')}
            </ReasonedButton>
          </Stack>
          {message && <Alert severity={message.ok ? 'success' : 'error'}>{message.text}</Alert>}
        </CardContent>
      </Card>
      {shown.length === 0 && <Typography>{t('none')}</Typography>}
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, gap: 2 }}>
        {shown.map((c) => (
          <Card key={c.id} data-testid="case-card">
            <CardActionArea onClick={() => navigate(`/archive/${scope}/${c.id}`)}>
              <CardContent>
                <Stack direction="row" sx={{ gap: 1, mb: 1 }}>
                  <Chip size="small" label={t(`kind.${c.kind}`)} />
                  <Chip
                    size="small"
                    color={c.status === 'published' ? 'success' : 'default'}
                    label={t(`status.${c.status}`)}
                  />
                </Stack>
                <Typography variant="h3" component="h2" sx={{ fontSize: '1.2rem' }}>
                  {c.title}
                </Typography>
                <Typography variant="body2" color="text.secondary">
                  {placeName(c.scope)} · {dateWords(c.updatedAt)}
                </Typography>
                <Typography
                  variant="body2"
                  sx={{
                    mt: 1,
                    display: '-webkit-box',
                    WebkitLineClamp: 3,
                    WebkitBoxOrient: 'vertical',
                    overflow: 'hidden',
                  }}
                >
                  {c.body}
                </Typography>
              </CardContent>
            </CardActionArea>
          </Card>
        ))}
      </Box>
    </Stack>
  );
}
