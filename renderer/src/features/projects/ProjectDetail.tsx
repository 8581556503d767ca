import { useMemo } from 'react';
import { Box, Button, Card, CardContent, Chip, Stack, Typography } from '@mui/material';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import { useTranslation } from 'react-i18next';
import { can } from '#shared/domain/permissions/index';
import { chineseDate, formatYuan, voteOptions } from '#shared/domain/projects/index';
import type { ProjectDoc } from '#shared/schema/index';
import { ConsultationsCard } from './ConsultationsCard';
import { MilestonesCard } from './MilestonesCard';
import { NoticeCard } from './NoticeCard';
import type { ProjectActor } from './project-actions';
import { SpendingCard } from './SpendingCard';
import { StepPanel } from './StepPanel';
import { useMeetingRecords, useMeetingsAround, usePlaceName, useTopicsUnder } from './use-projects-data';
import './strings';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Box>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Typography component="div">{children}</Typography>
    </Box>
  );
}

export function ProjectDetail({
  actor,
  project,
  onBack,
}: {
  actor: ProjectActor;
  project: ProjectDoc;
  onBack: () => void;
}) {
  const { t } = useTranslation('projects');
  const placeName = usePlaceName();
  const topics = useTopicsUnder(project.scope.split('.')[0] ?? project.scope);
  const meetings = useMeetingsAround(project.scope);
  const records = useMeetingRecords(
    useMemo(
      () => (project.approvalMeetingId ? [project.approvalMeetingId] : []),
      [project.approvalMeetingId],
    ),
  );
  const approval = voteOptions(meetings, records).find((o) => o.recordId === project.approvalRecordId);
  const editable = can(
    { id: actor.author.deviceId, role: actor.role, scope: actor.homeScope },
    'project.manage',
    {
      scope: project.scope,
      collection: 'projects',
    },
  );
  const linked = topics.filter((x) => project.topicIds.includes(x.id));

  return (
    <Stack spacing={3} sx={{ maxWidth: 1200 }} data-testid="project-detail">
      <Box>
        <Button startIcon={<ArrowBackIcon />} onClick={onBack}>
          {t('detail.back')}
        </Button>
      </Box>
      <Stack direction="row" sx={{ gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography variant="h2" component="h1">
          {project.title}
        </Typography>
        <Chip label={t(`kind.${project.kind}`)} />
        <Chip color="primary" label={t(`status.${project.status}`)} data-testid="project-status" />
      </Stack>
      <Card>
        <CardContent>
          <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: 'repeat(4, 1fr)' }, gap: 2 }}>
            <Fact label={t('detail.place')}>{placeName(project.scope)}</Fact>
            <Fact label={t('detail.fund')}>
              {t('detail.fundYear', { fund: t(`fund.${project.fundSource}`), year: project.year })}
            </Fact>
            <Fact label={t('detail.budget')}>{formatYuan(project.budgetFen)} 元</Fact>
            <Fact label={t('detail.topics')}>{linked.map((x) => x.title).join('、') || '—'}</Fact>
          </Box>
          <Typography sx={{ mt: 2 }}>{project.description}</Typography>
          {project.feasibility && <Fact label={t('detail.feasibility')}>{project.feasibility}</Fact>}
          <Box sx={{ mt: 1 }}>
            <Fact label={t('detail.approval')}>
              {approval
                ? `${chineseDate(approval.startsAt)} ${approval.meetingTitle} · ${approval.agendaTitle} · ${approval.reason}`
                : t('detail.noApproval')}
            </Fact>
          </Box>
        </CardContent>
      </Card>
      <StepPanel actor={actor} project={project} />
      <Box
        sx={{
          display: 'grid',
          gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' },
          gap: 3,
          alignItems: 'start',
        }}
      >
        <MilestonesCard actor={actor} project={project} editable={editable} />
        <SpendingCard actor={actor} project={project} editable={editable} />
      </Box>
      <ConsultationsCard actor={actor} project={project} editable={editable} />
      <NoticeCard actor={actor} project={project} editable={editable} />
    </Stack>
  );
}
