import { useMemo, useState } from 'react';
import { Chip, List, ListItemButton, ListItemText, Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { ORGANIZATION_KINDS, type OrganizationKind } from '#shared/domain/vocab';
import { ancestors } from '#shared/domain/places/index';
import { matchesText } from '#shared/domain/text/match';
import type { OrganizationDoc, TaskDoc } from '#shared/schema/index';
import type { PartyPick } from '#shared/domain/handling/index';
import { FormDialog } from '../../kit/FormDialog';
import { useOrganizations } from './use-handling-data';
import './strings';

interface Props {
  readonly task: TaskDoc;
  readonly title: string;
  /** The kind offered first: the kind of the party that gives the work up. */
  readonly kind: OrganizationKind | undefined;
  readonly testId: string;
  /** Adding a party needs no reason; handing work over does. */
  readonly reasonOptional?: boolean;
  readonly onClose: () => void;
  /** Returns the refusal message, or nothing when the hand-over was saved. */
  readonly onSubmit: (to: PartyPick, reason: string) => Promise<string | undefined>;
}

/** Organisations that work for this place: in its subtree or above it, or serving it. */
function servesPlace(org: OrganizationDoc, scope: string): boolean {
  const chain = [scope, ...ancestors(scope)];
  return (
    chain.includes(org.scope) ||
    org.scope.startsWith(`${scope}.`) ||
    org.serves.some((s) => chain.includes(s) || s.startsWith(`${scope}.`))
  );
}

/**
 * 转交 / 重新交办: the new party is picked from the directory (organisations of a kind, in the
 * task's place, found by name or pinyin), never typed, so the new task names a real unit.
 */
export function HandOverDialog({ task, title, kind, testId, reasonOptional, onClose, onSubmit }: Props) {
  const { t } = useTranslation('tasks');
  const organizations = useOrganizations();
  const [chosenKind, setChosenKind] = useState<OrganizationKind | 'all'>(kind ?? 'all');
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<OrganizationDoc | null>(null);
  const [reason, setReason] = useState('');
  const offered = useMemo(() => {
    const taken = new Set(task.parties.map((p) => p.organizationId).filter(Boolean));
    return (organizations ?? [])
      .filter((o) => servesPlace(o, task.scope) && !taken.has(o.id))
      .filter((o) => chosenKind === 'all' || o.kind === chosenKind)
      .filter((o) => search.trim() === '' || matchesText(o.name, search))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
      .slice(0, 50);
  }, [organizations, task.parties, task.scope, chosenKind, search]);
  const why = !picked
    ? t('handOver.pickFirst')
    : !reasonOptional && reason.trim() === ''
      ? t('handOver.reasonFirst')
      : null;
  const submit = async () =>
    picked
      ? onSubmit({ name: picked.name, kind: picked.kind, organizationId: picked.id }, reason.trim())
      : undefined;
  return (
    <FormDialog
      title={title}
      submitLabel={t('handOver.submit')}
      cancelLabel={t('handOver.cancel')}
      onSubmit={submit}
      onClose={onClose}
      why={why}
      testId={testId}
    >
      <Stack direction="row" sx={{ gap: 0.5, flexWrap: 'wrap' }} role="group" aria-label={t('handOver.kind')}>
        {(['all', ...ORGANIZATION_KINDS] as const).map((k) => (
          <Chip
            key={k}
            label={k === 'all' ? t('handOver.allKinds') : t(`partyKinds.${k}`)}
            color={chosenKind === k ? 'primary' : 'default'}
            variant={chosenKind === k ? 'filled' : 'outlined'}
            onClick={() => setChosenKind(k)}
            aria-pressed={chosenKind === k}
          />
        ))}
      </Stack>
      <TextField
        label={t('handOver.search')}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        size="small"
      />
      <List dense sx={{ maxHeight: 240, overflow: 'auto', border: 1, borderColor: 'divider' }}>
        {offered.map((o) => (
          <ListItemButton key={o.id} selected={picked?.id === o.id} onClick={() => setPicked(o)}>
            <ListItemText primary={o.name} secondary={t(`partyKinds.${o.kind}`)} />
          </ListItemButton>
        ))}
        {organizations !== null && offered.length === 0 && (
          <Typography sx={{ p: 1.5, color: 'text.secondary' }}>{t('handOver.none')}</Typography>
        )}
      </List>
      <Typography data-testid="handover-picked">
        {picked ? t('handOver.picked', { name: picked.name }) : t('handOver.pickFirst')}
      </Typography>
      {!reasonOptional && (
        <TextField
          label={t('page.reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          multiline
          minRows={2}
          required
        />
      )}
    </FormDialog>
  );
}
