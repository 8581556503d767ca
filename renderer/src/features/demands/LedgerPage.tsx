import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { Alert, Box, CircularProgress, Stack, Typography } from '@mui/material';
import FileDownloadIcon from '@mui/icons-material/FileDownload';
import { useTranslation } from 'react-i18next';
import { LedgerSearch, ledgerCounts, ledgerPredicate, type LedgerRow } from '#shared/domain/ledger/index';
import { liesUnder, pathTo } from '#shared/domain/places/index';
import { useDatabase } from '../../db/DatabaseContext';
import { useDeviceSettings } from '../../db/SettingsContext';
import { parseRoute, useRoute } from '../../kit/router';
import { DemandDrawer } from './DemandDrawer';
import { ExportPiiDialog } from '../exports';
import { exportLedger, mayExportPii } from './export-ledger';
import type { ExportLabels } from './export-workbook';
import { placePath } from './format';
import { formatDate, formatDateTime } from '../../kit/beijing-time';
import { LedgerFilters, type FilterState } from './LedgerFilters';
import { LedgerTable } from './LedgerTable';
import { PlaceCrumbs } from './PlaceCrumbs';
import { useLedgerRows } from './use-ledger-rows';
import { useNow } from '../../kit/use-now';
import { dataKey } from '../../kit/i18n';
import { usePlaceTree } from '../../db/use-place-tree';
import './strings';
import { ReasonedButton } from '../../kit/ReasonedButton';

/** Prepares the rows for the search box while the page is idle, so the first search is as quick as the next. */
function usePreparedSearch(searcher: LedgerSearch<LedgerRow>, rows: readonly LedgerRow[] | null) {
  useEffect(() => {
    if (!rows) return;
    let next = 0;
    let handle = 0;
    const step = () => {
      searcher.prepare(rows, next, next + PREPARE_CHUNK);
      next += PREPARE_CHUNK;
      if (next < rows.length) handle = window.setTimeout(step, 0);
    };
    handle = window.setTimeout(step, 0);
    return () => window.clearTimeout(handle);
  }, [searcher, rows]);
}

const PREPARE_CHUNK = 2000;

/** 需求台账 of one place (#/demands/<scope>): entrance, building, courtyard, community or street. */
export function LedgerPage() {
  const { t } = useTranslation('demands');
  const db = useDatabase();
  const settings = useDeviceSettings();
  const route = useRoute();
  const requested = parseRoute(route).segments[1];
  const scope = requested && liesUnder(requested, settings.homeScope) ? requested : settings.homeScope;
  const tree = usePlaceTree();
  // The full read waits for the place tree: IndexedDB serves the page's reads in turn, and the
  // first rows cannot show without the tree.
  const ledger = useLedgerRows(scope, tree !== null);
  const rows = ledger?.rows ?? null;
  // Until the whole subtree is read only the first rows are known: no total, counts or export.
  const complete = ledger?.complete === true;
  const now = useNow();
  const [filter, setFilter] = useState<FilterState>({});
  const [typed, setTyped] = useState('');
  const [openId, setOpenId] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const [asking, setAsking] = useState(false);
  const [notice, setNotice] = useState<{ severity: 'success' | 'error'; text: string } | null>(null);

  const inScope = useMemo(() => (rows ?? []).filter((r) => liesUnder(r.scope, scope)), [rows, scope]);
  // A place is searched by the names of its path below the street (小关北里 45号院), never by its code.
  const searcher = useMemo(
    () =>
      new LedgerSearch<LedgerRow>((s) =>
        tree
          ? pathTo(tree, s)
              .slice(1)
              .map((p) => p.name)
              .join(' ')
          : '',
      ),
    [tree],
  );
  // Typing stays responsive on a big ledger: the list follows the box a moment later if need be.
  const search = useDeferredValue(typed);
  // The search runs over the whole place's list, which stays the same while filters change, so
  // its prepared entries are reused; the filters then run over what it found.
  const searched = useMemo(() => searcher.filter(inScope, search), [searcher, inScope, search]);
  const filtered = useMemo(
    () => searched.filter(ledgerPredicate({ ...filter, scope }, now)),
    [searched, filter, scope, now],
  );
  usePreparedSearch(searcher, complete ? inScope : null);
  const counts = useMemo(
    () => (tree && complete ? ledgerCounts(tree, filtered, scope) : null),
    [tree, complete, filtered, scope],
  );

  const actor = { id: settings.deviceId, role: settings.role, scope: settings.homeScope };
  const runExport = async (full: boolean) => {
    setAsking(false);
    if (!tree) return;
    setExporting(true);
    setNotice(null);
    const labels: ExportLabels = {
      sheetName: t('ledger.sheetName'),
      header: (column) => t(`ledger.columns.${column}`),
      value: (field, value) =>
        t(
          dataKey<'demands'>(
            `${{ type: 'types', category: 'categories', source: 'sources', urgency: 'urgencies', status: 'statuses' }[field]}.${value}`,
          ),
        ),
      yesNo: (value) => (value ? t('detail.yes') : t('detail.no')),
      dateTime: (iso) => formatDateTime(iso),
      place: (s) => placePath(tree, s),
    };
    const date = formatDate(now);
    const name = `${t('ledger.sheetName')}-${tree.byScope.get(scope)?.name ?? ''}-${date}.xlsx`;
    try {
      const outcome = await exportLedger(
        db,
        actor,
        scope,
        filtered.map((r) => r.id),
        labels,
        name,
        full,
      );
      if (outcome.saved)
        setNotice({
          severity: 'success',
          text: t('ledger.exported', {
            count: outcome.count,
            masked: outcome.masked ? t('ledger.exportMasked') : '',
          }),
        });
    } catch (error) {
      setNotice({ severity: 'error', text: t('ledger.exportFailed', { message: (error as Error).message }) });
    } finally {
      setExporting(false);
    }
  };

  return (
    <Stack spacing={2}>
      <Stack direction="row" sx={{ alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        <Typography variant="h2" component="h1" sx={{ flexGrow: 1 }}>
          {t('ledger.title')}
        </Typography>
        <Typography data-testid="ledger-total" sx={{ fontSize: '1.125rem' }}>
          {!complete
            ? t('ledger.loading')
            : filtered.length === inScope.length
              ? t('ledger.total', { count: inScope.length })
              : t('ledger.filtered', { count: filtered.length, all: inScope.length })}
        </Typography>
        <ReasonedButton
          variant="contained"
          startIcon={exporting ? <CircularProgress size={20} color="inherit" /> : <FileDownloadIcon />}
          disabled={exporting || !complete}
          why={complete && filtered.length === 0 && t('ledger.nothingToExport')}
          onClick={() => setAsking(true)}
        >
          {exporting ? t('ledger.exporting') : t('ledger.export')}
        </ReasonedButton>
      </Stack>
      <ExportPiiDialog
        open={asking}
        fullAllowed={mayExportPii(actor, scope)}
        onCancel={() => setAsking(false)}
        onExport={(full) => void runExport(full)}
      />
      {notice && (
        <Alert severity={notice.severity} onClose={() => setNotice(null)} role="status">
          {notice.text}
        </Alert>
      )}
      {tree && <PlaceCrumbs tree={tree} scope={scope} home={settings.homeScope} counts={counts} />}
      <LedgerFilters value={filter} onChange={setFilter} search={typed} onSearch={setTyped} />
      {tree && rows !== null ? (
        <LedgerTable rows={filtered} tree={tree} scope={scope} now={now} onOpen={setOpenId} />
      ) : (
        <Box sx={{ p: 4, display: 'grid', placeItems: 'center' }}>
          <CircularProgress aria-label={t('ledger.loading')} />
        </Box>
      )}
      {tree && <DemandDrawer id={openId} tree={tree} onClose={() => setOpenId(null)} />}
    </Stack>
  );
}
