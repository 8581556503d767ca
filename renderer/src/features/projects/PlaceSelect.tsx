import { useMemo } from 'react';
import { MenuItem, TextField } from '@mui/material';
import { liesUnder } from '#shared/domain/places/index';
import type { PlaceDoc } from '#shared/schema/index';

/** The street, communities and courtyards within `within`, indented by depth. */
export function PlaceSelect({
  places,
  within,
  value,
  label,
  onChange,
  testId,
}: {
  places: readonly PlaceDoc[];
  within: string;
  value: string;
  label: string;
  onChange: (scope: string) => void;
  testId?: string;
}) {
  const options = useMemo(
    () =>
      places
        .filter((p) => ['street', 'community', 'courtyard'].includes(p.kind) && liesUnder(p.scope, within))
        .sort((a, b) => a.scope.localeCompare(b.scope)),
    [places, within],
  );
  return (
    <TextField
      select
      label={label}
      value={options.some((o) => o.scope === value) ? value : ''}
      onChange={(e) => onChange(e.target.value)}
      sx={{ minWidth: 260 }}
      slotProps={{ htmlInput: testId ? { 'data-testid': testId } : {} }}
    >
      {options.map((p) => (
        <MenuItem
          key={p.id}
          value={p.scope}
          sx={{ pl: 2 + (p.scope.split('.').length - within.split('.').length) * 2 }}
        >
          {p.name}
        </MenuItem>
      ))}
    </TextField>
  );
}
