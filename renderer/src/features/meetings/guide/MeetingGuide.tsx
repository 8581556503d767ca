import { useMemo } from 'react';
import { Button, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { guideFor, guideForMeeting } from '#shared/domain/meetings/index';
import type { MeetingDoc, MeetingRecordDoc } from '#shared/schema/index';
import { navigate } from '../../../kit/router';
import { nowIso } from '../../../db/ids';
import { useOrganizations, useTopics } from '../use-reference';
import { GuideSteps } from './GuideSteps';
import { useTasksOf } from './use-guide-data';

/** 议事指引 of a meeting: its own checklist, then the guide of each topic on its agenda. */
export function MeetingGuide({ meeting, records }: { meeting: MeetingDoc; records: MeetingRecordDoc[] }) {
  const { t } = useTranslation('meetings');
  const topicIds = meeting.agenda.flatMap((a) => (a.topicId ? [a.topicId] : []));
  const topics = useTopics(meeting.scope).filter((tp) => topicIds.includes(tp.id));
  const tasks = useTasksOf(topicIds);
  const organizations = useOrganizations(meeting.scope);
  const now = useMemo(() => nowIso(), []);
  return (
    <Stack spacing={3}>
      <Stack spacing={1}>
        <Typography variant="h2">{t('guide.meetingChecklist')}</Typography>
        <GuideSteps steps={guideForMeeting(meeting, records, topics)} />
      </Stack>
      {topics.length === 0 && <Typography color="text.secondary">{t('guide.noTopics')}</Typography>}
      {topics.map((topic) => (
        <Stack key={topic.id} spacing={1}>
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
            <Typography variant="h2">{t('guide.topic', { title: topic.title })}</Typography>
            <Typography color="text.secondary">{t(`guide.track.${topic.track}`)}</Typography>
            <Button onClick={() => navigate(`/meetings/topic/${topic.id}`)}>{t('guide.title')}</Button>
          </Stack>
          <GuideSteps steps={guideFor(topic, [meeting], records, { tasks, organizations, now })} />
        </Stack>
      ))}
    </Stack>
  );
}
