import type { TFunction } from 'i18next';
import { dataKey } from '../../../kit/i18n';
import { useState } from 'react';
import {
  Autocomplete,
  Button,
  Checkbox,
  IconButton,
  Paper,
  Stack,
  Switch,
  TextField,
  Typography,
} from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import { useTranslation } from 'react-i18next';
import { addToRoster, appointChair, chairNote, isChair, rosterPlace } from '#shared/domain/meetings/index';
import { matchesQuery } from '#shared/domain/text/pinyin';
import type { PersonRole } from '#shared/domain/vocab';
import type { MeetingDoc, PersonDoc, RosterEntry } from '#shared/schema/index';
import { usePeople, useVenues } from '../use-reference';
import { ChairVoteDialog } from './ChairVoteDialog';
import '../strings-hall';

const ROLE_GROUPS: PersonRole[] = ['courtyardLeader', 'buildingLeader', 'residentRep', 'partyMember'];

/** The person's most telling current role for the roster (院长 before 楼长 before 居民代表 …). */
function activeRole(person: PersonDoc, t: TFunction<'meetings'>): string | undefined {
  const current = person.roles.filter((r) => r.ceasedAt === undefined);
  const role = ROLE_GROUPS.map((g) => current.find((r) => r.role === g)).find(Boolean) ?? current[0];
  return role ? t(dataKey<'meetings'>(`personRoles.${role.role}`)) : undefined;
}

/** 应到人员名单: add role groups of the place or single people; entitled members vote, observers (列席) do not. */
export function RosterEditor({
  meeting,
  disabled,
  onChange,
}: {
  meeting: MeetingDoc;
  disabled: boolean;
  onChange: (patch: Partial<MeetingDoc>) => void;
}) {
  const { t } = useTranslation('meetings');
  const venue = useVenues(meeting.scope).find((v) => v.id === meeting.venueId);
  const place = rosterPlace(meeting, venue?.scope);
  const people = usePeople(place);
  const [search, setSearch] = useState('');
  const [askChair, setAskChair] = useState<RosterEntry | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const roster = meeting.roster;
  const set = (next: RosterEntry[]) => onChange({ roster: next });
  const appoint = (personId: string, keepsVote: boolean) => {
    const result = appointChair(meeting, personId, keepsVote);
    if (typeof result !== 'string') onChange({ roster: result.roster, chairVotes: result.chairVotes });
    setAskChair(null);
  };
  // A voting member who chairs: whether they keep their vote is asked, never assumed.
  const makeChair = (r: RosterEntry) => (r.entitled ? setAskChair(r) : appoint(r.personId, false));
  const chair = roster.find(isChair);
  const entry = (p: PersonDoc): RosterEntry => {
    const role = activeRole(p, t);
    return { personId: p.id, name: p.name, entitled: true, ...(role ? { role } : {}) };
  };
  // Only people not on the roster yet, so the button says how many it will add.
  const candidates = (role: PersonRole) =>
    people.filter(
      (p) =>
        p.roles.some((r) => r.role === role && r.ceasedAt === undefined) &&
        !roster.some((r) => r.personId === p.id),
    );
  const addRole = (role: PersonRole) => set(addToRoster(roster, candidates(role).map(entry)));
  const removeSelected = () => {
    set(roster.filter((r) => !selected.has(r.personId)));
    setSelected(new Set());
  };
  const toggle = (personId: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(personId);
    else next.delete(personId);
    setSelected(next);
  };
  const entitled = roster.filter((r) => r.entitled).length;
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Stack spacing={1.5}>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <Typography variant="h2" sx={{ flexGrow: 1 }}>
            {t('prepare.roster')}
          </Typography>
          <Typography data-testid="roster-count">
            {t('prepare.rosterCount', { entitled, observers: roster.length - entitled })}
          </Typography>
        </Stack>
        <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }}>
          {ROLE_GROUPS.map((role) => (
            <Button
              key={role}
              variant="outlined"
              disabled={disabled}
              onClick={() => addRole(role)}
              data-testid={`roster-add-${role}`}
              data-count={candidates(role).length}
            >
              {t('prepare.addRole', { role: t(`personRoles.${role}`) })}
              {t('hall.willAdd', { count: candidates(role).length })}
            </Button>
          ))}
        </Stack>
        {chair && (
          <Typography data-testid="roster-chair">
            {t('hall.chairLine', { name: chair.name, note: chairNote(meeting) })}
          </Typography>
        )}
        <Typography color="text.secondary" data-testid="roster-place" data-scope={place}>
          {t('hall.rosterFrom', {
            place: place === meeting.scope ? t('hall.wholePlace') : (venue?.name ?? place),
          })}
        </Typography>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Checkbox
            checked={roster.length > 0 && selected.size === roster.length}
            indeterminate={selected.size > 0 && selected.size < roster.length}
            disabled={disabled || roster.length === 0}
            onChange={(e) =>
              setSelected(e.target.checked ? new Set(roster.map((r) => r.personId)) : new Set())
            }
            slotProps={{ input: { 'aria-label': t('hall.selectAll') } }}
          />
          <Button
            color="error"
            variant="outlined"
            disabled={disabled || selected.size === 0}
            onClick={removeSelected}
            data-testid="roster-remove-selected"
          >
            {t('hall.removeSelected', { count: selected.size })}
          </Button>
          {selected.size === 0 && !disabled && (
            <Typography color="text.secondary">{t('hall.selectToRemove')}</Typography>
          )}
        </Stack>
        <Autocomplete
          options={people}
          disabled={disabled}
          value={null}
          getOptionLabel={(p) => p.name}
          filterOptions={(options, state) =>
            options
              .filter(
                (p) =>
                  !roster.some((r) => r.personId === p.id) &&
                  matchesQuery(p.name, p.initials, state.inputValue),
              )
              .slice(0, 30)
          }
          inputValue={search}
          onInputChange={(_, value, reason) => setSearch(reason === 'reset' ? '' : value)}
          onChange={(_, p) => {
            if (p) set(addToRoster(roster, [entry(p)]));
            setSearch('');
          }}
          renderInput={(params) => (
            <TextField
              {...params}
              label={t('prepare.addPerson')}
              slotProps={{
                ...params.slotProps,
                htmlInput: { ...params.slotProps.htmlInput, 'data-testid': 'roster-search' },
              }}
            />
          )}
        />
        <Stack spacing={0.5} sx={{ maxHeight: 420, overflowY: 'auto' }}>
          {roster.map((r) => (
            <Stack
              key={r.personId}
              direction="row"
              spacing={1}
              sx={{ alignItems: 'center' }}
              data-testid="roster-row"
              data-place={people.find((p) => p.id === r.personId)?.scope ?? ''}
            >
              <Checkbox
                checked={selected.has(r.personId)}
                disabled={disabled}
                onChange={(e) => toggle(r.personId, e.target.checked)}
                slotProps={{ input: { 'aria-label': t('hall.selectPerson', { name: r.name }) } }}
              />
              <Typography sx={{ fontWeight: 700, width: 120 }}>{r.name}</Typography>
              <Typography color="text.secondary" sx={{ flexGrow: 1 }}>
                {r.role ?? ''}
              </Typography>
              <Typography>{r.entitled ? t('prepare.entitled') : t('prepare.observer')}</Typography>
              <Switch
                checked={r.entitled}
                disabled={disabled}
                onChange={(e) =>
                  set(
                    roster.map((x) => (x.personId === r.personId ? { ...x, entitled: e.target.checked } : x)),
                  )
                }
              />
              <Button
                disabled={disabled || isChair(r)}
                onClick={() => makeChair(r)}
                data-testid="roster-set-chair"
              >
                {t('prepare.setChair')}
              </Button>
              <IconButton
                disabled={disabled}
                aria-label={t('prepare.remove')}
                onClick={() => set(roster.filter((x) => x.personId !== r.personId))}
              >
                <DeleteIcon />
              </IconButton>
            </Stack>
          ))}
        </Stack>
      </Stack>
      {askChair && (
        <ChairVoteDialog
          name={askChair.name}
          role={askChair.role}
          onAnswer={(keepsVote) => appoint(askChair.personId, keepsVote)}
          onCancel={() => setAskChair(null)}
        />
      )}
    </Paper>
  );
}
