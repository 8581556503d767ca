import type { ParseKeys } from 'i18next';
import { dataKey } from '../../kit/i18n';
import { Box, Button, FormControlLabel, InputAdornment, MenuItem, Switch, TextField } from '@mui/material';
import SearchIcon from '@mui/icons-material/Search';
import { useTranslation } from 'react-i18next';
import { hasFilters, type LedgerFilter } from '#shared/domain/ledger/index';
import { isReversedRange } from '#shared/domain/calendar/index';
import { DateField } from '../../kit/DateField';
import { DEMAND_CATEGORIES, DEMAND_SOURCES, DEMAND_STATES, DEMAND_TYPES } from '#shared/domain/vocab';
import './strings';

export type FilterState = Omit<LedgerFilter, 'scope'>;

interface Props {
  value: FilterState;
  onChange(next: FilterState): void;
  /** Words typed in the search box (see LedgerSearch). */
  search: string;
  onSearch(next: string): void;
}

type ListKey = 'statuses' | 'types' | 'categories' | 'sources';

const LISTS: readonly {
  key: ListKey;
  label: ParseKeys<'demands'>;
  prefix: string;
  values: readonly string[];
}[] = [
  { key: 'statuses', label: 'ledger.status', prefix: 'statuses', values: DEMAND_STATES },
  { key: 'types', label: 'ledger.type', prefix: 'types', values: DEMAND_TYPES },
  { key: 'categories', label: 'ledger.category', prefix: 'categories', values: DEMAND_CATEGORIES },
  { key: 'sources', label: 'ledger.source', prefix: 'sources', values: DEMAND_SOURCES },
];

/** Search, status, type, category, source, received dates and overdue: what a ledger is asked for. */
export function LedgerFilters({ value, onChange, search, onSearch }: Props) {
  const { t } = useTranslation('demands');
  return (
    <Box
      sx={{
        display: 'grid',
        gap: 2,
        gridTemplateColumns: {
          xs: '1fr 1fr',
          md: 'repeat(4, minmax(0, 1fr))',
          xl: 'repeat(8, minmax(0, 1fr))',
        },
        alignItems: 'center',
      }}
    >
      <TextField
        type="search"
        label={t('ledger.search')}
        placeholder={t('ledger.searchHint')}
        value={search}
        onChange={(e) => onSearch(e.target.value)}
        sx={{ gridColumn: '1 / -1' }}
        slotProps={{
          inputLabel: { shrink: true },
          input: {
            startAdornment: (
              <InputAdornment position="start">
                <SearchIcon />
              </InputAdornment>
            ),
          },
          htmlInput: { 'data-testid': 'ledger-search' },
        }}
      />
      {LISTS.map((list) => (
        <TextField
          key={list.key}
          select
          label={t(list.label)}
          value={(value[list.key] ?? []) as string[]}
          onChange={(e) => {
            const picked = e.target.value as unknown as string[];
            onChange({ ...value, [list.key]: picked });
          }}
          slotProps={{
            select: {
              multiple: true,
              displayEmpty: true,
              renderValue: (selected) =>
                (selected as string[]).length === 0
                  ? t('ledger.all')
                  : (selected as string[])
                      .map((v) => t(dataKey<'demands'>(`${list.prefix}.${v}`)))
                      .join('、'),
            },
            inputLabel: { shrink: true },
            htmlInput: { 'data-testid': `filter-${list.key}` },
          }}
        >
          {list.values.map((v) => (
            <MenuItem key={v} value={v}>
              {t(dataKey<'demands'>(`${list.prefix}.${v}`))}
            </MenuItem>
          ))}
        </TextField>
      ))}
      <DateField
        label={t('ledger.from')}
        value={value.from}
        onChange={(from) => onChange({ ...value, from })}
        testId="filter-from"
      />
      <DateField
        label={t('ledger.to')}
        value={value.to}
        onChange={(to) => onChange({ ...value, to })}
        problem={isReversedRange(value.from, value.to) ? t('ledger.reversedRange') : undefined}
        testId="filter-to"
      />
      <FormControlLabel
        control={
          <Switch
            checked={Boolean(value.overdue)}
            onChange={(e) => onChange({ ...value, overdue: e.target.checked })}
            slotProps={{ input: { 'data-testid': 'filter-overdue' } as object }}
          />
        }
        label={t('ledger.overdue')}
      />
      <Button
        variant="text"
        disabled={!hasFilters({ ...value, scope: '' }) && search.trim() === ''}
        onClick={() => {
          onChange({});
          onSearch('');
        }}
      >
        {t('ledger.clear')}
      </Button>
    </Box>
  );
}
