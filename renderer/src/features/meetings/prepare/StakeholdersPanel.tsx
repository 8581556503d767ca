import { useState } from 'react';
import {
  Alert,
  Autocomplete,
  Button,
  Chip,
  MenuItem,
  Paper,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { STAKEHOLDER_KINDS, type StakeholderKind } from '#shared/domain/vocab';
import type { MeetingDoc, TopicDoc } from '#shared/schema/index';
import { useDatabase } from '../../../app/DatabaseContext';
import { useOrganizations, usePeople, useTopics } from '../use-reference';
import { useWho } from '../use-who';
import { setStakeholders } from './topic-links';

const PEOPLE_KINDS: StakeholderKind[] = ['resident', 'residentRep', 'leader'];
const ORG_KINDS: StakeholderKind[] = ['organization', 'streetDept'];

/** 主体确定: who must take part in deliberating each topic on the agenda (kept on the topic). */
export function StakeholdersPanel({ meeting }: { meeting: MeetingDoc }) {
  const { t } = useTranslation('meetings');
  const topicIds = meeting.agenda.flatMap((a) => (a.topicId ? [a.topicId] : []));
  const topics = useTopics(meeting.scope).filter((tp) => topicIds.includes(tp.id));
  if (topics.length === 0) return null;
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Stack spacing={2}>
        <Typography variant="h2">{t('prepare.stakeholders')}</Typography>
        {topics.map((topic) => (
          <TopicStakeholders key={topic.id} topic={topic} scope={meeting.scope} />
        ))}
      </Stack>
    </Paper>
  );
}

function TopicStakeholders({ topic, scope }: { topic: TopicDoc; scope: string }) {
  const { t } = useTranslation('meetings');
  const db = useDatabase();
  const who = useWho();
  const people = usePeople(scope);
  const organizations = useOrganizations(scope);
  const [kind, setKind] = useState<StakeholderKind>('organization');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const options = PEOPLE_KINDS.includes(kind)
    ? people.map((p) => ({ label: p.name, id: p.id }))
    : ORG_KINDS.includes(kind)
      ? organizations
          .filter((o) => (kind === 'streetDept') === (o.kind === 'streetDept'))
          .map((o) => ({ label: o.name, id: o.id }))
      : [];
  const save = async (next: TopicDoc['stakeholders']) =>
    setError(await setStakeholders(db, who.actor, topic, next));
  const add = async () => {
    const trimmed = name.trim();
    if (trimmed === '') return;
    const match = options.find((o) => o.label === trimmed);
    await save([...topic.stakeholders, { kind, name: trimmed, ...(match ? { refId: match.id } : {}) }]);
    setName('');
  };
  return (
    <Stack spacing={1}>
      <Typography sx={{ fontWeight: 700 }}>{t('prepare.stakeholdersOf', { title: topic.title })}</Typography>
      <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }}>
        {topic.stakeholders.length === 0 && (
          <Typography color="text.secondary">{t('prepare.noStakeholders')}</Typography>
        )}
        {topic.stakeholders.map((s, i) => (
          <Chip
            key={`${s.kind}-${s.name}-${i}`}
            label={`${s.name}（${t(`stakeholderKinds.${s.kind}`)}）`}
            onDelete={() => void save(topic.stakeholders.filter((_, j) => j !== i))}
          />
        ))}
      </Stack>
      <Stack direction="row" spacing={1}>
        <TextField
          select
          label={t('console.partyKind')}
          value={kind}
          onChange={(e) => setKind(e.target.value as StakeholderKind)}
          sx={{ width: 200, flexShrink: 0 }}
        >
          {STAKEHOLDER_KINDS.map((k) => (
            <MenuItem key={k} value={k}>
              {t(`stakeholderKinds.${k}`)}
            </MenuItem>
          ))}
        </TextField>
        <Autocomplete
          freeSolo
          options={options.map((o) => o.label)}
          inputValue={name}
          onInputChange={(_, value) => setName(value)}
          sx={{ flexGrow: 1 }}
          renderInput={(params) => <TextField {...params} label={t('prepare.stakeholderName')} />}
        />
        <Button variant="outlined" onClick={() => void add()} sx={{ flexShrink: 0 }}>
          {t('prepare.addStakeholder')}
        </Button>
      </Stack>
      {error && <Alert severity="error">{error}</Alert>}
    </Stack>
  );
}
