import { useMemo } from 'react';
import { Autocomplete, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { PlaceKind } from '#shared/domain/vocab';
import { matchesQuery } from '#shared/domain/text/pinyin';
import type { PlaceDoc } from '#shared/schema/index';
import { useDatabase } from '../../db/DatabaseContext';
import { useObservable } from '../../kit/use-observable';

interface Props {
  kinds: readonly PlaceKind[];
  value: string | null;
  onChange(scope: string | null): void;
  label: string;
  helperText?: string;
  error?: boolean;
  testId?: string;
}

/** Picks a place of the given kinds, searchable by name or pinyin initials (惠新南里 → hxnl). */
export function PlacePicker({ kinds, value, onChange, label, helperText, error, testId }: Props) {
  const { t } = useTranslation();
  const db = useDatabase();
  const source = useMemo(
    () => db.places.find({ selector: { kind: { $in: [...kinds] } }, sort: [{ scope: 'asc' }] }).$,
    [db, kinds],
  );
  const docs = useObservable(source, []);
  const options = useMemo(() => docs.map((d) => d.toJSON() as PlaceDoc), [docs]);
  const selected = options.find((o) => o.scope === value) ?? null;
  return (
    <Autocomplete
      options={options}
      value={selected}
      onChange={(_, place) => onChange(place?.scope ?? null)}
      getOptionLabel={(p) => `${p.name}（${t(`placeKinds.${p.kind}`)}）`}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      filterOptions={(list, state) =>
        list.filter((p) => matchesQuery(p.name, p.initials, state.inputValue)).slice(0, 200)
      }
      renderInput={(params) => (
        <TextField
          {...params}
          label={label}
          helperText={helperText}
          error={error}
          slotProps={{
            ...params.slotProps,
            htmlInput: { ...params.slotProps.htmlInput, 'data-testid': testId },
          }}
        />
      )}
    />
  );
}
