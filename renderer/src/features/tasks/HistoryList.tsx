import { List, ListItem, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { FollowUpDoc } from '#shared/schema/index';
import { formatDateTime } from '../../kit/beijing-time';
import './strings';

/** The append-only record of a subject: progress, 督办, 验收 and 回访, oldest first. */
export function HistoryList({ followUps }: { followUps: readonly FollowUpDoc[] }) {
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
            {f.photoCount ? (
              <Typography sx={{ color: 'text.secondary' }}>
                {t('page.photos', { count: f.photoCount })}
              </Typography>
            ) : null}
          </Stack>
          <Typography>{f.note}</Typography>
        </ListItem>
      ))}
    </List>
  );
}
