import { Alert, Box, CircularProgress } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { parseRoute, useRoute } from '../../kit/router';
import { MeetingDetail } from './MeetingDetail';
import { MeetingList } from './MeetingList';
import { NewMeetingForm } from './NewMeetingForm';
import { TopicGuidePage } from './guide/TopicGuidePage';
import { useMeeting } from './use-meeting';
import './strings';

/**
 * 议事会 area: #/meetings (list), #/meetings/new, #/meetings/topic/<topicId> (议事指引 of a topic),
 * #/meetings/<id>/<tab> with tab prepare | console | minutes | print/<paper> | guide.
 */
export function MeetingsPage() {
  const { segments } = parseRoute(useRoute());
  const [, first, second, third] = segments;
  if (first === undefined) return <MeetingList />;
  if (first === 'new') return <NewMeetingForm />;
  if (first === 'topic' && second !== undefined) return <TopicGuidePage topicId={second} />;
  return <MeetingById id={first} tab={second ?? 'prepare'} paper={third} />;
}

function MeetingById({ id, tab, paper }: { id: string; tab: string; paper?: string }) {
  const { t } = useTranslation('meetings');
  const meeting = useMeeting(id);
  if (meeting === undefined)
    return (
      <Box sx={{ p: 4, display: 'grid', placeItems: 'center' }}>
        <CircularProgress />
      </Box>
    );
  if (meeting === null) return <Alert severity="error">{t('errors.notFound')}</Alert>;
  return <MeetingDetail meeting={meeting} tab={tab} {...(paper !== undefined ? { paper } : {})} />;
}
