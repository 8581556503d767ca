import {
  Button,
  Card,
  CardContent,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useSync } from './SyncContext';
import { formatDateTime } from '../../kit/beijing-time';
import './strings';

function describe(row: Record<string, unknown>): string {
  for (const key of ['title', 'name', 'description', 'action']) {
    const value = row[key];
    if (typeof value === 'string' && value) return value.length > 40 ? `${value.slice(0, 40)}…` : value;
  }
  return String(row.id ?? '');
}

/** Rows the hub refused: not applied there, not lost here; a person sees why. */
export function RefusedRows() {
  const { t } = useTranslation('sync');
  const { t: tApp } = useTranslation();
  const { client, refused } = useSync();
  return (
    <Card>
      <CardContent>
        <Typography variant="h3" component="h2" gutterBottom>
          {t('refusedTitle')}
        </Typography>
        <Typography color="text.secondary" sx={{ mb: 2 }}>
          {refused.length ? t('refusedHint') : t('refusedNone')}
        </Typography>
        {refused.length > 0 && (
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{t('refusedAt')}</TableCell>
                <TableCell>{t('refusedCollection')}</TableCell>
                <TableCell>{t('refusedRecord')}</TableCell>
                <TableCell>{t('refusedReason')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {refused.map((r) => (
                <TableRow key={r.key} data-testid="refused-row">
                  <TableCell>{formatDateTime(r.refusedAt)}</TableCell>
                  <TableCell>{tApp(`collections.${r.collection}`, { defaultValue: r.collection })}</TableCell>
                  <TableCell>{describe(r.row)}</TableCell>
                  <TableCell>{r.reason}</TableCell>
                  <TableCell>
                    <Button onClick={() => void client?.dismissRefused(r.key)}>{t('dismiss')}</Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
