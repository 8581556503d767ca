import { useMemo } from 'react';
import { Autocomplete, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { PlaceTree } from '#shared/domain/places/index';
import { filterPlaceOptions, placeOptions, type PlaceOption } from './place-options';
import './strings';

interface Props {
  tree: PlaceTree | null;
  home: string;
  value: string | null;
  onChange(scope: string | null): void;
  error?: string;
  autoFocus?: boolean;
  inputRef?: React.Ref<HTMLInputElement>;
}

/**
 * The place of a demand, down to entrance and floor. Typing filters by name or pinyin initials,
 * the first match is highlighted, so "gyj2 1hl" + Enter picks 高原街2号院 1号楼.
 */
export function PlaceField({ tree, home, value, onChange, error, autoFocus, inputRef }: Props) {
  const { t } = useTranslation('demands');
  const { t: tApp } = useTranslation();
  const options = useMemo(() => (tree ? placeOptions(tree, home) : []), [tree, home]);
  const selected = useMemo(() => options.find((o) => o.scope === value) ?? null, [options, value]);
  return (
    <Autocomplete<PlaceOption>
      options={options}
      value={selected}
      onChange={(_, option) => onChange(option?.scope ?? null)}
      getOptionLabel={(o) => o.label}
      isOptionEqualToValue={(a, b) => a.scope === b.scope}
      filterOptions={(list, state) => filterPlaceOptions(list, state.inputValue)}
      autoHighlight
      openOnFocus={false}
      renderOption={({ key, ...props }, option) => (
        <li key={key} {...props}>
          <span>{option.label}</span>
          <span style={{ marginInlineStart: 'auto', paddingInlineStart: 12, opacity: 0.7 }}>
            {tApp(`placeKinds.${option.kind}`)}
          </span>
        </li>
      )}
      renderInput={(params) => (
        <TextField
          {...params}
          label={t('intake.place')}
          helperText={error ?? t('intake.placeHint')}
          error={Boolean(error)}
          autoFocus={autoFocus}
          inputRef={inputRef}
          slotProps={{
            ...params.slotProps,
            htmlInput: { ...params.slotProps.htmlInput, 'data-testid': 'intake-place' },
          }}
        />
      )}
    />
  );
}
