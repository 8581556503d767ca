import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  MenuItem,
  Stack,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import PrintIcon from '@mui/icons-material/Print';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import { useTranslation } from 'react-i18next';
import { ballotSheets, SLIPS_PER_SHEET } from '#shared/domain/meetings/index';
import type { MeetingDoc, MeetingRecordDoc } from '#shared/schema/index';
import { navigate, parseRoute, useRoute } from '../../../kit/router';
import { platform } from '../../../platform';
import { markNoticePrinted } from '../actions';
import { useDatabase } from '../../../db/DatabaseContext';
import { useInvitees } from '../use-invitees';
import { usePaperContext } from '../use-paper-context';
import { useWho } from '../use-who';
import { BallotPaper, meetingBallotMotions } from './BallotPaper';
import { MinutesPaper } from './MinutesPaper';
import { InvitationPaper, NoticePaper, PublicNoticePaper } from './NoticePapers';
import { SignInSheet } from './SignInSheet';
import '../strings-papers';
import { PrintSheet } from '../../../kit/PrintSheet';
import './print.css';

const PAPERS = ['notice', 'invitation', 'signIn', 'ballot', 'minutes', 'publicNotice'] as const;
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
  const invitees = useInvitees(meeting);
  const to = parseRoute(useRoute()).query.get('to');
  const invitee = invitees.find((i) => i.key === to) ?? invitees[0];
  // One slip for every voting member by default; the clerk may print spares.
  const [copies, setCopies] = useState(() =>
    String(Math.max(1, meeting.roster.filter((r) => r.entitled).length)),
  );
  const current: Paper = (PAPERS as readonly string[]).includes(paper) ? (paper as Paper) : 'notice';
  const motions = meetingBallotMotions(meeting, records);
  const copyCount = copies.trim() === '' ? Number.NaN : Number(copies);
  const sheets = ballotSheets(motions, copyCount);
  const printable = current !== 'ballot' || typeof sheets !== 'string';
  const printed = async () => {
    if (current === 'notice') await markNoticePrinted(db, who, meeting);
  };
  const fileName = `${meeting.title}-${current === 'invitation' && invitee ? `${invitee.name}-` : ''}${t(current === 'invitation' ? 'papers.invitation' : `print.${current}`)}.pdf`;
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
              {t(p === 'invitation' ? 'papers.invitation' : `print.${p}`)}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        <Box sx={{ flexGrow: 1 }} />
        <Button
          variant="contained"
          startIcon={<PrintIcon />}
          disabled={!printable}
          onClick={() => void printed().then(() => platform.print())}
        >
          {t('print.print')}
        </Button>
        <Button
          variant="outlined"
          startIcon={<PictureAsPdfIcon />}
          disabled={!printable}
          onClick={() => void printed().then(() => platform.printToPdf(fileName))}
        >
          {t('print.pdf')}
        </Button>
      </Stack>
      {current === 'ballot' && (
        <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start', flexWrap: 'wrap', rowGap: 1 }}>
          <Stack spacing={0.5} sx={{ width: 260 }}>
            <TextField
              label={t('papers.copies')}
              value={copies}
              onChange={(e) => setCopies(e.target.value)}
              slotProps={{ htmlInput: { inputMode: 'numeric', 'data-testid': 'ballot-copies' } }}
              helperText={t('papers.copiesHelp', { perSheet: SLIPS_PER_SHEET })}
              error={typeof sheets === 'string'}
            />
            {typeof sheets === 'string' && (
              <Alert severity="error" role="alert" data-testid="ballot-copies-refusal">
                {sheets}
              </Alert>
            )}
          </Stack>
          {typeof sheets !== 'string' && (
            <Typography sx={{ pt: 2 }} data-testid="ballot-summary">
              {t('papers.sheetsSummary', {
                motions: motions.length,
                copies: copyCount,
                sheets: sheets.length,
              })}
            </Typography>
          )}
        </Stack>
      )}
      {current === 'invitation' && invitee && (
        <TextField
          select
          label={t('papers.invitee')}
          value={invitee.key}
          onChange={(e) =>
            navigate(`/meetings/${meeting.id}/print/invitation?to=${encodeURIComponent(e.target.value)}`)
          }
          sx={{ maxWidth: 480 }}
          slotProps={{ htmlInput: { 'data-testid': 'invitation-to' } }}
        >
          {invitees.map((i) => (
            <MenuItem key={i.key} value={i.key}>
              {i.name}（{i.label}）
            </MenuItem>
          ))}
        </TextField>
      )}
      <Box sx={{ overflowX: 'auto', py: 2, bgcolor: '#e7e3de', borderRadius: 1 }}>
        <PrintSheet
          className={current === 'ballot' ? 'yishi-paper yishi-sheets' : 'yishi-paper'}
          data-testid="paper"
          data-paper={current}
        >
          {current === 'notice' && <NoticePaper meeting={meeting} context={context} />}
          {current === 'invitation' &&
            (invitee ? (
              <InvitationPaper meeting={meeting} invitee={invitee} context={context} />
            ) : (
              <p className="flush">{t('papers.noInvitees')}</p>
            ))}
          {current === 'signIn' && <SignInSheet meeting={meeting} records={records} context={context} />}
          {current === 'ballot' && <BallotPaper meeting={meeting} records={records} copies={copyCount} />}
          {current === 'minutes' && <MinutesPaper meeting={meeting} records={records} context={context} />}
          {current === 'publicNotice' && (
            <PublicNoticePaper meeting={meeting} records={records} context={context} />
          )}
        </PrintSheet>
      </Box>
    </Stack>
  );
}
