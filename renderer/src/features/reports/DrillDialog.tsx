import { useEffect, useRef, useState } from 'react';
import {
  Box,
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Typography,
} from '@mui/material';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import { useReportTranslate } from './use-translate';
import type { Figure } from '#shared/domain/reports/index';
import { useDatabase } from '../../db/DatabaseContext';
import { drillRow, type DrillRow } from './drill-rows';
import './strings';

const CHUNK = 1000;
const ROW_HEIGHT = 72;

export interface DrillTarget {
  label: string;
  figure: Figure;
}

/** The records behind a number, in the order the figure lists them. */
export function DrillDialog({
  target,
  placeName,
  onClose,
}: {
  target: DrillTarget | null;
  placeName: (scope: string) => string;
  onClose: () => void;
}) {
  const { t } = useTranslation('reports');
  const translate = useReportTranslate();
  const db = useDatabase();
  const [loaded, setLoaded] = useState<{ target: DrillTarget; rows: DrillRow[] } | null>(null);
  const rows = loaded && loaded.target === target ? loaded.rows : null;
  const scroller = useRef<HTMLDivElement | null>(null);

  useEffect(() => {
    if (!target) return;
    let cancelled = false;
    const { collection, ids } = target.figure;
    void (async () => {
      const out: DrillRow[] = [];
      for (let i = 0; i < ids.length; i += CHUNK) {
        const chunk = ids.slice(i, i + CHUNK);
        const found = await db[collection].findByIds([...chunk]).exec();
        for (const id of chunk) {
          const doc = found.get(id);
          if (doc) out.push(drillRow(collection, doc.toJSON() as never, translate, placeName));
        }
      }
      if (!cancelled) setLoaded({ target, rows: out });
    })();
    return () => {
      cancelled = true;
    };
  }, [db, target, translate, placeName]);

  const virtual = useVirtualizer({
    count: rows?.length ?? 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });

  return (
    <Dialog open={target !== null} onClose={onClose} fullWidth maxWidth="md" aria-labelledby="drill-title">
      <DialogTitle id="drill-title" sx={{ fontSize: '1.375rem' }}>
        {target &&
          t('drill.title', {
            label: target.label,
            count: target.figure.ids.length,
          })}
        <Typography sx={{ color: 'text.secondary' }}>
          {target && t(`collections.${target.figure.collection}`)}
        </Typography>
      </DialogTitle>
      <DialogContent dividers sx={{ p: 0 }}>
        {rows === null ? (
          <Box sx={{ p: 4, display: 'grid', placeItems: 'center' }}>
            <CircularProgress aria-label={t('loading')} />
          </Box>
        ) : rows.length === 0 ? (
          <Typography sx={{ p: 3 }}>{t('drill.none')}</Typography>
        ) : (
          <Box ref={scroller} sx={{ height: '60vh', overflow: 'auto' }} data-testid="drill-list">
            <Box sx={{ height: virtual.getTotalSize(), position: 'relative' }}>
              {virtual.getVirtualItems().map((item) => {
                const row = rows[item.index] as DrillRow;
                return (
                  <Box
                    key={row.id}
                    data-testid="drill-row"
                    sx={{
                      position: 'absolute',
                      top: 0,
                      left: 0,
                      right: 0,
                      height: ROW_HEIGHT,
                      transform: `translateY(${item.start}px)`,
                      px: 3,
                      py: 1,
                      borderBottom: 1,
                      borderColor: 'divider',
                    }}
                  >
                    <Typography noWrap sx={{ fontWeight: 600 }}>
                      {row.primary}
                    </Typography>
                    <Typography noWrap sx={{ color: 'text.secondary' }}>
                      {row.secondary}
                    </Typography>
                  </Box>
                );
              })}
            </Box>
          </Box>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('drill.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}
