import { useMemo, useRef } from 'react';
import { Box, Chip, Typography } from '@mui/material';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import { isOverdue, type LedgerRow } from '#shared/domain/ledger/index';
import type { PlaceTree } from '#shared/domain/places/index';
import { placePath } from './format';
import { formatDateTime, formatShortDateTime } from '../../kit/beijing-time';
import './strings';

const ROW_HEIGHT = 52;
const COLUMNS = '166px minmax(180px, 2.2fr) minmax(120px, 1.3fr) 64px 116px 112px 124px 168px';
const MIN_WIDTH = 1056;

interface Props {
  rows: readonly LedgerRow[];
  tree: PlaceTree;
  scope: string;
  now: string;
  onOpen(id: string): void;
}

/**
 * The ledger rows, virtualised: only the rows in view (plus a few) exist in the page, so 50,000
 * demands scroll as smoothly as 50.
 */
export function LedgerTable({ rows, tree, scope, now, onOpen }: Props) {
  const { t } = useTranslation('demands');
  const scrollRef = useRef<HTMLDivElement>(null);
  // Place labels repeat across thousands of rows: each is computed once per tree and ledger place.
  const placeLabel = useMemo(() => {
    const labels = new Map<string, string>();
    return (rowScope: string) => {
      let label = labels.get(rowScope);
      if (label === undefined) {
        label = placePath(tree, rowScope, scope);
        labels.set(rowScope, label);
      }
      return label;
    };
  }, [tree, scope]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const cell = { px: 1.5, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;
  const columns = ['receivedAt', 'title', 'place', 'type', 'category', 'source', 'status', 'dueAt'] as const;

  return (
    <Box
      role="table"
      aria-rowcount={rows.length}
      sx={{
        border: 1,
        borderColor: 'divider',
        borderRadius: 1,
        bgcolor: 'background.paper',
        overflowX: 'auto',
      }}
    >
      <Box
        role="row"
        sx={{
          display: 'grid',
          gridTemplateColumns: COLUMNS,
          alignItems: 'center',
          minWidth: MIN_WIDTH,
          minHeight: ROW_HEIGHT,
          borderBottom: 2,
          borderColor: 'divider',
          fontWeight: 700,
          bgcolor: '#efebe6',
        }}
      >
        {columns.map((c) => (
          <Box key={c} role="columnheader" sx={cell}>
            {t(`ledger.columns.${c}`)}
          </Box>
        ))}
      </Box>
      <Box
        ref={scrollRef}
        data-testid="ledger-scroll"
        sx={{
          height: 'max(360px, calc(100vh - 470px))',
          overflowY: 'auto',
          overflowX: 'hidden',
          minWidth: MIN_WIDTH,
        }}
      >
        {rows.length === 0 ? (
          <Typography sx={{ p: 3 }} color="text.secondary">
            {t('ledger.empty')}
          </Typography>
        ) : (
          <Box role="rowgroup" sx={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index] as LedgerRow;
              const late = isOverdue(row, now);
              return (
                <Box
                  key={row.id}
                  role="row"
                  aria-rowindex={item.index + 2}
                  tabIndex={0}
                  data-testid="ledger-row"
                  data-id={row.id}
                  onClick={() => onOpen(row.id)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' || e.key === ' ') {
                      e.preventDefault();
                      onOpen(row.id);
                    }
                  }}
                  sx={{
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    right: 0,
                    height: ROW_HEIGHT,
                    transform: `translateY(${item.start}px)`,
                    display: 'grid',
                    gridTemplateColumns: COLUMNS,
                    alignItems: 'center',
                    borderBottom: 1,
                    borderColor: 'divider',
                    cursor: 'pointer',
                    bgcolor: item.index % 2 ? '#faf8f6' : 'background.paper',
                    '&:hover, &:focus-visible': { bgcolor: '#f3e6e6', outline: 'none' },
                  }}
                >
                  <Box role="cell" sx={{ ...cell, fontVariantNumeric: 'tabular-nums' }}>
                    {formatDateTime(row.receivedAt)}
                  </Box>
                  <Box role="cell" sx={{ ...cell, fontWeight: 600 }} title={row.title}>
                    {row.title}
                  </Box>
                  <Box role="cell" sx={cell}>
                    {placeLabel(row.scope)}
                  </Box>
                  <Box role="cell" sx={cell}>
                    {t(`types.${row.type}`)}
                  </Box>
                  <Box role="cell" sx={cell}>
                    {t(`categories.${row.category}`)}
                  </Box>
                  <Box role="cell" sx={cell}>
                    {t(`sources.${row.source}`)}
                  </Box>
                  <Box role="cell" sx={cell}>
                    {t(`statuses.${row.status}`)}
                  </Box>
                  <Box role="cell" sx={{ ...cell, display: 'flex', gap: 1, alignItems: 'center' }}>
                    {row.dueAt ? formatShortDateTime(row.dueAt) : '—'}
                    {late && <Chip size="small" color="error" label={t('ledger.overdueBadge')} />}
                  </Box>
                </Box>
              );
            })}
          </Box>
        )}
      </Box>
    </Box>
  );
}
