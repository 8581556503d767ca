import { useMemo, useState } from 'react';
import { Alert, Box, Button, CircularProgress, Stack, Typography } from '@mui/material';
import FileDownloadIcon from '@mui/icons-material/FileDownload';
import PrintIcon from '@mui/icons-material/Print';
import { useTranslation } from 'react-i18next';
import type { AnnualSummary, MonthlyReport } from '#shared/domain/reports/index';
import { useDatabase } from '../../db/DatabaseContext';
import { useDeviceSettings } from '../../db/SettingsContext';
import { platform } from '../../platform';
import { exportReport } from './export-report';
import { FigureTable } from './FigureTable';
import { formatDate, formatDateTime } from '../../kit/beijing-time';
import { PrintSheet } from '../../kit/PrintSheet';
import { useReportTranslate } from './use-translate';
import { reportSections, reportTitle } from './report-sections';
import './strings';

/** The monthly report or annual summary as a printable A4 document with its Excel export. */
export function ReportView({
  report,
  placeName,
}: {
  report: MonthlyReport | AnnualSummary;
  placeName: (scope: string) => string;
}) {
  const { t } = useTranslation('reports');
  const db = useDatabase();
  const settings = useDeviceSettings();
  const translate = useReportTranslate();
  const [exporting, setExporting] = useState(false);
  const [notice, setNotice] = useState<{ severity: 'success' | 'error'; text: string } | null>(null);
  const sections = useMemo(
    () => reportSections(report, translate, placeName),
    [report, translate, placeName],
  );
  const title = reportTitle(report, translate, placeName);
  const d = report.dashboard;
  const last = new Date(Date.parse(d.to) - 1).toISOString();
  const subtitle = t('report.generatedAt', {
    at: formatDateTime(d.now),
    from: formatDate(d.from),
    to: formatDate(last),
  });

  const runExport = async () => {
    setExporting(true);
    setNotice(null);
    const name = `${title}.xlsx`;
    try {
      const record = { db, author: { deviceId: settings.deviceId }, scope: settings.homeScope };
      if (await exportReport(name, title, subtitle, t('report.sheet'), sections, record))
        setNotice({ severity: 'success', text: t('report.exported', { name }) });
    } catch (error) {
      setNotice({ severity: 'error', text: t('report.exportFailed', { message: (error as Error).message }) });
    } finally {
      setExporting(false);
    }
  };

  return (
    <Stack spacing={2}>
      <Stack direction="row" sx={{ gap: 1.5, flexWrap: 'wrap' }}>
        <Button
          variant="contained"
          startIcon={exporting ? <CircularProgress size={20} color="inherit" /> : <FileDownloadIcon />}
          disabled={exporting}
          onClick={() => void runExport()}
          data-testid="report-export"
        >
          {exporting ? t('report.exporting') : t('report.export')}
        </Button>
        <Button variant="outlined" startIcon={<PrintIcon />} onClick={() => void platform.print()}>
          {t('report.print')}
        </Button>
      </Stack>
      {notice && (
        <Alert severity={notice.severity} onClose={() => setNotice(null)} role="status">
          {notice.text}
        </Alert>
      )}
      <Box
        data-testid="report-document"
        sx={{
          bgcolor: 'background.paper',
          border: 1,
          borderColor: 'divider',
          p: { xs: 2, md: 4 },
          maxWidth: '210mm',
        }}
      >
        <PrintSheet>
          <Typography variant="h2" component="h1" sx={{ textAlign: 'center', mb: 1 }}>
            {title}
          </Typography>
          <Typography sx={{ textAlign: 'center', color: 'text.secondary', mb: 3 }}>{subtitle}</Typography>
          {sections.map((section) => (
            <Box key={section.key} component="section" sx={{ mb: 3 }}>
              <Typography variant="h4" component="h2" sx={{ mb: 1 }}>
                {section.title}
              </Typography>
              <FigureTable section={section} dense />
            </Box>
          ))}
        </PrintSheet>
      </Box>
    </Stack>
  );
}
