import { useState } from 'react';
import { Button, Chip, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { type LiveState, type VoteView } from '#shared/domain/meetings/index';
import { COUNT_ORIGINS, VOTE_BASES, VOTE_RULES, type VoteBase, type VoteRule } from '#shared/domain/vocab';
import type { MeetingDoc } from '#shared/schema/index';
import { CountRow } from './CountRow';
import { RefusalNote } from './refusal';
import type { ConsoleRun } from './use-console';

/** 表决: open a vote on the current item, type in the counts by origin, close it; the shared rules compute the result. */
export function VotePanel({ meeting, live, run }: { meeting: MeetingDoc; live: LiveState; run: ConsoleRun }) {
  const { t } = useTranslation('meetings');
  const open = live.votes.find((v) => !v.closed);
  const closed = live.votes.filter((v) => v.closed && v.agendaItemId === live.currentItem?.itemId);
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Stack spacing={1.5}>
        <Typography variant="h2">{t('console.votes')}</Typography>
        {open ? <OpenVote vote={open} run={run} /> : <OpenVoteForm meeting={meeting} live={live} run={run} />}
        {closed.map((v) => (
          <Stack key={v.voteId} spacing={0.5} data-testid="vote-result">
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <Chip
                label={v.closed?.passed ? t('console.passed') : t('console.failed')}
                color={v.closed?.passed ? 'success' : 'error'}
                sx={{ fontSize: '1.1rem', fontWeight: 700 }}
              />
              <Typography sx={{ fontWeight: 700 }}>{v.motion}</Typography>
            </Stack>
            <Typography>{v.closed?.reason}</Typography>
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}

function OpenVoteForm({ meeting, live, run }: { meeting: MeetingDoc; live: LiveState; run: ConsoleRun }) {
  const { t } = useTranslation('meetings');
  const item = live.currentItem;
  const [motion, setMotion] = useState('');
  const [rule, setRule] = useState<VoteRule>(meeting.defaultRule);
  const [base, setBase] = useState<VoteBase>(meeting.defaultBase);
  const text = motion || (item ? `同意“${item.title}”的方案` : '');
  return (
    <Stack spacing={1.5}>
      <TextField
        label={t('console.motion')}
        value={text}
        onChange={(e) => setMotion(e.target.value)}
        slotProps={{ htmlInput: { 'data-testid': 'vote-motion' } }}
      />
      <Stack direction="row" spacing={1}>
        <TextField
          select
          label={t('console.rule')}
          value={rule}
          onChange={(e) => setRule(e.target.value as VoteRule)}
          slotProps={{ htmlInput: { 'data-testid': 'vote-rule' } }}
        >
          {VOTE_RULES.map((r) => (
            <MenuItem key={r} value={r}>
              {t(`rules.${r}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          label={t('console.base')}
          value={base}
          onChange={(e) => setBase(e.target.value as VoteBase)}
        >
          {VOTE_BASES.map((b) => (
            <MenuItem key={b} value={b}>
              {t(`bases.${b}`)}
            </MenuItem>
          ))}
        </TextField>
        <Button
          variant="contained"
          sx={{ flexShrink: 0 }}
          onClick={() =>
            void run({ type: 'openVote', motion: text, rule, base }).then((ok) => ok && setMotion(''))
          }
          data-testid="vote-open"
        >
          {t('console.openVote')}
        </Button>
      </Stack>
      <RefusalNote at="vote" />
    </Stack>
  );
}

function OpenVote({ vote, run }: { vote: VoteView; run: ConsoleRun }) {
  const { t } = useTranslation('meetings');
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <Stack spacing={1.5} data-testid="open-vote">
      <Typography sx={{ fontSize: '1.3rem', fontWeight: 700 }}>
        {vote.motion}（{t(`rules.${vote.rule}`)}，{t(`bases.${vote.base}`)}）
      </Typography>
      {COUNT_ORIGINS.map((origin) => (
        <CountRow
          key={origin}
          label={t(`origins.${origin}`)}
          testId={`count-${origin}`}
          action={t('console.record')}
          onSubmit={(c) => run({ type: 'recordCount', voteId: vote.voteId, origin, ...c })}
        />
      ))}
      {vote.counts.map((c) =>
        editing === c.entryId ? (
          <CountRow
            key={c.entryId}
            label={t(`origins.${c.origin}`)}
            testId={`correct-${c.origin}`}
            initial={{ yes: c.yes, no: c.no, abstain: c.abstain }}
            action={t('console.correct')}
            onSubmit={(n) =>
              run({ type: 'correctCount', entryId: c.entryId, ...n }, `correct-${c.origin}`).then(
                (ok) => (ok && setEditing(null), ok),
              )
            }
          />
        ) : (
          <Stack
            key={c.entryId}
            direction="row"
            spacing={2}
            sx={{ alignItems: 'center' }}
            data-testid={`counted-${c.origin}`}
          >
            <Typography sx={{ flexGrow: 1, fontSize: '1.15rem' }}>
              {t(`origins.${c.origin}`)}：{t('console.yes')} {c.yes}，{t('console.no')} {c.no}，
              {t('console.abstain')} {c.abstain}
              {c.corrected ? `（${t('console.corrected')}）` : ''}
            </Typography>
            <Button onClick={() => setEditing(c.entryId)}>{t('console.correct')}</Button>
          </Stack>
        ),
      )}
      <Typography
        sx={{ fontSize: '1.15rem' }}
        color={vote.preview.ok ? 'text.primary' : 'error'}
        data-testid="vote-preview"
      >
        {vote.preview.ok
          ? t('console.preview', { reason: vote.preview.result.reason })
          : vote.preview.message}
      </Typography>
      <Stack direction="row" spacing={1}>
        {vote.rule === 'consensus' && (
          <Button variant="outlined" onClick={() => void run({ type: 'consensus', voteId: vote.voteId })}>
            {t('console.consensus')}
          </Button>
        )}
        <Button
          variant="contained"
          color="secondary"
          onClick={() => void run({ type: 'closeVote', voteId: vote.voteId })}
          data-testid="vote-close"
        >
          {t('console.closeVote')}
        </Button>
      </Stack>
      <RefusalNote at="vote" />
    </Stack>
  );
}
