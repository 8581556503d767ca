import { useMemo } from 'react';
import { Box, Button, Card, CardContent, Divider, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useDatabase } from '../../db/DatabaseContext';
import { useDeviceSettings } from '../../db/SettingsContext';
import { useObservable } from '../../kit/use-observable';
import { conflictedDocs$, resolveField } from './conflicts';
import { formatValue } from './format';
import { formatDateTime } from '../../kit/beijing-time';
import './strings';

/** 冲突处理: both values of every conflicted field side by side; a person keeps one. */
export function ConflictList() {
  const { t } = useTranslation('sync');
  const { t: tApp } = useTranslation();
  const db = useDatabase();
  const settings = useDeviceSettings();
  const docs = useObservable(
    useMemo(() => conflictedDocs$(db), [db]),
    [],
  );

  return (
    <Card>
      <CardContent>
        <Typography variant="h3" component="h2" gutterBottom>
          {t('conflictsTitle')}
        </Typography>
        <Typography color="text.secondary" sx={{ mb: 2 }}>
          {docs.length ? t('conflictsHint') : t('conflictsNone')}
        </Typography>
        <Stack spacing={2} divider={<Divider />}>
          {docs.map((doc) => (
            <Box key={`${doc.collection}:${doc.id}`} data-testid={`conflict-${doc.id}`}>
              <Typography variant="h4" component="h3">
                {tApp(`collections.${doc.collection}`)} · {doc.title}
              </Typography>
              {doc.conflicts.map((c, i) => (
                <Box
                  key={`${c.field}-${i}`}
                  sx={{ mt: 1.5, display: 'grid', gap: 1, gridTemplateColumns: { md: '160px 1fr 1fr' } }}
                >
                  <Typography sx={{ fontWeight: 700 }}>
                    {t('field')}: {c.field}
                  </Typography>
                  <Stack spacing={1} sx={{ p: 1.5, border: 1, borderColor: 'divider', borderRadius: 1 }}>
                    <Typography color="text.secondary">{t('localValue')}</Typography>
                    <Typography data-testid="conflict-local">
                      {formatValue(c.localValue, t('empty'))}
                    </Typography>
                    <Button
                      variant="outlined"
                      onClick={() =>
                        void resolveField(db, doc.collection, doc.id, c.field, 'local', settings.deviceId)
                      }
                    >
                      {t('keepLocal')}
                    </Button>
                  </Stack>
                  <Stack spacing={1} sx={{ p: 1.5, border: 1, borderColor: 'divider', borderRadius: 1 }}>
                    <Typography color="text.secondary">
                      {t('remoteValue')} —{' '}
                      {t('changedBy', {
                        by: c.remoteUpdatedBy ?? '',
                        at: formatDateTime(c.remoteUpdatedAt),
                      })}
                    </Typography>
                    <Typography data-testid="conflict-remote">
                      {formatValue(c.remoteValue, t('empty'))}
                    </Typography>
                    <Button
                      variant="outlined"
                      onClick={() =>
                        void resolveField(db, doc.collection, doc.id, c.field, 'remote', settings.deviceId)
                      }
                    >
                      {t('keepRemote')}
                    </Button>
                  </Stack>
                </Box>
              ))}
            </Box>
          ))}
        </Stack>
      </CardContent>
    </Card>
  );
}
