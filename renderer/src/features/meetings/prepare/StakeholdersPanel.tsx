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
import {
  isOrganizationChoice as isOrgKind,
  PARTY_CHOICES as CHOICES,
  stakeholderLabel,
  stakeholderOf,
  type PartyChoice,
} from '#shared/domain/meetings/index';
import { matchesText } from '#shared/domain/text/match';
import type { PersonRole } from '#shared/domain/vocab';
import type { MeetingDoc, PersonDoc, TopicDoc } from '#shared/schema/index';
import { useDatabase } from '../../../db/DatabaseContext';
import { useOrganizations, usePeople, useTopics } from '../use-reference';
import { useWho } from '../use-who';
import { messageOf } from '#shared/domain/commands/index';
import { saveStakeholders } from '../actions';

const LEADER_ROLES: PersonRole[] = ['courtyardLeader', 'buildingLeader', 'floorLeader', 'doorLeader'];

const holds = (p: PersonDoc, roles: readonly PersonRole[]) =>
  p.roles.some((r) => r.ceasedAt === undefined && roles.includes(r.role));

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
  const [choice, setChoice] = useState<PartyChoice>('propertyCompany');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  // Representatives and leaders are offered from the people directory, organisations by kind.
  const options =
    choice === 'residentRep'
      ? people.filter((p) => holds(p, ['residentRep'])).map((p) => ({ label: p.name, id: p.id }))
      : choice === 'leader'
        ? people.filter((p) => holds(p, LEADER_ROLES)).map((p) => ({ label: p.name, id: p.id }))
        : choice === 'resident'
          ? people.map((p) => ({ label: p.name, id: p.id }))
          : isOrgKind(choice)
            ? organizations.filter((o) => o.kind === choice).map((o) => ({ label: o.name, id: o.id }))
            : [];
  const save = async (next: TopicDoc['stakeholders']) =>
    setError(messageOf(await saveStakeholders(db, who, topic.id, next)) ?? null);
  const add = async () => {
    const trimmed = name.trim();
    if (trimmed === '') return;
    const match = options.find((o) => o.label === trimmed);
    await save([...topic.stakeholders, stakeholderOf(choice, trimmed, match?.id)]);
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
            label={`${s.name}（${stakeholderLabel(s)}）`}
            onDelete={() => void save(topic.stakeholders.filter((_, j) => j !== i))}
          />
        ))}
      </Stack>
      <Stack direction="row" spacing={1}>
        <TextField
          select
          label={t('console.partyKind')}
          value={choice}
          onChange={(e) => {
            setChoice(e.target.value as PartyChoice);
            setName('');
          }}
          sx={{ width: 200, flexShrink: 0 }}
        >
          {CHOICES.map((c) => (
            <MenuItem key={c} value={c}>
              {isOrgKind(c) ? t(`partyKinds.${c}`) : t(`stakeholderKinds.${c}`)}
            </MenuItem>
          ))}
        </TextField>
        <Autocomplete
          freeSolo
          options={options.map((o) => o.label)}
          filterOptions={(labels, state) =>
            labels.filter((l) => matchesText(l, state.inputValue)).slice(0, 30)
          }
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
