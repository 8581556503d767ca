import { Box, List, ListItem, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { FollowUpDoc } from '#shared/schema/index';
import { formatDateTime } from '../../kit/beijing-time';
import type { TaskPhoto } from './use-task-photos';
import './strings';

/** The append-only record of a subject: progress, 督办, 验收 and 回访, oldest first. */
export function HistoryList({
  followUps,
  photos,
}: {
  followUps: readonly FollowUpDoc[];
  /** Stored photos by follow-up id. */
  photos?: ReadonlyMap<string, readonly TaskPhoto[]>;
}) {
  const { t } = useTranslation('tasks');
  if (followUps.length === 0) return <Typography>{t('page.noHistory')}</Typography>;
  return (
    <List data-testid="task-history">
      {followUps.map((f) => (
        <ListItem key={f.id} divider sx={{ display: 'block' }} data-testid={`history-${f.kind}`}>
          <Stack direction="row" sx={{ gap: 1.5, flexWrap: 'wrap', alignItems: 'baseline' }}>
            <Typography sx={{ color: 'text.secondary', fontVariantNumeric: 'tabular-nums' }}>
              {formatDateTime(f.at)}
            </Typography>
            <Typography sx={{ fontWeight: 700 }}>
              {t(`page.kinds.${f.kind}`)}
              {f.outcome ? `：${t(`page.outcomes.${f.outcome}`)}` : ''}
              {f.toLevel ? `（${t('page.toLevel', { level: t(`levels.${f.toLevel}`) })}）` : ''}
            </Typography>
            {(photos?.get(f.id)?.length ?? 0) > 0 && (
              <Typography sx={{ color: 'text.secondary' }} data-testid="history-photo-count">
                {t('page.photos', { count: photos?.get(f.id)?.length ?? 0 })}
              </Typography>
            )}
          </Stack>
          <Typography>{f.note}</Typography>
          {(photos?.get(f.id)?.length ?? 0) > 0 && (
            <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', mt: 1 }}>
              {photos?.get(f.id)?.map((p, i) => (
                <a key={p.id} href={p.url} target="_blank" rel="noreferrer">
                  <img
                    src={p.url}
                    alt={t('page.photoAlt', { kind: t(`page.kinds.${f.kind}`), n: i + 1 })}
                    width={120}
                    height={90}
                    style={{ objectFit: 'cover', borderRadius: 6 }}
                    data-digest={p.digest}
                  />
                </a>
              ))}
            </Box>
          )}
          {(f.photoCount ?? 0) > (photos?.get(f.id)?.length ?? 0) && (
            <Typography sx={{ color: 'text.secondary' }}>
              {t('page.photosPending', { count: (f.photoCount ?? 0) - (photos?.get(f.id)?.length ?? 0) })}
            </Typography>
          )}
        </ListItem>
      ))}
    </List>
  );
}
