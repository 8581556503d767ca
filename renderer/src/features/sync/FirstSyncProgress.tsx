import { Box, LinearProgress, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../sync';
import { firstSyncPercent, remainingParts } from './first-sync';
import './strings';

type FirstSync = NonNullable<SyncStatus['firstSync']>;

/** The first sync's progress: documents stored of the hub's total, and the time remaining. */
export function FirstSyncProgress({ first, detailed = false }: { first: FirstSync; detailed?: boolean }) {
  const { t, i18n } = useTranslation('sync');
  const { t: tApp } = useTranslation();
  const number = (n: number) => n.toLocaleString(i18n.language === 'en' ? 'en-GB' : 'zh-CN');
  const percent = firstSyncPercent(first, first.done);
  const received =
    first.total === null
      ? t('firstSyncReceivedNoTotal', { received: number(first.received) })
      : t('firstSyncReceived', { received: number(first.received), total: number(first.total) });
  const remaining = first.done
    ? t('firstSyncDone')
    : first.remainingMs === null
      ? t('firstSyncEstimating')
      : (() => {
          const { unit, count } = remainingParts(first.remainingMs);
          return t('firstSyncRemaining', { time: t(unit, { count }) });
        })();
  return (
    <Stack spacing={0.5} sx={{ minWidth: 220 }} data-testid="first-sync">
      <LinearProgress
        variant={percent === null ? 'indeterminate' : 'determinate'}
        value={percent ?? 0}
        aria-label={t('firstSyncProgress')}
      />
      <Typography variant="body2" data-testid="first-sync-figures">
        {percent === null ? '' : `${percent}% · `}
        {received} · {remaining}
      </Typography>
      {detailed && (
        <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'auto auto', gap: 0.5, m: 0 }}>
          {Object.entries(first.collections).map(([name, p]) => (
            <Box key={name} sx={{ display: 'contents' }}>
              <Typography component="dt" variant="body2" color="text.secondary">
                {tApp(`collections.${name}`, { defaultValue: name })}
              </Typography>
              <Typography component="dd" variant="body2" sx={{ m: 0 }}>
                {p.total === null ? number(p.received) : `${number(p.received)} / ${number(p.total)}`}
              </Typography>
            </Box>
          ))}
        </Box>
      )}
    </Stack>
  );
}
