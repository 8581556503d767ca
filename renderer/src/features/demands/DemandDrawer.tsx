import { useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import {
  Alert,
  Box,
  Divider,
  Drawer,
  IconButton,
  List,
  ListItem,
  ListItemText,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Toolbar,
  Typography,
} from '@mui/material';
import CloseIcon from '@mui/icons-material/Close';
import { useTranslation } from 'react-i18next';
import { maskReporter } from '#shared/domain/ledger/index';
import { can } from '#shared/domain/permissions/index';
import type { PlaceTree } from '#shared/domain/places/index';
import type { DemandDoc } from '#shared/schema/index';
import { useDatabase } from '../../db/DatabaseContext';
import { useDeviceSettings } from '../../db/SettingsContext';
import { useObservable } from '../../kit/use-observable';
import { placePath } from './format';
import { formatDateTime } from '../../kit/beijing-time';
import { piiCell } from '../../kit/Withheld';
import { useDemandHistory } from './use-demand-history';
import './strings';

interface Props {
  id: string | null;
  tree: PlaceTree;
  onClose(): void;
}

/** One demand: its fields, its photos and its history (audit trail and follow-ups). */
export function DemandDrawer({ id, tree, onClose }: Props) {
  const { t } = useTranslation('demands');
  const db = useDatabase();
  const settings = useDeviceSettings();
  const doc = useObservable(
    useMemo(() => db.demands.findOne(id ?? '').$, [db, id]),
    null,
  );
  const raw = doc ? (doc.toJSON() as DemandDoc) : null;
  const pii = raw
    ? can({ id: settings.deviceId, role: settings.role, scope: settings.homeScope }, 'pii.read', {
        scope: raw.scope,
        collection: 'demands',
      })
    : false;
  const demand = raw ? maskReporter(raw, { pii }) : null;
  const history = useDemandHistory(id ?? '', raw?.scope ?? '');
  const [photoUrls, setPhotoUrls] = useState<string[]>([]);
  useEffect(() => {
    let alive = true;
    const urls: string[] = [];
    void Promise.all((doc?.allAttachments() ?? []).map((a) => a.getData())).then((blobs) => {
      if (!alive) return;
      for (const blob of blobs) urls.push(URL.createObjectURL(blob));
      setPhotoUrls(urls);
    });
    return () => {
      alive = false;
      urls.forEach((u) => URL.revokeObjectURL(u));
    };
  }, [doc]);

  const rows: [string, ReactNode][] = demand
    ? [
        [t('ledger.columns.place'), placePath(tree, demand.scope)],
        [t('ledger.columns.receivedAt'), formatDateTime(demand.receivedAt)],
        [t('ledger.columns.dueAt'), demand.dueAt && formatDateTime(demand.dueAt)],
        [t('ledger.columns.status'), t(`statuses.${demand.status}`)],
        [t('ledger.columns.type'), t(`types.${demand.type}`)],
        [t('ledger.columns.category'), t(`categories.${demand.category}`)],
        [t('ledger.columns.source'), t(`sources.${demand.source}`)],
        [t('ledger.columns.urgency'), t(`urgencies.${demand.urgency}`)],
        [t('ledger.columns.vulnerable'), demand.vulnerable ? t('detail.yes') : t('detail.no')],
        [t('ledger.columns.hotlineOrderNo'), demand.hotlineOrderNo],
        [t('ledger.columns.reporterName'), demand.reporterName],
        // The hub sends these only to roles that may read them (pii.read).
        [t('ledger.columns.reporterPhone'), piiCell(demand.reporterPhone, pii)],
        [t('ledger.columns.addressDetail'), piiCell(demand.addressDetail, pii)],
        [t('detail.duplicateOf'), demand.duplicateOf],
        [t('detail.answer'), demand.answer],
      ]
    : [];

  return (
    <Drawer
      anchor="right"
      open={id !== null}
      onClose={onClose}
      slotProps={{ paper: { 'aria-labelledby': 'demand-drawer-title' } as object }}
    >
      {/* The app bar lies over every drawer: the spacer keeps the title and 关闭 below it. */}
      <Toolbar />
      <Box
        sx={{ width: { xs: '100vw', sm: 560 }, p: 3 }}
        data-testid="demand-drawer"
        role="region"
        aria-label={t('detail.title')}
      >
        <Stack direction="row" sx={{ alignItems: 'flex-start', gap: 1 }}>
          <Typography variant="h3" component="h2" id="demand-drawer-title" sx={{ flexGrow: 1 }}>
            {demand?.title ?? t('detail.title')}
          </Typography>
          <IconButton aria-label={t('detail.close')} onClick={onClose}>
            <CloseIcon />
          </IconButton>
        </Stack>
        {demand && (
          <Stack spacing={2} sx={{ mt: 1 }}>
            <Typography sx={{ whiteSpace: 'pre-wrap' }}>{demand.description}</Typography>
            {!pii && (demand.reporterName || demand.reporterPhone || demand.addressDetail) && (
              <Alert severity="info">{t('detail.masked')}</Alert>
            )}
            <Table size="small">
              <TableBody>
                {rows
                  .filter(([, value]) => value !== undefined && value !== '')
                  .map(([label, value]) => (
                    <TableRow key={label}>
                      <TableCell component="th" sx={{ width: '34%', color: 'text.secondary' }}>
                        {label}
                      </TableCell>
                      <TableCell>{value}</TableCell>
                    </TableRow>
                  ))}
              </TableBody>
            </Table>
            {photoUrls.length > 0 && (
              <>
                <Typography variant="h4" component="h3">
                  {t('detail.photos')}
                </Typography>
                <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 1 }}>
                  {photoUrls.map((url) => (
                    <a key={url} href={url} target="_blank" rel="noreferrer">
                      <img src={url} alt="" width={160} style={{ borderRadius: 6 }} />
                    </a>
                  ))}
                </Stack>
              </>
            )}
            <Divider />
            <Typography variant="h4" component="h3">
              {t('detail.history')}
            </Typography>
            {history.length === 0 ? (
              <Typography color="text.secondary">{t('detail.historyEmpty')}</Typography>
            ) : (
              <List dense data-testid="demand-history">
                {history.map((line, i) => (
                  <ListItem key={`${line.at}-${i}`} disableGutters>
                    <ListItemText
                      primary={`${formatDateTime(line.at)}  ${line.text}`}
                      secondary={line.note}
                    />
                  </ListItem>
                ))}
              </List>
            )}
          </Stack>
        )}
      </Box>
    </Drawer>
  );
}
