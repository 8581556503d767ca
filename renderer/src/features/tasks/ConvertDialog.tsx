import { useMemo, useState } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  MenuItem,
  Stack,
  Switch,
  TextField,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { addWorkingDays } from '#shared/domain/calendar/index';
import {
  assignTasks,
  DEFAULT_DUE_WORKING_DAYS,
  mayAssign,
  type PendingItem,
  type PlannedParty,
} from '#shared/domain/handling/index';
import { onOneLine } from '#shared/domain/places/index';
import { matchesQuery } from '#shared/domain/text/pinyin';
import { TASK_CLASSIFICATIONS, type TaskClassification } from '#shared/domain/vocab';
import type { DemandDoc, OrganizationDoc, TopicDoc } from '#shared/schema/index';
import { useDatabase } from '../../db/DatabaseContext';
import { useDeviceSettings } from '../../db/SettingsContext';
import { nowIso } from '../../db/ids';
import { formatDateTime } from '../../kit/beijing-time';
import { commitDecided } from '../../db/commit';
import { commandContext } from '../../db/command-context';
import './strings';

interface Props {
  item: PendingItem;
  organizations: readonly OrganizationDoc[];
  onClose: () => void;
  onDone: (count: number) => void;
}

const keyOf = (p: PlannedParty) => p.organizationId ?? `${p.kind}:${p.name}`;
const fromOrg = (o: OrganizationDoc): PlannedParty => ({ name: o.name, kind: o.kind, organizationId: o.id });

/** "转为办理任务": responsible parties, classification (→ handling level) and due date in working days. */
export function ConvertDialog({ item, organizations, onClose, onDone }: Props) {
  const { t } = useTranslation('tasks');
  const db = useDatabase();
  const settings = useDeviceSettings();
  const { source } = item;
  const [title, setTitle] = useState(source.title);
  const [classification, setClassification] = useState<TaskClassification>(source.suggested);
  const [days, setDays] = useState<number>(DEFAULT_DUE_WORKING_DAYS[source.suggested]);
  const [chosen, setChosen] = useState<Map<string, PlannedParty>>(
    () => new Map(source.parties.map((p) => [keyOf(p), p])),
  );
  const [extra, setExtra] = useState<PlannedParty[]>([]);
  const [split, setSplit] = useState(source.parties.length > 1);
  const [query, setQuery] = useState('');
  const [selfHelp, setSelfHelp] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const named = useMemo(() => [...source.parties, ...extra], [source.parties, extra]);
  const others = useMemo(() => {
    const namedKeys = new Set(named.map(keyOf));
    return organizations
      .filter((o) => o.serves.some((s) => onOneLine(source.scope, s)))
      .filter((o) => !namedKeys.has(o.id) && (query === '' || matchesQuery(o.name, o.initials, query)))
      .sort((a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name, 'zh-CN'))
      .slice(0, 40)
      .map(fromOrg);
  }, [organizations, named, source.scope, query]);

  const actor = { id: settings.deviceId, role: settings.role, scope: settings.homeScope };
  const allowed = mayAssign(actor, source, classification).ok;
  const validDays = Number.isInteger(days) && days >= 1 && days <= 250;
  const parties = [...chosen.values()];
  const count = split ? parties.length : Math.min(parties.length, 1);

  const toggle = (party: PlannedParty) =>
    setChosen((current) => {
      const next = new Map(current);
      if (next.has(keyOf(party))) next.delete(keyOf(party));
      else next.set(keyOf(party), party);
      return next;
    });

  const addSelfHelp = () => {
    const name = selfHelp.trim();
    if (!name) return;
    const party: PlannedParty = { name, kind: 'selfHelpTeam' };
    setExtra((list) => [...list, party]);
    setChosen((current) => new Map(current).set(keyOf(party), party));
    setSelfHelp('');
  };

  const submit = async () => {
    setSaving(true);
    setError(null);
    try {
      const topicDoc = source.topicId ? await db.topics.findOne(source.topicId).exec() : null;
      const demandDocs = await db.demands.findByIds([...source.demandIds]).exec();
      const decided = assignTasks(
        source,
        { classification, dueWorkingDays: days, parties, split, title },
        {
          ...(topicDoc ? { topic: topicDoc.toJSON() as TopicDoc } : {}),
          demands: [...demandDocs.values()].map((d) => d.toJSON() as DemandDoc),
        },
        commandContext(settings),
      );
      const outcome = await commitDecided(db, decided);
      if (!outcome.ok) setError(outcome.message);
      else if (decided.ok) onDone(decided.tasks.length);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSaving(false);
    }
  };

  const partyLine = (party: PlannedParty) => (
    <FormControlLabel
      key={keyOf(party)}
      control={
        <Checkbox
          checked={chosen.has(keyOf(party))}
          onChange={() => toggle(party)}
          slotProps={{ input: { 'aria-label': party.name } }}
        />
      }
      label={`${party.name}（${t(`partyKinds.${party.kind}`)}）`}
      data-testid={`party-option-${party.kind}`}
    />
  );

  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth aria-labelledby="convert-title">
      <DialogTitle id="convert-title">{t('convertDialog.title')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <TextField
            label={t('convertDialog.taskTitle')}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            slotProps={{ htmlInput: { maxLength: 150, 'data-testid': 'convert-title' } }}
          />
          <Typography sx={{ color: 'text.secondary' }}>
            {t('convertDialog.text')}：{source.text}
          </Typography>
          <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap' }}>
            <TextField
              select
              label={t('classificationLabel')}
              value={classification}
              onChange={(e) => {
                const next = e.target.value as TaskClassification;
                setClassification(next);
                setDays(DEFAULT_DUE_WORKING_DAYS[next]);
              }}
              sx={{ minWidth: 260 }}
              slotProps={{ htmlInput: { 'data-testid': 'convert-classification' } }}
            >
              {TASK_CLASSIFICATIONS.map((c) => (
                <MenuItem key={c} value={c}>
                  {t(`classifications.${c}`)}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              type="number"
              label={t('convertDialog.dueDays')}
              value={Number.isNaN(days) ? '' : days}
              onChange={(e) => setDays(Number.parseInt(e.target.value, 10))}
              error={!validDays}
              sx={{ width: 200 }}
              slotProps={{ htmlInput: { min: 1, max: 250, 'data-testid': 'convert-days' } }}
            />
          </Stack>
          {validDays && (
            <Typography data-testid="convert-due">
              {t('convertDialog.dueWillBe', { at: formatDateTime(addWorkingDays(nowIso(), days)) })}
            </Typography>
          )}
          <Typography variant="h6" component="h3">
            {t('convertDialog.choose')}
          </Typography>
          {named.length > 0 && (
            <Stack>
              <Typography sx={{ color: 'text.secondary' }}>{t('convertDialog.named')}</Typography>
              {named.map(partyLine)}
            </Stack>
          )}
          <Stack direction="row" sx={{ gap: 1, alignItems: 'center' }}>
            <TextField
              label={t('convertDialog.selfHelp')}
              value={selfHelp}
              onChange={(e) => setSelfHelp(e.target.value)}
              sx={{ flexGrow: 1 }}
              slotProps={{ htmlInput: { maxLength: 60 } }}
            />
            <Button
              onClick={addSelfHelp}
              disabled={!selfHelp.trim()}
              sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}
            >
              {t('convertDialog.addSelfHelp')}
            </Button>
          </Stack>
          <TextField
            label={t('convertDialog.filter')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          <Stack sx={{ maxHeight: 240, overflowY: 'auto' }} aria-label={t('convertDialog.others')}>
            {others.map(partyLine)}
          </Stack>
          <FormControlLabel
            control={<Switch checked={split} onChange={(e) => setSplit(e.target.checked)} />}
            label={t('convertDialog.split')}
          />
          {!allowed && <Alert severity="warning">{t('page.noPermission')}</Alert>}
          {error && <Alert severity="error">{error}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('page.cancel')}</Button>
        <Button
          variant="contained"
          disabled={saving || !allowed || !validDays || parties.length === 0}
          onClick={() => void submit()}
          data-testid="convert-submit"
        >
          {t('convertDialog.submit', { count })}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
