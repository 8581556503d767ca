import { useState } from 'react';
import { Autocomplete, Button, IconButton, Paper, Stack, Switch, TextField, Typography } from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import { useTranslation } from 'react-i18next';
import { addToRoster } from '#shared/domain/meetings/index';
import { matchesQuery } from '#shared/domain/text/pinyin';
import type { PersonRole } from '#shared/domain/vocab';
import type { MeetingDoc, PersonDoc, RosterEntry } from '#shared/schema/index';
import { usePeople } from '../use-reference';

const ROLE_GROUPS: PersonRole[] = ['courtyardLeader', 'buildingLeader', 'residentRep', 'partyMember'];
const CHAIR = '主持人';

/** The person's most telling current role for the roster (院长 before 楼长 before 居民代表 …). */
function activeRole(person: PersonDoc, t: (key: string) => string): string | undefined {
  const current = person.roles.filter((r) => r.ceasedAt === undefined);
  const role = ROLE_GROUPS.map((g) => current.find((r) => r.role === g)).find(Boolean) ?? current[0];
  return role ? t(`personRoles.${role.role}`) : undefined;
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
  const people = usePeople(meeting.scope);
  const [search, setSearch] = useState('');
  const roster = meeting.roster;
  const set = (next: RosterEntry[]) => onChange({ roster: next });
  const entry = (p: PersonDoc): RosterEntry => {
    const role = activeRole(p, t);
    return { personId: p.id, name: p.name, entitled: true, ...(role ? { role } : {}) };
  };
  const addRole = (role: PersonRole) =>
    set(
      addToRoster(
        roster,
        people.filter((p) => p.roles.some((r) => r.role === role && r.ceasedAt === undefined)).map(entry),
      ),
    );
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
            >
              {t('prepare.addRole', { role: t(`personRoles.${role}`) })}
            </Button>
          ))}
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
            <Stack key={r.personId} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
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
                disabled={disabled || r.role === CHAIR}
                onClick={() =>
                  set(
                    roster.map((x) =>
                      x.personId === r.personId
                        ? { ...x, role: CHAIR, entitled: false }
                        : x.role === CHAIR
                          ? { personId: x.personId, name: x.name, entitled: x.entitled }
                          : x,
                    ),
                  )
                }
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
    </Paper>
  );
}
