import { useState } from 'react';
import { Button, List, ListItem, Stack, Typography } from '@mui/material';
import CastIcon from '@mui/icons-material/Cast';
import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import StopIcon from '@mui/icons-material/Stop';
import { useTranslation } from 'react-i18next';
import {
  earlyStart,
  nothingUnfinished,
  unfinishedBusiness,
  type UnfinishedBusiness,
} from '#shared/domain/meetings/index';
import type { MeetingDoc, MeetingRecordDoc } from '#shared/schema/index';
import { useDatabase } from '../../../db/DatabaseContext';
import { nowIso } from '../../../db/ids';
import { ConfirmDialog } from '../../../kit/ConfirmDialog';
import { platform } from '../../../platform';
import { stepMeeting } from '../actions';
import { useWho } from '../use-who';
import '../strings-hall';

const BIG = { minHeight: 64, fontSize: '1.25rem' } as const;

/** 开始会议 / 散会 / 投影屏. Starting before the scheduled day and adjourning are confirmed first. */
export function StepButtons({
  meeting,
  records,
  onRefused,
}: {
  meeting: MeetingDoc;
  records: readonly MeetingRecordDoc[];
  onRefused: (message: string | null) => void;
}) {
  const { t } = useTranslation('meetings');
  const db = useDatabase();
  const who = useWho();
  const [earlyQuestion, setEarlyQuestion] = useState<string | null>(null);
  const [unfinished, setUnfinished] = useState<UnfinishedBusiness | null>(null);

  const start = async (confirmedEarly: boolean) => {
    setEarlyQuestion(null);
    const early = earlyStart(meeting, nowIso());
    if (early.early && !confirmedEarly) return setEarlyQuestion(early.question);
    const outcome = await stepMeeting(db, who, meeting, 'start', { confirmedEarly });
    onRefused(outcome.ok ? null : outcome.message);
  };
  const adjourn = async () => {
    setUnfinished(null);
    const outcome = await stepMeeting(db, who, meeting, 'adjourn');
    onRefused(outcome.ok ? null : outcome.message);
  };

  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
      {(meeting.status === 'noticed' || meeting.status === 'draft') && (
        <Button
          variant="contained"
          size="large"
          startIcon={<PlayArrowIcon />}
          onClick={() => void start(false)}
          sx={BIG}
        >
          {t('console.start')}
        </Button>
      )}
      {meeting.status === 'inProgress' && (
        <Button
          variant="outlined"
          size="large"
          startIcon={<StopIcon />}
          onClick={() => setUnfinished(unfinishedBusiness(meeting, records))}
          sx={BIG}
        >
          {t('console.adjourn')}
        </Button>
      )}
      <Button
        variant="outlined"
        size="large"
        startIcon={<CastIcon />}
        onClick={() => platform.openProjector(`/projector/meeting/${meeting.id}`)}
        sx={BIG}
        data-testid="open-projector"
      >
        {t('console.projector')}
      </Button>
      <ConfirmDialog
        open={earlyQuestion !== null}
        title={t('hall.earlyTitle')}
        confirm={t('hall.earlyConfirm')}
        cancel={t('hall.cancel')}
        onConfirm={() => void start(true)}
        onCancel={() => setEarlyQuestion(null)}
        testId="early-dialog"
      >
        <Typography sx={{ fontSize: '1.15rem' }}>{earlyQuestion}</Typography>
        <Typography color="text.secondary">{t('hall.earlyNote')}</Typography>
      </ConfirmDialog>
      <ConfirmDialog
        open={unfinished !== null}
        title={t('hall.adjournTitle')}
        confirm={t('hall.adjournConfirm')}
        cancel={t('hall.cancel')}
        onConfirm={() => void adjourn()}
        onCancel={() => setUnfinished(null)}
        testId="adjourn-dialog"
      >
        {unfinished && <Unfinished business={unfinished} />}
      </ConfirmDialog>
    </Stack>
  );
}

function Unfinished({ business }: { business: UnfinishedBusiness }) {
  const { t } = useTranslation('meetings');
  if (nothingUnfinished(business))
    return <Typography sx={{ fontSize: '1.15rem' }}>{t('hall.adjournNothingOpen')}</Typography>;
  const lines = [
    ...(business.speakers.length > 0
      ? [t('hall.queuedSpeakers', { names: business.speakers.join('、') })]
      : []),
    ...business.items.map((i) => t('hall.itemsWithoutResult', { title: i.title, reason: i.reason })),
    ...business.openVotes.map((motion) => t('hall.openVotes', { motion })),
  ];
  return (
    <>
      <Typography sx={{ fontSize: '1.15rem' }}>{t('hall.adjournOpen')}</Typography>
      <List dense data-testid="adjourn-unfinished">
        {lines.map((line) => (
          <ListItem
            key={line}
            sx={{ display: 'list-item', listStyleType: 'disc', ml: 3, fontSize: '1.1rem' }}
          >
            {line}
          </ListItem>
        ))}
      </List>
    </>
  );
}
