import { useEffect, useState } from 'react';
import {
  Button,
  Card,
  CardContent,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableFooter,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { COLLECTION_NAMES } from '#shared/domain/vocab';
import { useDatabase } from '../../db/DatabaseContext';
import { useDeviceSettings } from '../../db/SettingsContext';
import { platform } from '../../platform';
import { formatBytes, useCollectionCounts, useStorageState } from './use-database-stats';
import { usePlaceName } from './use-place-name';
import { EnrollCard, HallBundleCard, StreetBundleCard } from '../sync';
import { RecentErrorsCard } from './RecentErrorsCard';
import { DeviceBackupCard } from './DeviceBackupCard';
import './strings';

function Row({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <TableRow>
      <TableCell component="th" scope="row" sx={{ width: '38%', color: 'text.secondary' }}>
        {label}
      </TableCell>
      <TableCell data-testid={testId}>{value}</TableCell>
    </TableRow>
  );
}

/** 设备与数据: the real state of this device's database, for the person who looks after it. */
export function DevicePage() {
  const { t } = useTranslation('device');
  const { t: tApp } = useTranslation();
  const db = useDatabase();
  const settings = useDeviceSettings();
  const counts = useCollectionCounts(db);
  const total = counts ? Object.values(counts).reduce((a, b) => a + b, 0) : null;
  const [storage, requestPersist] = useStorageState(total);
  const homeName = usePlaceName(settings.homeScope);
  const [version, setVersion] = useState('');
  const [leader, setLeader] = useState(db.isLeader());

  useEffect(() => {
    void platform.appVersion().then(setVersion);
    let alive = true;
    void db.waitForLeadership().then(() => alive && setLeader(true));
    return () => {
      alive = false;
    };
  }, [db]);

  return (
    <Stack spacing={3} sx={{ maxWidth: 960 }}>
      <Typography variant="h2" component="h1">
        {t('title')}
      </Typography>

      <Card>
        <CardContent>
          <Typography variant="h3" component="h2" gutterBottom>
            {t('thisDevice')}
          </Typography>
          <Table size="small">
            <TableBody>
              <Row label={t('deviceName')} value={settings.deviceName} testId="device-name" />
              <Row label={t('deviceKind')} value={tApp(`deviceKinds.${settings.deviceKind}`)} />
              <Row label={t('homePlace')} value={homeName} testId="home-place" />
              <Row label={t('role')} value={tApp(`roles.${settings.role}`)} />
              <Row
                label={t('mode')}
                value={platform.kind === 'electron' ? t('modeElectron') : t('modeBrowser')}
              />
              <Row label={t('version')} value={version} />
            </TableBody>
          </Table>
        </CardContent>
      </Card>

      <EnrollCard />
      <HallBundleCard />
      <StreetBundleCard />
      <DeviceBackupCard />

      <Card>
        <CardContent>
          <Typography variant="h3" component="h2" gutterBottom>
            {t('database')}
          </Typography>
          <Table size="small">
            <TableBody>
              <Row label={t('databaseName')} value={db.name} testId="db-name" />
              <Row label={t('storageEngine')} value="IndexedDB (RxDB · Dexie)" testId="db-storage" />
              <Row label={t('encryption')} value={t('encryptionOn')} />
              <Row label={t('leader')} value={leader ? t('leaderYes') : t('leaderNo')} />
              <Row label={t('used')} value={formatBytes(storage.usage)} testId="storage-used" />
              <Row label={t('quota')} value={formatBytes(storage.quota)} testId="storage-quota" />
              <Row
                label={t('persistent')}
                value={
                  storage.persisted === null
                    ? t('persistentUnknown')
                    : storage.persisted
                      ? t('persistentYes')
                      : t('persistentNo')
                }
                testId="storage-persistent"
              />
            </TableBody>
          </Table>
          {storage.persisted === false && (
            <Button sx={{ mt: 2 }} variant="outlined" onClick={() => void requestPersist()}>
              {t('requestPersist')}
            </Button>
          )}
        </CardContent>
      </Card>

      <Card>
        <CardContent>
          <Typography variant="h3" component="h2" gutterBottom>
            {t('collections')}
          </Typography>
          <Table size="small" aria-label={t('collections')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('collection')}</TableCell>
                <TableCell align="right">{t('documents')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {COLLECTION_NAMES.map((name) => (
                <TableRow key={name} data-testid={`collection-${name}`}>
                  <TableCell>
                    {tApp(`collections.${name}`)}{' '}
                    <Typography component="span" color="text.secondary">
                      ({name})
                    </Typography>
                  </TableCell>
                  <TableCell align="right" data-testid={`count-${name}`}>
                    {counts ? counts[name].toLocaleString('zh-CN') : '…'}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
            <TableFooter>
              <TableRow>
                <TableCell sx={{ fontWeight: 700 }}>{t('total')}</TableCell>
                <TableCell align="right" sx={{ fontWeight: 700 }} data-testid="count-total">
                  {total === null ? '…' : total.toLocaleString('zh-CN')}
                </TableCell>
              </TableRow>
            </TableFooter>
          </Table>
        </CardContent>
      </Card>

      <RecentErrorsCard />
    </Stack>
  );
}
