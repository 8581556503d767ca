import { useState } from 'react';
import { Button, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { DecisionParty, DecisionView, LiveState } from '#shared/domain/meetings/index';
import type { MeetingDoc } from '#shared/schema/index';
import { useOrganizations } from '../use-reference';
import { PartiesEditor } from './PartiesEditor';
import { RefusalNote } from './refusal';
import type { ConsoleRun } from './use-console';

/** 议定事项 per agenda item with its responsible parties (the Handle step makes tasks of them). */
export function DecisionPanel({
  meeting,
  live,
  run,
}: {
  meeting: MeetingDoc;
  live: LiveState;
  run: ConsoleRun;
}) {
  const { t } = useTranslation('meetings');
  const organizations = useOrganizations(meeting.scope);
  const item = live.currentItem;
  const passed = live.votes.filter((v) => v.closed?.passed && v.agendaItemId === item?.itemId);
  const [text, setText] = useState('');
  const [parties, setParties] = useState<DecisionParty[]>([{ name: '', kind: 'propertyCompany' }]);
  const [voteId, setVoteId] = useState<string>('');
  const chosenVote = voteId === 'none' ? undefined : voteId || passed.at(-1)?.voteId;
  const [editing, setEditing] = useState<DecisionView | null>(null);
  const decisions = live.decisions.filter((d) => d.agendaItemId === item?.itemId);

  const record = async () => {
    const ok = await run({
      type: 'recordDecision',
      text,
      parties: parties.filter((p) => p.name.trim() !== ''),
      ...(chosenVote ? { voteId: chosenVote } : {}),
    });
    if (ok) {
      setText('');
      setParties([{ name: '', kind: 'propertyCompany' }]);
      setVoteId('');
    }
  };

  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Stack spacing={1.5}>
        <Typography variant="h2">{t('console.decisions')}</Typography>
        {decisions.map((d) => (
          <Stack key={d.rootId} spacing={0.5} data-testid="decision">
            <Typography sx={{ fontSize: '1.2rem', fontWeight: 700 }}>
              {d.text}
              {d.corrected ? `（${t('console.corrected')}）` : ''}
            </Typography>
            <Typography color="text.secondary">
              {t('console.parties')}：
              {d.parties.map((p) => `${p.name}（${t(`partyKinds.${p.kind}`)}）`).join('、')}
            </Typography>
            <Button
              sx={{ alignSelf: 'flex-start' }}
              onClick={() => (setEditing(d), setText(d.text), setParties([...d.parties]))}
            >
              {t('console.correct')}
            </Button>
          </Stack>
        ))}
        <TextField
          label={t('console.decisionText')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          multiline
          minRows={2}
          slotProps={{ htmlInput: { 'data-testid': 'decision-text' } }}
        />
        <Typography sx={{ fontWeight: 700 }}>{t('console.parties')}</Typography>
        <PartiesEditor parties={parties} organizations={organizations} onChange={setParties} />
        {!editing && (
          <TextField
            select
            label={t('console.fromVote')}
            value={chosenVote ?? 'none'}
            onChange={(e) => setVoteId(e.target.value)}
          >
            <MenuItem value="none">{t('console.noVote')}</MenuItem>
            {passed.map((v) => (
              <MenuItem key={v.voteId} value={v.voteId}>
                {v.motion}
              </MenuItem>
            ))}
          </TextField>
        )}
        <Stack direction="row" spacing={1}>
          {editing ? (
            <>
              <Button
                variant="contained"
                onClick={() =>
                  void run({
                    type: 'correctDecision',
                    decisionId: editing.rootId,
                    text,
                    parties: parties.filter((p) => p.name.trim() !== ''),
                  }).then((ok) => ok && (setEditing(null), setText('')))
                }
              >
                {t('console.correct')}
              </Button>
              <Button onClick={() => (setEditing(null), setText(''))}>{t('console.undo')}</Button>
            </>
          ) : (
            <Button variant="contained" onClick={() => void record()} data-testid="decision-record">
              {t('console.recordDecision')}
            </Button>
          )}
        </Stack>
        <RefusalNote at="decision" />
      </Stack>
    </Paper>
  );
}
