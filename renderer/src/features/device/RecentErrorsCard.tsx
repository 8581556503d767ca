import { useSyncExternalStore } from 'react';
import {
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
import { formatDateTime } from '../../kit/beijing-time';
import { clearRecordedErrors, recordedErrors, subscribeToErrors } from '../../kit/error-log';
import './strings';

/** 最近的错误: what went wrong on this device (page, Beijing time, message), newest first. */
export function RecentErrorsCard() {
  const { t } = useTranslation('device');
  const { t: tApp } = useTranslation();
  const errors = useSyncExternalStore(subscribeToErrors, recordedErrors);
  const placeOf = (where: string) =>
    where === 'window' ? t('errors.window') : tApp(where, { defaultValue: where });
  return (
    <Card>
      <CardContent>
        <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
          <Typography variant="h3" component="h2">
            {t('errors.title')}
          </Typography>
          <Button variant="outlined" disabled={errors.length === 0} onClick={clearRecordedErrors}>
            {errors.length === 0 ? t('errors.nothingToClear') : t('errors.clear')}
          </Button>
        </Stack>
        {errors.length === 0 ? (
          <Typography color="text.secondary" data-testid="errors-none">
            {t('errors.none')}
          </Typography>
        ) : (
          <Table size="small" aria-label={t('errors.title')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('errors.at')}</TableCell>
                <TableCell>{t('errors.where')}</TableCell>
                <TableCell>{t('errors.message')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {errors.map((e, i) => (
                <TableRow key={`${e.at}-${i}`} data-testid="recorded-error">
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at)}</TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{placeOf(e.where)}</TableCell>
                  <TableCell sx={{ wordBreak: 'break-word' }}>{e.message}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
