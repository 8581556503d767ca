import { useMemo, useState } from 'react';
import { Alert, Box, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { levelOf } from '#shared/domain/places/index';
import type { Outcome } from '#shared/domain/commands/index';
import type { TopicDoc } from '#shared/schema/index';
import { useDatabase } from '../../db/DatabaseContext';
import { useDeviceSettings } from '../../db/SettingsContext';
import { navigate, parseRoute, useRoute } from '../../kit/router';
import { NewTopicDialog } from './NewTopicDialog';
import { OpenDemands } from './OpenDemands';
import { ScopePicker } from './ScopePicker';
import { TopicDetailDialog } from './TopicDetailDialog';
import { TopicList } from './TopicList';
import * as actions from './topic-actions';
import { useOpenDemands, usePlaces, useTopicsAt } from './use-topics-data';
import './strings';
import { ReasonedButton } from '../../kit/ReasonedButton';

/** 议题: from one demand to a class — candidate classes, merging, the ordered topic lists, escalation. */
export function TopicsPage() {
  const { t } = useTranslation('topics');
  const db = useDatabase();
  const settings = useDeviceSettings();
  const { segments } = parseRoute(useRoute());
  const scope = segments[1] ?? settings.homeScope;
  const places = usePlaces();
  const placeName = useMemo(() => {
    const byScope = new Map(places.map((p) => [p.scope, p.name]));
    return (s: string) => {
      const parts = s.split('.');
      for (let n = Math.min(parts.length, 3); n > 0; n -= 1) {
        const name = byScope.get(parts.slice(0, n).join('.'));
        if (name) return name;
      }
      return s;
    };
  }, [places]);
  const open = useOpenDemands(scope);
  const level = levelOf(scope);
  const topics = useTopicsAt(scope);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [creating, setCreating] = useState(false);
  const [mergeTarget, setMergeTarget] = useState('');
  const [detailId, setDetailId] = useState<string | null>(null);
  const [error, setError] = useState('');
  const actor: actions.TopicActor = { db, settings };
  const chosen = open.filter((d) => selected.has(d.id));
  const detail = topics.find((x) => x.id === detailId);
  const mergeable = topics.filter((x) => x.status === 'collecting');

  const run = (work: () => Promise<Outcome>) => {
    setError('');
    work()
      .then((outcome) => !outcome.ok && setError(outcome.message))
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };

  return (
    <Stack spacing={3}>
      <Typography variant="h2" component="h1">
        {t('title')}
      </Typography>
      <ScopePicker
        places={places}
        scope={scope}
        onChange={(s) => {
          setSelected(new Set());
          navigate(`/topics/${s}`);
        }}
      />
      {error && <Alert severity="error">{error}</Alert>}
      <Box
        sx={{
          display: 'grid',
          gridTemplateColumns: { xs: '1fr', lg: '5fr 7fr' },
          gap: 3,
          alignItems: 'start',
        }}
      >
        <Stack spacing={2}>
          <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap', alignItems: 'center' }}>
            <ReasonedButton
              variant="contained"
              why={chosen.length === 0 && t('chooseDemandsFirst')}
              onClick={() => setCreating(true)}
            >
              {t('merge', { count: chosen.length })}
            </ReasonedButton>
            {mergeable.length > 0 && (
              <>
                <TextField
                  select
                  size="small"
                  label={t('chooseTopic')}
                  value={mergeTarget}
                  onChange={(e) => setMergeTarget(e.target.value)}
                  sx={{ width: 240 }}
                >
                  {mergeable.map((x) => (
                    <MenuItem key={x.id} value={x.id}>
                      {x.title}
                    </MenuItem>
                  ))}
                </TextField>
                <ReasonedButton
                  variant="outlined"
                  why={chosen.length === 0 ? t('chooseDemandsFirst') : !mergeTarget && t('chooseTopicFirst')}
                  onClick={() => {
                    const target = topics.find((x) => x.id === mergeTarget);
                    if (target)
                      run(async () => {
                        const outcome = await actions.addToTopic(
                          actor,
                          target,
                          chosen.map((d) => d.id),
                        );
                        if (outcome.ok) setSelected(new Set());
                        return outcome;
                      });
                  }}
                >
                  {t('mergeInto')}
                </ReasonedButton>
              </>
            )}
          </Stack>
          <OpenDemands
            demands={open}
            places={places}
            placeName={placeName}
            selected={selected}
            onSelected={setSelected}
          />
        </Stack>
        <TopicList
          level={level}
          topics={topics}
          placeName={placeName}
          onMove={(id, direction) => run(() => actions.moveTopic(actor, topics, id, direction))}
          onRerank={() => run(() => actions.rerankByPriority(actor, topics))}
          onOpen={(x: TopicDoc) => setDetailId(x.id)}
        />
      </Box>
      {creating && (
        <NewTopicDialog
          demands={chosen}
          onCancel={() => setCreating(false)}
          onCreate={(input) =>
            run(async () => {
              setCreating(false);
              const created = await actions.createTopic(actor, input);
              if (!created.ok) return created;
              setSelected(new Set());
              if (created.topic.scope !== scope) navigate(`/topics/${created.topic.scope}`);
              return created;
            })
          }
        />
      )}
      {detail && (
        <TopicDetailDialog
          topic={detail}
          placeName={placeName}
          onClose={() => setDetailId(null)}
          onSplit={(id) => run(() => actions.splitFromTopic(actor, detail, id))}
          onAnswer={(text) => run(() => actions.answerQuick(actor, detail, text))}
          onDeepen={(reason) => run(() => actions.deepen(actor, detail, reason))}
          onTakeUp={() => run(() => actions.takeUp(actor, detail))}
          onEscalate={(reason) =>
            run(async () => {
              const escalated = await actions.escalate(actor, detail, reason);
              if (!escalated.ok) return escalated;
              setDetailId(null);
              navigate(`/topics/${escalated.copy.scope}`);
              return escalated;
            })
          }
        />
      )}
    </Stack>
  );
}
