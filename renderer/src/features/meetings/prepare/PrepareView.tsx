import { useState } from 'react';
import { Alert, Button, Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { preparationProblems } from '#shared/domain/meetings/index';
import type { MeetingDoc, MeetingRecordDoc } from '#shared/schema/index';
import { useDatabase } from '../../../db/DatabaseContext';
import { navigate } from '../../../kit/router';
import { linkTopic, saveMeeting, stepMeeting } from '../actions';
import { useWho } from '../use-who';
import { AgendaEditor } from './AgendaEditor';
import { InvitationsPanel } from './InvitationsPanel';
import { BasicsForm } from './BasicsForm';
import { NextSession } from './NextSession';
import { RosterEditor } from './RosterEditor';
import { StakeholdersPanel } from './StakeholdersPanel';

const EDITABLE = ['draft', 'noticed'];

/** 会前准备: basics, agenda from topics, stakeholders (主体确定), entitled roster, notice. */
export function PrepareView({ meeting, records }: { meeting: MeetingDoc; records: MeetingRecordDoc[] }) {
  const { t } = useTranslation('meetings');
  const db = useDatabase();
  const who = useWho();
  // Edits stay local until saved; without edits the form follows the database (other devices too).
  const [edited, setEdited] = useState<MeetingDoc | null>(null);
  const dirty = edited !== null;
  const draft = edited ?? meeting;
  const [message, setMessage] = useState<{ severity: 'success' | 'error'; text: string } | null>(null);
  const editable = EDITABLE.includes(meeting.status);
  const change = (patch: Partial<MeetingDoc>) => {
    setEdited((d) => ({ ...(d ?? meeting), ...patch }));
  };
  const save = async () => {
    const { id: _id, ...rest } = draft;
    void _id;
    const saved = await saveMeeting(db, who, meeting, {
      title: rest.title,
      kind: rest.kind,
      startsAt: rest.startsAt,
      durationMinutes: rest.durationMinutes,
      agenda: rest.agenda,
      roster: rest.roster,
      quorumNumerator: rest.quorumNumerator,
      quorumDenominator: rest.quorumDenominator,
      defaultRule: rest.defaultRule,
      defaultBase: rest.defaultBase,
      proxyLimit: rest.proxyLimit,
      ...(rest.venueId !== undefined ? { venueId: rest.venueId } : {}),
      ...(rest.chairVotes !== undefined ? { chairVotes: rest.chairVotes } : {}),
    });
    if (!saved.ok) {
      setMessage({ severity: 'error', text: saved.message });
      return;
    }
    for (const item of rest.agenda) if (item.topicId) await linkTopic(db, who, item.topicId, meeting.id);
    setEdited(null);
    setMessage({ severity: 'success', text: t('prepare.saved') });
  };
  const notice = async () => {
    if (dirty) await save();
    const outcome = await stepMeeting(db, who, meeting, 'notice');
    if (!outcome.ok) setMessage({ severity: 'error', text: outcome.message });
    else navigate(`/meetings/${meeting.id}/print/notice`);
  };
  const problems = preparationProblems(draft);

  return (
    <Stack spacing={2}>
      <BasicsForm meeting={draft} disabled={!editable} onChange={change} />
      <AgendaEditor meeting={draft} disabled={!editable} onChange={change} />
      <StakeholdersPanel meeting={draft} />
      <RosterEditor meeting={draft} disabled={!editable} onChange={change} />
      <InvitationsPanel meeting={meeting} />
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Stack spacing={1.5}>
          {meeting.status === 'draft' && problems.length > 0 && (
            <Alert severity="info">
              {t('prepare.problems')}
              {problems.join('；')}
            </Alert>
          )}
          {message && (
            <Alert severity={message.severity} onClose={() => setMessage(null)} data-testid="prepare-message">
              {message.text}
            </Alert>
          )}
          <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
            <Button
              variant="contained"
              disabled={!editable || !dirty}
              onClick={() => void save()}
              data-testid="prepare-save"
            >
              {t('prepare.save')}
            </Button>
            {meeting.status === 'draft' && (
              <Button
                variant="contained"
                color="secondary"
                disabled={problems.length > 0}
                onClick={() => void notice()}
                data-testid="prepare-notice"
              >
                {t('prepare.notice')}
              </Button>
            )}
            <Button variant="outlined" onClick={() => navigate(`/meetings/${meeting.id}/print/notice`)}>
              {t('prepare.printNotice')}
            </Button>
          </Stack>
          <Typography color="text.secondary">{t(`states.${meeting.status}`)}</Typography>
        </Stack>
      </Paper>
      <NextSession meeting={meeting} records={records} />
    </Stack>
  );
}
