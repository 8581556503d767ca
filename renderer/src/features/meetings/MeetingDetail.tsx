import { Stack, Tab, Tabs, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { MeetingDoc } from '#shared/schema/index';
import { navigate } from '../../kit/router';
import { chineseDateTime } from '../../kit/beijing-time';
import { ConsoleView } from './console/ConsoleView';
import { MeetingGuide } from './guide/MeetingGuide';
import { MinutesView } from './minutes/MinutesView';
import { PrepareView } from './prepare/PrepareView';
import { PrintView } from './print/PrintView';
import { StateChip } from './StateChip';
import { useMeetingRecords } from './use-meeting';

const TABS = ['prepare', 'console', 'minutes', 'print', 'guide'] as const;

export function MeetingDetail({ meeting, tab, paper }: { meeting: MeetingDoc; tab: string; paper?: string }) {
  const { t } = useTranslation('meetings');
  const records = useMeetingRecords(meeting.id);
  const current = (TABS as readonly string[]).includes(tab) ? tab : 'prepare';
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h1" data-testid="meeting-title">
          {meeting.title}
        </Typography>
        <StateChip state={meeting.status} />
        <Typography color="text.secondary" data-testid="meeting-when">
          {t(`kinds.${meeting.kind}`)} · {chineseDateTime(meeting.startsAt)}
        </Typography>
      </Stack>
      <Tabs
        value={current}
        onChange={(_, value: string) => navigate(`/meetings/${meeting.id}/${value}`)}
        variant="scrollable"
      >
        {TABS.map((key) => (
          <Tab key={key} value={key} label={t(`tabs.${key}`)} sx={{ fontSize: '1.1rem', minHeight: 56 }} />
        ))}
      </Tabs>
      {current === 'prepare' && <PrepareView meeting={meeting} records={records} />}
      {current === 'console' && <ConsoleView meeting={meeting} records={records} />}
      {current === 'minutes' && <MinutesView meeting={meeting} records={records} />}
      {current === 'print' && <PrintView meeting={meeting} records={records} paper={paper ?? 'notice'} />}
      {current === 'guide' && <MeetingGuide meeting={meeting} records={records} />}
    </Stack>
  );
}
