import { useMemo } from 'react';
import { Alert, CircularProgress, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { guideFor } from '#shared/domain/meetings/index';
import { nowIso } from '../../../db/ids';
import { useOrganizations } from '../use-reference';
import { GuideSteps } from './GuideSteps';
import { useTasksOf, useTopic, useTopicMeetings } from './use-guide-data';
import '../strings';

/** 议事指引 of one topic (#/meetings/topic/<id>): the five steps under its track's rules. */
export function TopicGuidePage({ topicId }: { topicId: string }) {
  const { t } = useTranslation('meetings');
  const topic = useTopic(topicId);
  const { meetings, records } = useTopicMeetings(topic);
  const tasks = useTasksOf([topicId]);
  const organizations = useOrganizations(topic?.scope ?? '');
  const now = useMemo(() => nowIso(), []);
  if (topic === undefined) return <CircularProgress />;
  if (topic === null) return <Alert severity="error">{t('errors.notFound')}</Alert>;
  return (
    <Stack spacing={2}>
      <Typography variant="h1">
        {t('guide.title')} · {topic.title}
      </Typography>
      <Typography color="text.secondary">{t(`guide.track.${topic.track}`)}</Typography>
      <GuideSteps steps={guideFor(topic, meetings, records, { tasks, organizations, now })} />
    </Stack>
  );
}
