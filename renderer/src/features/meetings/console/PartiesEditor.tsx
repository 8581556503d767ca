import { Autocomplete, Button, IconButton, MenuItem, Stack, TextField } from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import { useTranslation } from 'react-i18next';
import type { DecisionParty } from '#shared/domain/meetings/index';
import { TASK_PARTY_KINDS, type TaskPartyKind } from '#shared/domain/vocab';
import type { OrganizationDoc } from '#shared/schema/index';

/** 责任方: pick an organisation serving the place (its kind follows) or type a name and choose the kind. */
export function PartiesEditor({
  parties,
  organizations,
  onChange,
}: {
  parties: DecisionParty[];
  organizations: OrganizationDoc[];
  onChange: (parties: DecisionParty[]) => void;
}) {
  const { t } = useTranslation('meetings');
  const set = (i: number, party: DecisionParty) => onChange(parties.map((p, j) => (j === i ? party : p)));
  return (
    <Stack spacing={1}>
      {parties.map((party, i) => (
        <Stack key={i} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Autocomplete
            freeSolo
            options={organizations.map((o) => o.name)}
            inputValue={party.name}
            onInputChange={(_, name) => {
              const org = organizations.find((o) => o.name === name);
              set(i, org ? { name, kind: org.kind, organizationId: org.id } : { name, kind: party.kind });
            }}
            sx={{ flexGrow: 1 }}
            renderInput={(params) => (
              <TextField
                {...params}
                label={t('console.partyName')}
                slotProps={{
                  ...params.slotProps,
                  htmlInput: { ...params.slotProps.htmlInput, 'data-testid': `party-name-${i + 1}` },
                }}
              />
            )}
          />
          <TextField
            select
            label={t('console.partyKind')}
            value={party.kind}
            onChange={(e) => set(i, { ...party, kind: e.target.value as TaskPartyKind })}
            sx={{ width: 200 }}
            slotProps={{ htmlInput: { 'data-testid': `party-kind-${i + 1}` } }}
          >
            {TASK_PARTY_KINDS.map((k) => (
              <MenuItem key={k} value={k}>
                {t(`partyKinds.${k}`)}
              </MenuItem>
            ))}
          </TextField>
          <IconButton
            aria-label={t('prepare.remove')}
            onClick={() => onChange(parties.filter((_, j) => j !== i))}
          >
            <DeleteIcon />
          </IconButton>
        </Stack>
      ))}
      <Button
        variant="outlined"
        onClick={() => onChange([...parties, { name: '', kind: 'propertyCompany' }])}
        data-testid="party-add"
      >
        {t('console.addParty')}
      </Button>
    </Stack>
  );
}
