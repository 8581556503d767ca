import { useMemo } from 'react';
import {
  Card,
  CardContent,
  List,
  ListItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { ratesByChild, threeRates, type RateReport } from '#shared/domain/aggregations/index';
import { liesUnder } from '#shared/domain/places/index';
import type { DemandDoc, FollowUpDoc } from '#shared/schema/index';
import type { PlaceNames } from '../../db/use-place-names';
import type { Period } from './periods';
import './strings';

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

interface Props {
  demands: readonly DemandDoc[];
  followUps: readonly FollowUpDoc[];
  scope: string;
  period: Period;
  now: string;
  names: PlaceNames;
}

/** The three rates of a place and period with the counts behind them; unreasonable demands apart. */
export function RatesPanel({ demands, followUps, scope, period, now, names }: Props) {
  const { t } = useTranslation('callbacks');
  const options = useMemo(() => ({ scope, ...period, asOf: now }), [scope, period, now]);
  const total = useMemo(() => threeRates(demands, followUps, options), [demands, followUps, options]);
  // The place's own row only when records sit on the place itself (not on a courtyard below).
  const children = useMemo(
    () =>
      ratesByChild(demands, followUps, options).filter(
        (row) => row.scope !== scope || row.received + row.callbacks + row.unreasonable.received > 0,
      ),
    [demands, followUps, options, scope],
  );
  const unreasonable = useMemo(
    () =>
      demands.filter(
        (d) =>
          !d.reasonable &&
          liesUnder(d.scope, scope) &&
          d.receivedAt >= period.from &&
          d.receivedAt < period.to,
      ),
    [demands, scope, period],
  );

  const card = (key: string, label: string, rate: number | null, evidence: string) => (
    <Card variant="outlined" sx={{ flex: 1, minWidth: 260 }} data-testid={`rate-${key}`}>
      <CardContent>
        <Typography sx={{ color: 'text.secondary' }}>{label}</Typography>
        <Typography variant="h3" component="p" data-testid={`rate-${key}-value`}>
          {percent(rate)}
        </Typography>
        <Typography sx={{ mt: 1 }} data-testid={`rate-${key}-evidence`}>
          {evidence}
        </Typography>
      </CardContent>
    </Card>
  );

  return (
    <Stack spacing={2}>
      <Stack direction="row" sx={{ gap: 2, flexWrap: 'wrap' }}>
        {card(
          'response',
          t('rates.response'),
          total.responseRate,
          t('rates.responseEvidence', {
            n: total.respondedInTime,
            d: total.received - total.responsePending,
            pending: total.responsePending,
          }),
        )}
        {card(
          'resolution',
          t('rates.resolution'),
          total.resolutionRate,
          t('rates.resolutionEvidence', {
            n: total.resolved,
            d: total.reasonableReceived,
            reopened: total.reopened,
            open: total.reopenedUnresolved,
          }),
        )}
        {card(
          'satisfaction',
          t('rates.satisfaction'),
          total.satisfactionRate,
          t('rates.satisfactionEvidence', {
            s: total.satisfied,
            b: total.basicallySatisfied,
            d: total.callbacks,
            u: total.unsatisfied,
          }),
        )}
      </Stack>
      {children.length > 1 && <ChildTable rows={children} names={names} scope={scope} />}
      <Card variant="outlined" data-testid="unreasonable">
        <CardContent>
          <Typography variant="h6" component="h3">
            {t('unreasonable.title')}
          </Typography>
          <Typography data-testid="unreasonable-summary">
            {t('unreasonable.summary', {
              count: total.unreasonable.received,
              responded: total.unreasonable.respondedInTime,
              callbacks: total.unreasonable.callbacks,
            })}
            {total.duplicates > 0 ? ` ${t('unreasonable.duplicates', { count: total.duplicates })}` : ''}
          </Typography>
          {unreasonable.length === 0 ? (
            <Typography sx={{ color: 'text.secondary' }}>{t('unreasonable.none')}</Typography>
          ) : (
            // A scrolled list takes the focus, so the keyboard can scroll it too.
            <List
              dense
              tabIndex={0}
              aria-label={t('unreasonable.listLabel')}
              sx={{ maxHeight: 260, overflowY: 'auto' }}
            >
              {unreasonable.map((d) => (
                <ListItem key={d.id} divider sx={{ display: 'block' }}>
                  <Typography sx={{ fontWeight: 700 }}>
                    {d.title}
                    <Typography component="span" sx={{ color: 'text.secondary', ml: 1 }}>
                      {names.path(d.scope)}
                    </Typography>
                  </Typography>
                  <Typography>
                    {t('unreasonable.evidence')}：{d.unreasonableEvidence ?? '—'}
                  </Typography>
                </ListItem>
              ))}
            </List>
          )}
        </CardContent>
      </Card>
    </Stack>
  );
}

function ChildTable({ rows, names, scope }: { rows: RateReport[]; names: PlaceNames; scope: string }) {
  const { t } = useTranslation('callbacks');
  return (
    <Table size="small" aria-label={t('byChild')} data-testid="rates-by-child">
      <TableHead>
        <TableRow>
          <TableCell>{t('place')}</TableCell>
          <TableCell align="right">{t('received')}</TableCell>
          <TableCell align="right">{t('rates.response')}</TableCell>
          <TableCell align="right">{t('rates.resolution')}</TableCell>
          <TableCell align="right">{t('rates.satisfaction')}</TableCell>
          <TableCell align="right">{t('unreasonableShort')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.scope}>
            <TableCell>
              {row.scope === scope ? t('ownLevel', { name: names.name(row.scope) }) : names.name(row.scope)}
            </TableCell>
            <TableCell align="right">{row.received}</TableCell>
            <TableCell align="right">{percent(row.responseRate)}</TableCell>
            <TableCell align="right">{percent(row.resolutionRate)}</TableCell>
            <TableCell align="right">{percent(row.satisfactionRate)}</TableCell>
            <TableCell align="right">{row.unreasonable.received}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
