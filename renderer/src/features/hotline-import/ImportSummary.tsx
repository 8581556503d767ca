import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { refusedTable } from '#shared/domain/hotline/plan';
import { toCsv } from '#shared/domain/hotline/csv';
import { platform } from '../../platform';
import type { ImportResult } from './run-import';
import './strings';

const SHOWN = 300;

function Count({
  label,
  value,
  testId,
  color,
}: {
  label: string;
  value: number;
  testId: string;
  color: string;
}) {
  return (
    <Card variant="outlined" sx={{ flex: 1, minWidth: 150 }}>
      <CardContent sx={{ textAlign: 'center' }}>
        <Typography color="text.secondary">{label}</Typography>
        <Typography variant="h2" component="p" sx={{ color }} data-testid={testId}>
          {value}
        </Typography>
      </CardContent>
    </Card>
  );
}

export function ImportSummary({ result, onAgain }: { result: ImportResult; onAgain: () => void }) {
  const { t } = useTranslation('hotlineImport');
  const { plan } = result;
  const rows = refusedTable(plan.refused).slice(1);
  const exportRefused = async () => {
    const text = `\ufeff${toCsv(refusedTable(plan.refused))}`;
    await platform.saveFile(
      `12345-未导入的行-${result.fileName.replace(/\.[^.]+$/, '')}.csv`,
      new TextEncoder().encode(text),
      [{ name: 'CSV', extensions: ['csv'] }],
    );
  };
  return (
    <Stack spacing={3}>
      <Card>
        <CardContent>
          <Typography variant="h3" component="h2" gutterBottom>
            {t('doneTitle')}
          </Typography>
          <Typography color="text.secondary" sx={{ mb: 2 }}>
            {t('summaryOf', { name: result.fileName, count: result.rowCount })}
          </Typography>
          <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap' }}>
            <Count
              label={t('created')}
              value={plan.create.length}
              testId="summary-created"
              color="success.main"
            />
            <Count
              label={t('updated')}
              value={plan.update.length}
              testId="summary-updated"
              color="info.main"
            />
            <Count
              label={t('unchanged')}
              value={plan.unchanged.length}
              testId="summary-unchanged"
              color="text.primary"
            />
            <Count
              label={t('refused')}
              value={plan.refused.length}
              testId="summary-refused"
              color="error.main"
            />
          </Stack>
        </CardContent>
      </Card>
      {plan.conflicts.length > 0 && (
        <Card>
          <CardContent>
            <Typography variant="h3" component="h2" gutterBottom>
              {t('conflictsTitle')}
            </Typography>
            <Typography color="text.secondary" sx={{ mb: 2 }}>
              {t('conflictsHint')}
            </Typography>
            <Table size="small" data-testid="import-conflicts">
              <TableHead>
                <TableRow>
                  <TableCell sx={{ width: 80 }}>{t('row')}</TableCell>
                  <TableCell sx={{ width: 200 }}>{t('orderNo')}</TableCell>
                  <TableCell>{t('localStatus')}</TableCell>
                  <TableCell>{t('incomingStatus')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {plan.conflicts.slice(0, SHOWN).map((c) => (
                  <TableRow key={c.orderNo}>
                    <TableCell>{c.rowNumber}</TableCell>
                    <TableCell>{c.orderNo}</TableCell>
                    <TableCell>{t(`demandStates.${c.local}`)}</TableCell>
                    <TableCell>{t(`demandStates.${c.incoming}`)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </CardContent>
        </Card>
      )}
      <Card>
        <CardContent>
          <Typography variant="h3" component="h2" gutterBottom>
            {t('refusedTitle')}
          </Typography>
          {rows.length === 0 ? (
            <Alert severity="success">{t('noneRefused')}</Alert>
          ) : (
            <>
              <Typography color="text.secondary" sx={{ mb: 2 }}>
                {t('refusedHint')}
              </Typography>
              <Box sx={{ maxHeight: 560, overflow: 'auto' }}>
                <Table size="small" stickyHeader data-testid="refused-rows">
                  <TableHead>
                    <TableRow>
                      <TableCell sx={{ width: 80 }}>{t('row')}</TableCell>
                      <TableCell sx={{ width: 200 }}>{t('orderNo')}</TableCell>
                      <TableCell sx={{ width: 120 }}>{t('column')}</TableCell>
                      <TableCell>{t('reason')}</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {rows.slice(0, SHOWN).map(([row, orderNo, column, reason], i) => (
                      <TableRow key={i}>
                        <TableCell>{row}</TableCell>
                        <TableCell>{orderNo}</TableCell>
                        <TableCell>{column}</TableCell>
                        <TableCell>{reason}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </Box>
              {rows.length > SHOWN && (
                <Typography sx={{ mt: 1 }}>{t('moreRefused', { count: rows.length - SHOWN })}</Typography>
              )}
            </>
          )}
          <Stack direction="row" spacing={2} sx={{ mt: 2 }}>
            {rows.length > 0 && (
              <Button variant="outlined" onClick={() => void exportRefused()}>
                {t('exportRefused')}
              </Button>
            )}
            <Button variant="contained" onClick={onAgain}>
              {t('importAgain')}
            </Button>
          </Stack>
        </CardContent>
      </Card>
    </Stack>
  );
}
