import { MenuItem, Stack, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { liesBelow } from '#shared/domain/places/index';
import type { PlaceDoc } from '#shared/schema/index';
import './strings';

/** 社区 and 院落 selects: the place whose topics are shown. */
export function ScopePicker({
  places,
  scope,
  onChange,
}: {
  places: PlaceDoc[];
  scope: string;
  onChange: (scope: string) => void;
}) {
  const { t } = useTranslation('topics');
  const [street = '', community = ''] = scope.split('.');
  const communityScope = community ? `${street}.${community}` : '';
  const communities = places
    .filter((p) => p.kind === 'community' && liesBelow(p.scope, street))
    .sort((a, b) => a.order - b.order);
  const courtyards = places
    .filter((p) => p.kind === 'courtyard' && communityScope && liesBelow(p.scope, communityScope))
    .sort((a, b) => a.order - b.order);
  const courtyardScope = scope.split('.').length >= 3 ? scope.split('.').slice(0, 3).join('.') : '';
  return (
    <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap' }}>
      <TextField
        select
        label={t('community')}
        value={communityScope || street}
        onChange={(e) => onChange(e.target.value)}
        sx={{ width: 260 }}
        slotProps={{ htmlInput: { 'data-testid': 'scope-community' } }}
      >
        <MenuItem value={street}>{t('allStreet')}</MenuItem>
        {communities.map((p) => (
          <MenuItem key={p.id} value={p.scope}>
            {p.name}
          </MenuItem>
        ))}
      </TextField>
      {communityScope && (
        <TextField
          select
          label={t('courtyard')}
          value={courtyardScope || communityScope}
          onChange={(e) => onChange(e.target.value)}
          sx={{ width: 260 }}
          slotProps={{ htmlInput: { 'data-testid': 'scope-courtyard' } }}
        >
          <MenuItem value={communityScope}>{t('communityLevel')}</MenuItem>
          {courtyards.map((p) => (
            <MenuItem key={p.id} value={p.scope}>
              {p.name}
            </MenuItem>
          ))}
        </TextField>
      )}
    </Stack>
  );
}
