import { useMemo, useState } from 'react';
import { Alert, Box, Button, Card, CardContent, Stack, Typography } from '@mui/material';
import PrintIcon from '@mui/icons-material/Print';
import { useTranslation } from 'react-i18next';
import { publicNotice, voteOptions } from '#shared/domain/projects/index';
import type { ProjectDoc } from '#shared/schema/index';
import { nowIso } from '../../db/ids';
import { platform } from '../../platform';
import { PrintDocument, PrintSheet } from '../../kit/PrintSheet';
import { stepProject, type ProjectActor } from './project-actions';
import {
  useFollowUpsOf,
  useMeetingRecords,
  useMeetingsAround,
  usePlaceName,
  useTopicsUnder,
} from './use-projects-data';
import './strings';

/** 公示: the notice composed from the record, printed on A4 and then registered as posted. */
export function NoticeCard({
  actor,
  project,
  editable,
}: {
  actor: ProjectActor;
  project: ProjectDoc;
  editable: boolean;
}) {
  const { t } = useTranslation('projects');
  const placeName = usePlaceName();
  const meetings = useMeetingsAround(project.scope);
  const records = useMeetingRecords(
    useMemo(
      () => (project.approvalMeetingId ? [project.approvalMeetingId] : []),
      [project.approvalMeetingId],
    ),
  );
  const followUps = useFollowUpsOf(project.id);
  const topics = useTopicsUnder(project.scope.split('.')[0] ?? project.scope);
  const [error, setError] = useState('');
  const community = project.scope.split('.').slice(0, 2).join('.');
  const notice = useMemo(() => {
    const approval = voteOptions(meetings, records).find((o) => o.recordId === project.approvalRecordId);
    const acceptance = followUps
      .filter((f) => f.kind === 'acceptance' && f.outcome === 'passed')
      .sort((a, b) => b.at.localeCompare(a.at))[0];
    return publicNotice(project, {
      placeName: placeName(project.scope),
      topicTitles: topics.filter((x) => project.topicIds.includes(x.id)).map((x) => x.title),
      ...(approval
        ? {
            approval: {
              meetingTitle: approval.meetingTitle,
              startsAt: approval.startsAt,
              reason: approval.reason,
            },
          }
        : {}),
      ...(acceptance ? { acceptanceNote: acceptance.note } : {}),
      issuedAt: project.publishedAt ?? nowIso(),
      issuer: t('notice.issuer', { place: placeName(community).replace(/居民委员会$/, '') }),
    });
  }, [project, meetings, records, followUps, topics, placeName, community, t]);

  const publish = async () => {
    setError('');
    try {
      const text = [notice.title, ...notice.sections.flatMap((s) => [s.heading, ...s.lines])].join('\n');
      const outcome = await stepProject(actor, project.id, {
        event: 'publish',
        artefacts: { publicNotice: text },
      });
      if (!outcome.ok) setError(t('refused', { message: outcome.message }));
    } catch (e) {
      setError(t('refused', { message: e instanceof Error ? e.message : String(e) }));
    }
  };

  return (
    <Card>
      <CardContent>
        <Stack spacing={2}>
          <Stack
            direction="row"
            sx={{ justifyContent: 'space-between', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}
          >
            <Typography variant="h3" component="h2">
              {t('notice.title')}
            </Typography>
            <Stack direction="row" spacing={1}>
              <Button
                variant="outlined"
                startIcon={<PrintIcon />}
                onClick={() => void platform.print()}
                data-testid="notice-print"
              >
                {t('notice.print')}
              </Button>
              {editable && project.status === 'accepted' && (
                <Button variant="contained" onClick={() => void publish()} data-testid="notice-publish">
                  {t('notice.publish')}
                </Button>
              )}
            </Stack>
          </Stack>
          <Box
            data-testid="notice-preview"
            sx={{
              border: 1,
              borderColor: 'divider',
              borderRadius: 1,
              p: 3,
              bgcolor: 'background.paper',
              '& h1': { fontSize: '1.4rem', textAlign: 'center', mt: 0 },
              '& h2': { fontSize: '1.1rem', mb: 0.5 },
              '& p': { my: 0.5 },
              '& .print-footer': { textAlign: 'right' },
            }}
          >
            <PrintSheet>
              <PrintDocument title={notice.title} sections={notice.sections} footer={notice.footer} />
            </PrintSheet>
          </Box>
          {error && <Alert severity="error">{error}</Alert>}
        </Stack>
      </CardContent>
    </Card>
  );
}
