import { useMemo, useState } from 'react';
import { Box, Button, ButtonBase, Paper, Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { currentEntries, type LiveState } from '#shared/domain/meetings/index';
import { initials, matchesQuery } from '#shared/domain/text/pinyin';
import type { MeetingDoc, MeetingRecordDoc } from '#shared/schema/index';
import { ProxyDialog } from './ProxyDialog';
import { RefusalNote } from './refusal';
import type { ConsoleRun } from './use-console';

type Status = 'signedIn' | 'represented' | 'absent';

/** 签到: tap a name (or type its pinyin initials and press Enter); tap again to undo a mistake. */
export function SignInPanel({
  meeting,
  records,
  live,
  run,
}: {
  meeting: MeetingDoc;
  records: readonly MeetingRecordDoc[];
  live: LiveState;
  run: ConsoleRun;
}) {
  const { t } = useTranslation('meetings');
  const [query, setQuery] = useState('');
  const [walkIn, setWalkIn] = useState('');
  const [proxyOpen, setProxyOpen] = useState(false);
  const searchable = useMemo(
    () => meeting.roster.map((r) => ({ ...r, initials: initials(r.name, 'person') })),
    [meeting.roster],
  );
  const signInOf = useMemo(() => {
    const map = new Map<string, string>();
    for (const { rootId, record } of currentEntries(records, ['signIn']))
      if (record.personId !== undefined) map.set(record.personId, rootId);
    return map;
  }, [records]);
  const proxyOf = new Map(live.attendance.proxies.map((p) => [p.forId, p]));
  const status = (personId: string): Status =>
    live.attendance.presentInPerson.includes(personId) || live.attendance.observers.includes(personId)
      ? 'signedIn'
      : proxyOf.has(personId)
        ? 'represented'
        : 'absent';
  const shown = searchable.filter((r) => matchesQuery(r.name, r.initials, query));
  const nameOf = (id: string) => meeting.roster.find((r) => r.personId === id)?.name ?? '';

  const toggle = async (personId: string) => {
    const s = status(personId);
    if (s === 'absent') {
      if (await run({ type: 'signIn', personId })) setQuery('');
    } else if (s === 'signedIn') {
      const recordId = signInOf.get(personId);
      if (recordId && window.confirm(`${t('console.undo')}：${nameOf(personId)}`))
        await run({ type: 'void', recordId });
    } else {
      const p = proxyOf.get(personId);
      if (p && window.confirm(`${t('console.undo')}：${nameOf(p.forId)} → ${nameOf(p.holderId)}`))
        await run({ type: 'void', recordId: p.recordId });
    }
  };

  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Stack spacing={2}>
        <Typography variant="h2">{t('console.signIn')}</Typography>
        <TextField
          label={t('console.search')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            const first = shown.find((r) => status(r.personId) === 'absent');
            if (e.key === 'Enter' && first) void toggle(first.personId);
          }}
          slotProps={{ htmlInput: { 'data-testid': 'signin-search', style: { fontSize: '1.3rem' } } }}
        />
        <RefusalNote at="signIn" />
        <Box sx={{ display: 'grid', gap: 1, gridTemplateColumns: 'repeat(auto-fill, minmax(140px, 1fr))' }}>
          {shown.map((r) => {
            const s = status(r.personId);
            const holder = proxyOf.get(r.personId);
            return (
              <ButtonBase
                key={r.personId}
                onClick={() => void toggle(r.personId)}
                data-testid={`roster-${r.personId}`}
                data-status={s}
                data-entitled={r.entitled ? 'yes' : 'no'}
                sx={{
                  minHeight: 76,
                  borderRadius: 2,
                  border: 2,
                  p: 1,
                  flexDirection: 'column',
                  borderColor:
                    s === 'absent' ? 'divider' : s === 'signedIn' ? 'success.main' : 'secondary.main',
                  bgcolor:
                    s === 'signedIn'
                      ? 'rgba(46,125,50,0.12)'
                      : s === 'represented'
                        ? 'rgba(11,79,138,0.10)'
                        : 'background.paper',
                }}
              >
                <Typography sx={{ fontSize: '1.3rem', fontWeight: 700 }}>{r.name}</Typography>
                <Typography variant="body2" color="text.secondary">
                  {s === 'represented' && holder
                    ? `${t('console.represented')} → ${nameOf(holder.holderId)}`
                    : `${r.entitled ? (r.role ?? '') : t('prepare.observer')} · ${t(`console.${s}`)}`}
                </Typography>
              </ButtonBase>
            );
          })}
        </Box>
        <Stack direction="row" spacing={1}>
          <TextField
            label={t('console.walkInName')}
            value={walkIn}
            onChange={(e) => setWalkIn(e.target.value)}
            slotProps={{ htmlInput: { 'data-testid': 'walkin-name' } }}
          />
          <Button
            variant="outlined"
            onClick={() =>
              void run({ type: 'walkIn', name: walkIn }, 'walkIn').then((ok) => ok && setWalkIn(''))
            }
            sx={{ flexShrink: 0 }}
            data-testid="walkin-add"
          >
            {t('console.walkIn')}
          </Button>
        </Stack>
        <RefusalNote at="walkIn" />
        {live.attendance.walkIns.length > 0 && (
          <Typography color="text.secondary">
            {t('prepare.observer')}：{live.attendance.walkIns.map((w) => w.name ?? '').join('、')}
          </Typography>
        )}
        <Button variant="outlined" onClick={() => setProxyOpen(true)} data-testid="proxy-open">
          {t('console.proxy')}
        </Button>
        <ProxyDialog
          open={proxyOpen}
          onClose={() => setProxyOpen(false)}
          meeting={meeting}
          live={live}
          run={run}
        />
      </Stack>
    </Paper>
  );
}
