import { useMemo, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import {
  HOTLINE_FIELD_LABELS,
  HOTLINE_FIELDS,
  REQUIRED_FIELDS,
  autoMap,
  mappingProblems,
  type ColumnMapping,
  type HotlineField,
  type MappingPreset,
} from '#shared/domain/hotline/fields';
import type { ClassMapping } from '#shared/domain/hotline/classes';
import { CALLBACK_RESULT_LABELS } from '#shared/domain/hotline/handling';
import { cityStatus } from '#shared/domain/hotline/plan';
import { classPaths, readRow, type HotlineDemand, type RawTable } from '#shared/domain/hotline/rows';
import type { DemandCategory } from '#shared/domain/vocab';
import { ClassesStep, classesWaiting } from './ClassesStep';
import type { PresetStore } from './presets';
import type { loadMatcher } from './run-import';
import './strings';
import { useCategoryLabel } from '../../kit/i18n/labels';

const PREVIEW_ROWS = 8;

export interface MappingStepProps {
  fileName: string;
  table: RawTable;
  mapping: ColumnMapping;
  onMapping: (mapping: ColumnMapping) => void;
  presets: PresetStore;
  onPresets: (store: PresetStore) => void;
  places: Awaited<ReturnType<typeof loadMatcher>>;
  now: string;
  classes: ClassMapping;
  assigned: Readonly<Record<string, DemandCategory>>;
  onAssign: (assigned: Record<string, DemandCategory>) => void;
  onStart: () => void;
  onCancel: () => void;
}

export function MappingStep(props: MappingStepProps) {
  const { t } = useTranslation('hotlineImport');
  const categoryLabel = useCategoryLabel();
  const { table, mapping, presets } = props;
  const [presetName, setPresetName] = useState('');
  const [saved, setSaved] = useState('');
  const problems = mappingProblems(mapping, table.headers);
  const paths = useMemo(() => classPaths(table, mapping), [table, mapping]);
  const classes = useMemo(() => ({ ...props.classes, ...props.assigned }), [props.classes, props.assigned]);
  const waiting = classesWaiting(paths, props.classes, props.assigned);
  const preview = useMemo(
    () =>
      table.rows
        .slice(0, PREVIEW_ROWS)
        .map((row) => readRow(row, table.headers, mapping, { ...props.places, classes, now: props.now })),
    [table, mapping, props.places, props.now, classes],
  );
  const categoryText = (d: HotlineDemand) =>
    d.categoryGuessed ? t('guessOf', { name: categoryLabel(d.category) }) : categoryLabel(d.category);
  const handlingText = (d: HotlineDemand) =>
    [
      t(`cityStatus.${cityStatus(d)}`),
      d.hotlineCallback ? CALLBACK_RESULT_LABELS[d.hotlineCallback] : undefined,
    ]
      .filter(Boolean)
      .join(' · ');

  const choosePreset = (id: string) => {
    const preset = presets.presets.find((p) => p.id === id);
    if (!preset) return;
    props.onMapping(autoMap(table.headers, preset));
    props.onPresets({ ...presets, lastId: id });
  };
  const savePreset = () => {
    const name = presetName.trim();
    if (!name) return;
    const preset: MappingPreset = { id: `preset-${name}`, name, mapping };
    props.onPresets({
      presets: [...presets.presets.filter((p) => p.id !== preset.id), preset],
      lastId: preset.id,
    });
    setSaved(t('presetSaved', { name }));
    setPresetName('');
  };
  const setField = (field: HotlineField, header: string) => {
    const next = { ...mapping };
    if (header === '') delete next[field];
    else next[field] = header;
    props.onMapping(next);
  };
  const cellOf = (row: (typeof table.rows)[number], field: HotlineField) => {
    const i = mapping[field] === undefined ? -1 : table.headers.indexOf(mapping[field]);
    return i < 0 ? '' : (row.cells[i] ?? '');
  };

  return (
    <Stack spacing={3}>
      <Card>
        <CardContent>
          <Typography variant="h3" component="h2" gutterBottom>
            {t('mappingTitle')}
          </Typography>
          <Typography color="text.secondary" sx={{ mb: 2 }}>
            {t('file', { name: props.fileName, count: table.rows.length })} {t('mappingHint')}
          </Typography>
          <Stack
            direction="row"
            spacing={2}
            sx={{ mb: 3, alignItems: 'center', flexWrap: 'wrap', rowGap: 2 }}
          >
            <TextField
              select
              label={t('preset')}
              value={presets.lastId}
              onChange={(e) => choosePreset(e.target.value)}
              sx={{ minWidth: 240 }}
            >
              {presets.presets.map((p) => (
                <MenuItem key={p.id} value={p.id}>
                  {p.name}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              label={t('presetName')}
              value={presetName}
              onChange={(e) => setPresetName(e.target.value)}
            />
            <Button variant="outlined" onClick={savePreset} disabled={!presetName.trim()}>
              {t('savePreset')}
            </Button>
            {saved && <Typography color="success.main">{saved}</Typography>}
          </Stack>
          <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))', gap: 2 }}>
            {HOTLINE_FIELDS.map((field) => (
              <TextField
                key={field}
                select
                label={`${HOTLINE_FIELD_LABELS[field]}${REQUIRED_FIELDS.includes(field) ? ' *' : ''}`}
                value={mapping[field] ?? ''}
                onChange={(e) => setField(field, e.target.value)}
                slotProps={{ htmlInput: { 'data-testid': `map-${field}` } }}
              >
                <MenuItem value="">{t('notImported')}</MenuItem>
                {table.headers.map((h) => (
                  <MenuItem key={h} value={h}>
                    {h}
                  </MenuItem>
                ))}
              </TextField>
            ))}
          </Box>
          {problems.length > 0 && (
            <Alert severity="warning" sx={{ mt: 2 }}>
              {problems.map((p) => (
                <div key={p}>{p}</div>
              ))}
            </Alert>
          )}
        </CardContent>
      </Card>

      <ClassesStep
        paths={paths}
        classes={props.classes}
        assigned={props.assigned}
        onAssign={props.onAssign}
      />

      <Card>
        <CardContent>
          <Typography variant="h3" component="h2" gutterBottom>
            {t('previewTitle', { count: preview.length })}
          </Typography>
          <Box sx={{ overflowX: 'auto' }}>
            <Table size="small" data-testid="import-preview">
              <TableHead>
                <TableRow>
                  <TableCell>{t('row')}</TableCell>
                  <TableCell>{t('orderNo')}</TableCell>
                  <TableCell>{t('receivedAt')}</TableCell>
                  <TableCell>{t('type')}</TableCell>
                  <TableCell>{t('place')}</TableCell>
                  <TableCell>{t('category')}</TableCell>
                  <TableCell>{t('handling')}</TableCell>
                  <TableCell>{t('result')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {preview.map((result, i) => {
                  const row = table.rows[i] as (typeof table.rows)[number];
                  return (
                    <TableRow key={result.rowNumber}>
                      <TableCell>{result.rowNumber}</TableCell>
                      <TableCell>{cellOf(row, 'orderNo')}</TableCell>
                      <TableCell>{cellOf(row, 'receivedAt')}</TableCell>
                      <TableCell>
                        {result.ok ? t(`types.${result.demand.type}`) : cellOf(row, 'type')}
                      </TableCell>
                      <TableCell>{result.ok ? result.placeName : cellOf(row, 'address')}</TableCell>
                      <TableCell>{result.ok ? categoryText(result.demand) : ''}</TableCell>
                      <TableCell>{result.ok ? handlingText(result.demand) : ''}</TableCell>
                      <TableCell sx={{ color: result.ok ? 'success.main' : 'error.main' }}>
                        {result.ok
                          ? t('ok')
                          : result.errors.map((e) => `${e.column}：${e.message}`).join('；')}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </Box>
        </CardContent>
      </Card>

      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <Button
          variant="contained"
          size="large"
          onClick={props.onStart}
          disabled={problems.length > 0 || waiting > 0}
          aria-describedby={problems.length > 0 || waiting > 0 ? 'start-why' : undefined}
        >
          {t('start')}
        </Button>
        <Button size="large" onClick={props.onCancel}>
          {t('chooseAnother')}
        </Button>
        {(problems.length > 0 || waiting > 0) && (
          <Typography id="start-why" color="text.secondary">
            {problems.length > 0 ? t('startBlockedMapping') : t('startBlockedClasses', { count: waiting })}
          </Typography>
        )}
      </Stack>
    </Stack>
  );
}
