import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { BoardCounts } from '#shared/domain/handling/index';
import './strings';

const COLUMNS = ['open', 'returned', 'overdue', 'dueSoon', 'stalled', 'awaitingAcceptance'] as const;

interface Row extends BoardCounts {
  key: string;
  label: string;
  sub?: string;
}

/** Counts per place or per party; the overdue column is what a supervisor reads first. */
export function CountsTable({
  title,
  head,
  rows,
  testId,
  onPick,
}: {
  title: string;
  head: string;
  rows: readonly Row[];
  testId: string;
  onPick?: (key: string) => void;
}) {
  const { t } = useTranslation('supervision');
  return (
    <>
      <Typography variant="h5" component="h2" sx={{ mt: 1 }}>
        {title}
      </Typography>
      <Table size="small" data-testid={testId} aria-label={title}>
        <TableHead>
          <TableRow>
            <TableCell sx={{ minWidth: '8em' }}>{head}</TableCell>
            {COLUMNS.map((c) => (
              <TableCell key={c} align="right" sx={{ whiteSpace: 'nowrap' }}>
                {t(`columns.${c}`)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((row) => (
            <TableRow
              key={row.key}
              hover={Boolean(onPick)}
              onClick={onPick ? () => onPick(row.key) : undefined}
              sx={{ cursor: onPick ? 'pointer' : 'default' }}
              data-testid={`${testId}-${row.key}`}
            >
              <TableCell>
                {row.label}
                {row.sub && (
                  <Typography component="span" sx={{ color: 'text.secondary', display: 'block' }}>
                    {row.sub}
                  </Typography>
                )}
              </TableCell>
              {COLUMNS.map((c) => (
                <TableCell
                  key={c}
                  align="right"
                  data-col={c}
                  sx={{
                    fontVariantNumeric: 'tabular-nums',
                    fontWeight: c === 'overdue' && row[c] > 0 ? 700 : 400,
                    color: c === 'overdue' && row[c] > 0 ? 'error.main' : undefined,
                  }}
                >
                  {row[c]}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
