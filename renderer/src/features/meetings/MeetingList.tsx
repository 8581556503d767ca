import { useMemo } from 'react';
import { map } from 'rxjs';
import { Box, Button, Card, CardActionArea, Chip, Stack, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import { useTranslation } from 'react-i18next';
import type { MeetingDoc } from '#shared/schema/index';
import { useDatabase } from '../../db/DatabaseContext';
import { navigate } from '../../kit/router';
import { useDeviceSettings } from '../../db/SettingsContext';
import { useObservable } from '../../kit/use-observable';
import { chineseDateTime } from '../../kit/beijing-time';
import { StateChip } from './StateChip';

const FINISHED = ['minutesApproved', 'published', 'cancelled'];

export function MeetingList() {
  const { t } = useTranslation('meetings');
  const db = useDatabase();
  const { homeScope } = useDeviceSettings();
  const source = useMemo(
    () =>
      db.meetings
        .find({
          selector: { scope: { $regex: `^${homeScope.replace(/\./g, '\\.')}(\\.|$)` } },
          sort: [{ startsAt: 'desc' }],
        })
        .$.pipe(map((docs) => docs.map((d) => d.toJSON() as MeetingDoc))),
    [db, homeScope],
  );
  const meetings = useObservable(source, [] as MeetingDoc[]);
  const open = meetings.filter((m) => !FINISHED.includes(m.status));
  const done = meetings.filter((m) => FINISHED.includes(m.status));
  return (
    <Stack spacing={3}>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography variant="h1">{t('list.title')}</Typography>
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => navigate('/meetings/new')}>
          {t('list.create')}
        </Button>
      </Stack>
      {meetings.length === 0 && <Typography>{t('list.empty')}</Typography>}
      {[['list.upcoming', open] as const, ['list.past', done] as const].map(([label, list]) =>
        (list as MeetingDoc[]).length === 0 ? null : (
          <Box key={label as string}>
            <Typography variant="h3" sx={{ mb: 1 }}>
              {t(label)}
            </Typography>
            <Stack spacing={1}>
              {(list as MeetingDoc[]).map((m) => (
                <Card key={m.id} variant="outlined">
                  <CardActionArea
                    onClick={() => navigate(`/meetings/${m.id}`)}
                    sx={{ p: 2 }}
                    data-testid={`meeting-${m.id}`}
                  >
                    <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                      <Typography sx={{ fontWeight: 700, flexGrow: 1 }}>{m.title}</Typography>
                      <Chip label={t(`kinds.${m.kind}`)} variant="outlined" />
                      <StateChip state={m.status} />
                      <Typography color="text.secondary">{chineseDateTime(m.startsAt)}</Typography>
                    </Stack>
                  </CardActionArea>
                </Card>
              ))}
            </Stack>
          </Box>
        ),
      )}
    </Stack>
  );
}
