import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  CardContent,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import AddAPhotoIcon from '@mui/icons-material/AddAPhoto';
import { useTranslation } from 'react-i18next';
import {
  SPENDING_STATES,
  chineseDate,
  formatYuan,
  parseYuan,
  remainingFen,
  spentFen,
} from '#shared/domain/projects/index';
import type { ProjectDoc } from '#shared/schema/index';
import { addSpending, type ProjectActor } from './project-actions';
import { compressPhoto } from '../../kit/photos';
import './strings';

/** 资金支出: each entry with its receipts (photos kept with the project); never beyond the budget. */
export function SpendingCard({
  actor,
  project,
  editable,
}: {
  actor: ProjectActor;
  project: ProjectDoc;
  editable: boolean;
}) {
  const { t } = useTranslation('projects');
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const [receipts, setReceipts] = useState<Blob[]>([]);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const open = editable && SPENDING_STATES.includes(project.status);

  const addPhotos = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    setBusy(true);
    try {
      const compressed = await Promise.all([...files].map((f) => compressPhoto(f)));
      setReceipts((r) => [...r, ...compressed]);
    } finally {
      setBusy(false);
    }
  };

  const submit = async () => {
    const amountFen = parseYuan(amount);
    if (amountFen === null) {
      setMessage({ ok: false, text: t('spending.badAmount') });
      return;
    }
    try {
      const outcome = await addSpending(actor, project.id, { amountFen, note }, receipts);
      if (!outcome.ok) {
        setMessage({ ok: false, text: t('refused', { message: outcome.message }) });
        return;
      }
      setMessage({ ok: true, text: t('spending.added', { amount: formatYuan(amountFen) }) });
      setAmount('');
      setNote('');
      setReceipts([]);
    } catch (e) {
      setMessage({ ok: false, text: t('refused', { message: e instanceof Error ? e.message : String(e) }) });
    }
  };

  return (
    <Card>
      <CardContent>
        <Stack spacing={1}>
          <Typography variant="h3" component="h2">
            {t('spending.title')}
          </Typography>
          <Typography data-testid="spending-summary">
            {t('detail.budget')} {formatYuan(project.budgetFen)} · {t('detail.spent')}{' '}
            {formatYuan(spentFen(project))} · {t('detail.remaining')} {formatYuan(remainingFen(project))}
          </Typography>
          {project.spending.length === 0 ? (
            <Typography color="text.secondary">{t('spending.none')}</Typography>
          ) : (
            <Table size="small">
              <TableBody>
                {[...project.spending]
                  .sort((a, b) => a.at.localeCompare(b.at))
                  .map((s) => (
                    <TableRow key={s.id} data-testid="spending-row">
                      <TableCell>{chineseDate(s.at)}</TableCell>
                      <TableCell>{s.note}</TableCell>
                      <TableCell align="right">{formatYuan(s.amountFen)}</TableCell>
                      <TableCell>{t('spending.receiptCount', { count: s.receiptCount ?? 0 })}</TableCell>
                    </TableRow>
                  ))}
              </TableBody>
            </Table>
          )}
          {open && (
            <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap', alignItems: 'center', pt: 1 }}>
              <TextField
                label={t('spending.amount')}
                value={amount}
                onChange={(e) => setAmount(e.target.value)}
                sx={{ width: 180 }}
                slotProps={{ htmlInput: { inputMode: 'decimal', 'data-testid': 'spending-amount' } }}
              />
              <TextField
                label={t('spending.note')}
                value={note}
                onChange={(e) => setNote(e.target.value)}
                sx={{ minWidth: 260 }}
                slotProps={{ htmlInput: { 'data-testid': 'spending-note', maxLength: 4000 } }}
              />
              <Button component="label" variant="outlined" startIcon={<AddAPhotoIcon />} disabled={busy}>
                {t('spending.addReceipts')}
                <input
                  hidden
                  type="file"
                  accept="image/*"
                  multiple
                  data-testid="spending-receipts"
                  onChange={(e) => {
                    void addPhotos(e.target.files);
                    e.target.value = '';
                  }}
                />
              </Button>
              <Typography color="text.secondary">
                {t('spending.receiptCount', { count: receipts.length })}
              </Typography>
              <Button
                variant="contained"
                onClick={() => void submit()}
                disabled={busy}
                data-testid="spending-add"
              >
                {t('spending.add')}
              </Button>
            </Stack>
          )}
          {message && <Alert severity={message.ok ? 'success' : 'error'}>{message.text}</Alert>}
        </Stack>
      </CardContent>
    </Card>
  );
}
