import { useEffect } from 'react';
import { Box, Button, Stack, ToggleButton, ToggleButtonGroup } from '@mui/material';
import PrintIcon from '@mui/icons-material/Print';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import { useTranslation } from 'react-i18next';
import type { MeetingDoc, MeetingRecordDoc } from '#shared/schema/index';
import { navigate } from '../../../app/router';
import { platform } from '../../../platform';
import { markNoticePrinted } from '../actions';
import { useDatabase } from '../../../app/DatabaseContext';
import { usePaperContext } from '../use-paper-context';
import { useWho } from '../use-who';
import { BallotPaper } from './BallotPaper';
import { MinutesPaper } from './MinutesPaper';
import { NoticePaper, PublicNoticePaper } from './NoticePapers';
import { SignInSheet } from './SignInSheet';
import './print.css';

const PAPERS = ['notice', 'signIn', 'ballot', 'minutes', 'publicNotice'] as const;
type Paper = (typeof PAPERS)[number];

/** 打印: one A4 paper at a time, printed or saved as PDF (through the bridge in Electron). */
export function PrintView({
  meeting,
  records,
  paper,
}: {
  meeting: MeetingDoc;
  records: MeetingRecordDoc[];
  paper: string;
}) {
  const { t } = useTranslation('meetings');
  const db = useDatabase();
  const who = useWho();
  const context = usePaperContext(meeting);
  const current: Paper = (PAPERS as readonly string[]).includes(paper) ? (paper as Paper) : 'notice';
  useEffect(() => {
    document.body.classList.add('yishi-print-mode');
    return () => document.body.classList.remove('yishi-print-mode');
  }, []);
  const printed = async () => {
    if (current === 'notice') await markNoticePrinted(db, who, meeting);
  };
  const fileName = `${meeting.title}-${t(`print.${current}`)}.pdf`;
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1, alignItems: 'center' }}>
        <ToggleButtonGroup
          exclusive
          value={current}
          onChange={(_, value: Paper | null) => value && navigate(`/meetings/${meeting.id}/print/${value}`)}
        >
          {PAPERS.map((p) => (
            <ToggleButton key={p} value={p} sx={{ fontSize: '1.05rem', px: 2 }} data-testid={`paper-${p}`}>
              {t(`print.${p}`)}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        <Box sx={{ flexGrow: 1 }} />
        <Button
          variant="contained"
          startIcon={<PrintIcon />}
          onClick={() => void printed().then(() => platform.print())}
        >
          {t('print.print')}
        </Button>
        <Button
          variant="outlined"
          startIcon={<PictureAsPdfIcon />}
          onClick={() => void printed().then(() => platform.printToPdf(fileName))}
        >
          {t('print.pdf')}
        </Button>
      </Stack>
      <Box sx={{ overflowX: 'auto', py: 2, bgcolor: '#e7e3de', borderRadius: 1 }}>
        <div className="yishi-paper" data-testid="paper" data-paper={current}>
          {current === 'notice' && <NoticePaper meeting={meeting} context={context} />}
          {current === 'signIn' && <SignInSheet meeting={meeting} records={records} context={context} />}
          {current === 'ballot' && <BallotPaper meeting={meeting} records={records} />}
          {current === 'minutes' && <MinutesPaper meeting={meeting} records={records} context={context} />}
          {current === 'publicNotice' && (
            <PublicNoticePaper meeting={meeting} records={records} context={context} />
          )}
        </div>
      </Box>
    </Stack>
  );
}
