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
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { maskQuotedPii } from '#shared/domain/export/index';
import { refusedTable } from '#shared/domain/hotline/plan';
import { can } from '#shared/domain/permissions/index';
import { useDatabase } from '../../db/DatabaseContext';
import { useDeviceSettings } from '../../db/SettingsContext';
import { ExportPiiDialog, saveCsv } from '../exports';
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
  const db = useDatabase();
  const settings = useDeviceSettings();
  const [asking, setAsking] = useState(false);
  const rows = refusedTable(plan.refused).slice(1);
  const actor = { id: settings.deviceId, role: settings.role, scope: settings.homeScope };
  const where = { scope: settings.homeScope, collection: 'demands' as const };
  const fullAllowed = can(actor, 'pii.read', where) && can(actor, 'export.pii', where);
  // The reasons quote the cells they refuse (a phone number, an address): masked unless chosen.
  const exportRefused = async (full: boolean) => {
    setAsking(false);
    const shown = full && fullAllowed;
    const table = refusedTable(plan.refused).map((row, i) =>
      i === 0 || shown ? row : row.map((cell, c) => (c === 3 ? maskQuotedPii(cell) : cell)),
    );
    await saveCsv(table, `12345-未导入的行-${result.fileName.replace(/\.[^.]+$/, '')}.csv`, {
      db,
      author: { deviceId: settings.deviceId },
      scope: settings.homeScope,
      collection: 'demands',
      action: 'demand.import.refusedExport',
      what: `12345 未导入的行 ${table.length - 1} 条`,
      pii: shown ? 'full' : 'masked',
    });
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
              <Button variant="outlined" onClick={() => setAsking(true)}>
                {t('exportRefused')}
              </Button>
            )}
            <Button variant="contained" onClick={onAgain}>
              {t('importAgain')}
            </Button>
          </Stack>
        </CardContent>
      </Card>
      <ExportPiiDialog
        open={asking}
        fullAllowed={fullAllowed}
        onCancel={() => setAsking(false)}
        onExport={(full) => void exportRefused(full)}
      />
    </Stack>
  );
}
