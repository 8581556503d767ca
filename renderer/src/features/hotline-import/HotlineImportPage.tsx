import { useEffect, useState } from 'react';
import { Alert, Button, Card, CardContent, LinearProgress, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { ClassMapping } from '#shared/domain/hotline/classes';
import { autoMap, type ColumnMapping } from '#shared/domain/hotline/fields';
import type { DemandCategory } from '#shared/domain/vocab';
import type { RawTable } from '#shared/domain/hotline/rows';
import { useDatabase } from '../../db/DatabaseContext';
import { useDeviceSettings } from '../../db/SettingsContext';
import { nowIso } from '../../db/ids';
import { platform } from '../../platform';
import { loadTable } from './load-table';
import { MappingStep } from './MappingStep';
import { ImportSummary } from './ImportSummary';
import { readClassMapping, rememberClasses } from './class-store';
import { readPresets, writePresets, type PresetStore } from './presets';
import { loadMatcher, runImport, type ImportProgress, type ImportResult } from './run-import';
import './strings';

type Step =
  | { kind: 'choose' }
  | { kind: 'reading' }
  | { kind: 'map'; fileName: string; table: RawTable }
  | { kind: 'running'; progress: ImportProgress }
  | { kind: 'done'; result: ImportResult };

/** 12345 工单导入: choose a file, check the column mapping on a preview, import, read the summary. */
export function HotlineImportPage() {
  const { t } = useTranslation('hotlineImport');
  const db = useDatabase();
  const settings = useDeviceSettings();
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [error, setError] = useState('');
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [presets, setPresets] = useState<PresetStore | null>(null);
  const [classes, setClasses] = useState<ClassMapping | null>(null);
  const [assigned, setAssigned] = useState<Record<string, DemandCategory>>({});
  const [now] = useState(nowIso);
  const [places, setPlaces] = useState<Awaited<ReturnType<typeof loadMatcher>> | null>(null);

  useEffect(() => {
    void readPresets(db).then(setPresets);
    void readClassMapping(db).then(setClasses);
  }, [db]);

  const updatePresets = (store: PresetStore) => {
    setPresets(store);
    void writePresets(db, store);
  };

  const choose = async () => {
    setError('');
    const file = await platform.openFile([{ name: '12345 工单', extensions: ['xlsx', 'csv'] }]);
    if (!file) return;
    setStep({ kind: 'reading' });
    try {
      const [table, matcher] = await Promise.all([loadTable(file.name, file.data), loadMatcher(db)]);
      if (table.rows.length === 0) throw new Error(t('empty'));
      const preset = presets?.presets.find((p) => p.id === presets.lastId);
      setMapping(autoMap(table.headers, preset));
      setAssigned({});
      setPlaces(matcher);
      setStep({ kind: 'map', fileName: file.name, table });
    } catch (e) {
      setError(t('readFailed', { message: e instanceof Error ? e.message : String(e) }));
      setStep({ kind: 'choose' });
    }
  };

  const start = async (fileName: string, table: RawTable) => {
    setStep({ kind: 'running', progress: { phase: 'checking', done: 0, total: table.rows.length } });
    try {
      // What the person assigned is remembered before the rows are read with it.
      const remembered = await rememberClasses(db, assigned);
      setClasses(remembered);
      const result = await runImport(
        db,
        { deviceId: settings.deviceId },
        settings.homeScope,
        fileName,
        table,
        mapping,
        remembered,
        (progress) => setStep({ kind: 'running', progress }),
      );
      setStep({ kind: 'done', result });
    } catch (e) {
      setError(t('failed', { message: e instanceof Error ? e.message : String(e) }));
      setStep({ kind: 'map', fileName, table });
    }
  };

  return (
    <Stack spacing={3} sx={{ maxWidth: 1200 }}>
      <Typography variant="h2" component="h1">
        {t('title')}
      </Typography>
      {error && <Alert severity="error">{error}</Alert>}
      {(step.kind === 'choose' || step.kind === 'reading') && (
        <Card>
          <CardContent>
            <Typography sx={{ mb: 2 }}>{t('intro')}</Typography>
            <Button
              variant="contained"
              size="large"
              onClick={() => void choose()}
              disabled={step.kind === 'reading'}
            >
              {t('choose')}
            </Button>
            {step.kind === 'reading' && (
              <Stack spacing={1} sx={{ mt: 2 }}>
                <Typography>{t('reading')}</Typography>
                <LinearProgress />
              </Stack>
            )}
          </CardContent>
        </Card>
      )}
      {step.kind === 'map' && presets && places && classes && (
        <MappingStep
          fileName={step.fileName}
          table={step.table}
          mapping={mapping}
          onMapping={setMapping}
          presets={presets}
          onPresets={updatePresets}
          places={places}
          now={now}
          classes={classes}
          assigned={assigned}
          onAssign={setAssigned}
          onStart={() => void start(step.fileName, step.table)}
          onCancel={() => setStep({ kind: 'choose' })}
        />
      )}
      {step.kind === 'running' && (
        <Card>
          <CardContent>
            <Typography sx={{ mb: 1 }} data-testid="import-progress-text">
              {t(step.progress.phase, { done: step.progress.done, total: step.progress.total })}
            </Typography>
            <LinearProgress
              variant="determinate"
              value={step.progress.total === 0 ? 100 : (100 * step.progress.done) / step.progress.total}
              sx={{ height: 12, borderRadius: 6 }}
            />
          </CardContent>
        </Card>
      )}
      {step.kind === 'done' && (
        <ImportSummary result={step.result} onAgain={() => setStep({ kind: 'choose' })} />
      )}
    </Stack>
  );
}
