import { Breadcrumbs, Button, Link, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { LedgerCounts } from '#shared/domain/ledger/index';
import { liesUnder, pathTo, type PlaceTree } from '#shared/domain/places/index';
import { navigate } from '../../kit/router';
import './strings';

interface Props {
  tree: PlaceTree;
  scope: string;
  home: string;
  counts: LedgerCounts | null;
}

/** Where in the 门楼院社 tree this ledger is, and how its demands spread over the places below. */
export function PlaceCrumbs({ tree, scope, home, counts }: Props) {
  const { t } = useTranslation('demands');
  const { t: tApp } = useTranslation();
  const path = pathTo(tree, scope);
  return (
    <Stack spacing={1.5}>
      <Breadcrumbs aria-label={t('ledger.place')} sx={{ fontSize: '1.125rem' }}>
        {path.map((place, i) =>
          i === path.length - 1 || !liesUnder(place.scope, home) ? (
            <Typography
              key={place.id}
              color={i === path.length - 1 ? 'text.primary' : 'text.secondary'}
              sx={{ fontSize: 'inherit', fontWeight: i === path.length - 1 ? 700 : 400 }}
            >
              {place.name}
            </Typography>
          ) : (
            <Link
              key={place.id}
              component="button"
              underline="hover"
              sx={{ fontSize: 'inherit' }}
              onClick={() => navigate(`/demands/${place.scope}`)}
            >
              {place.name}
            </Link>
          ),
        )}
      </Breadcrumbs>
      {counts && counts.children.length > 0 && (
        <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }} aria-label={t('ledger.children')}>
          {counts.children.map(({ place, count }) => (
            <Button
              key={place.id}
              variant={count > 0 ? 'outlined' : 'text'}
              color={count > 0 ? 'primary' : 'inherit'}
              onClick={() => navigate(`/demands/${place.scope}`)}
              data-testid={`child-${place.scope}`}
              title={tApp(`placeKinds.${place.kind}`)}
              sx={{ minHeight: 44 }}
            >
              {place.name}
              <Typography
                component="span"
                data-testid={`child-count-${place.scope}`}
                sx={{ ml: 1, fontWeight: 700, fontVariantNumeric: 'tabular-nums' }}
              >
                {count}
              </Typography>
            </Button>
          ))}
          {counts.own > 0 && (
            <Typography sx={{ alignSelf: 'center', color: 'text.secondary', ml: 1 }}>
              {t('ledger.own')} {counts.own}
            </Typography>
          )}
        </Stack>
      )}
    </Stack>
  );
}
