import { useMemo } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
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
import { mappedCategory, unmappedClasses, type ClassMapping } from '#shared/domain/hotline/classes';
import { DEMAND_CATEGORIES, type DemandCategory } from '#shared/domain/vocab';
import './strings';
import { useCategoryLabel } from '../../kit/i18n/labels';

export interface ClassesStepProps {
  /** The class path of every row of the file. */
  paths: readonly string[];
  classes: ClassMapping;
  /** What a person chose in this import for classes the table does not cover. */
  assigned: Readonly<Record<string, DemandCategory>>;
  onAssign: (assigned: Record<string, DemandCategory>) => void;
}

/** The classes of the file the table does not know, still waiting for a person to assign them. */
export function classesWaiting(
  paths: readonly string[],
  classes: ClassMapping,
  assigned: Readonly<Record<string, DemandCategory>>,
): number {
  return unmappedClasses(paths, classes).filter((c) => !assigned[c.path]).length;
}

/**
 * 第三步：核对分类. The file's classes the mapping table does not cover are listed for a person to
 * assign (the text guess is offered, never taken silently); the known ones can be changed too.
 * Everything chosen here is remembered for the next import.
 */
export function ClassesStep({ paths, classes, assigned, onAssign }: ClassesStepProps) {
  const { t } = useTranslation('hotlineImport');
  const categoryLabel = useCategoryLabel();
  const unknown = useMemo(() => unmappedClasses(paths, classes), [paths, classes]);
  const known = useMemo(() => {
    const counts = new Map<string, number>();
    for (const p of paths)
      if (p !== '' && mappedCategory(p, classes)) counts.set(p, (counts.get(p) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1]);
  }, [paths, classes]);
  const waiting = unknown.filter((c) => !assigned[c.path]);
  const assign = (path: string, category: string) =>
    onAssign({ ...assigned, [path]: category as DemandCategory });
  const takeGuesses = () =>
    onAssign({ ...assigned, ...Object.fromEntries(waiting.map((c) => [c.path, c.guess])) });

  const select = (path: string, value: string, label: string) => (
    <TextField
      select
      size="small"
      label={label}
      value={value}
      onChange={(e) => assign(path, e.target.value)}
      sx={{ minWidth: 180 }}
    >
      {DEMAND_CATEGORIES.map((c) => (
        <MenuItem key={c} value={c}>
          {categoryLabel(c)}
        </MenuItem>
      ))}
    </TextField>
  );

  return (
    <Card>
      <CardContent>
        <Typography variant="h3" component="h2" gutterBottom>
          {t('classesTitle')}
        </Typography>
        <Typography color="text.secondary" sx={{ mb: 2 }}>
          {t('classesHint')}
        </Typography>
        {unknown.length === 0 ? (
          <Alert severity="success" sx={{ mb: 2 }}>
            {t('classesAllKnown', { count: known.length })}
          </Alert>
        ) : (
          <>
            <Alert severity={waiting.length > 0 ? 'warning' : 'success'} sx={{ mb: 2 }}>
              {waiting.length > 0
                ? t('classesWaiting', { count: waiting.length })
                : t('classesAssigned', { count: unknown.length })}
            </Alert>
            <Table size="small" aria-label={t('unknownClasses')} data-testid="unknown-classes">
              <TableHead>
                <TableRow>
                  <TableCell>{t('cityClass')}</TableCell>
                  <TableCell sx={{ width: 80 }}>{t('rows')}</TableCell>
                  <TableCell>{t('guess')}</TableCell>
                  <TableCell>{t('appCategory')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {unknown.map((c) => (
                  <TableRow key={c.path}>
                    <TableCell>{c.path}</TableCell>
                    <TableCell>{c.rows}</TableCell>
                    <TableCell>
                      <Chip
                        size="small"
                        variant="outlined"
                        label={t('guessOf', { name: categoryLabel(c.guess) })}
                      />
                    </TableCell>
                    <TableCell>
                      {select(c.path, assigned[c.path] ?? '', t('categoryFor', { path: c.path }))}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            {waiting.length > 0 && (
              <Button variant="outlined" sx={{ mt: 2 }} onClick={takeGuesses}>
                {t('takeGuesses', { count: waiting.length })}
              </Button>
            )}
          </>
        )}
        {known.length > 0 && (
          <Box component="details" sx={{ mt: 2 }}>
            <Box component="summary" sx={{ cursor: 'pointer', py: 1 }}>
              {t('knownClasses', { count: known.length })}
            </Box>
            <Stack spacing={1.5} sx={{ mt: 1 }}>
              {known.map(([path, rows]) => (
                <Stack key={path} direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
                  <Typography sx={{ minWidth: 280 }}>
                    {path}（{t('rowCount', { count: rows })}）
                  </Typography>
                  {select(
                    path,
                    assigned[path] ?? mappedCategory(path, classes) ?? 'other',
                    t('categoryFor', { path }),
                  )}
                </Stack>
              ))}
            </Stack>
          </Box>
        )}
      </CardContent>
    </Card>
  );
}
