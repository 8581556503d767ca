import { useEffect } from 'react';
import { compareVersions, type UpdatePolicy } from '#shared/protocol/updates';
import { platform, setAppUpdate } from '../platform';
import { useSync } from '../features/sync';
import { useDeviceSettings } from '../db/SettingsContext';

/**
 * After every completed sync: the desktop app asks its hub for a newer version (downloaded and
 * verified in the background, then offered as 立即重启更新), and any device learns whether the
 * street requires a newer version than it runs.
 */
export function UpdateCheck() {
  const { status } = useSync();
  const hubUrl = useDeviceSettings().hub?.url ?? null;
  const lastSyncedAt = status?.lastSyncedAt ?? null;
  useEffect(() => {
    if (!lastSyncedAt || !hubUrl) return;
    let cancelled = false;
    void (async () => {
      if (platform.kind === 'electron') {
        const update = await platform.checkForUpdate();
        if (!cancelled && update.state === 'ready')
          setAppUpdate({ waiting: { kind: 'restart', version: update.version } }, () =>
            platform.installUpdate(),
          );
      }
      const res = await fetch(new URL('/v1/updates/policy', hubUrl), { cache: 'no-store' });
      if (!res.ok || cancelled) return;
      const policy = (await res.json()) as UpdatePolicy;
      const current = await platform.appVersion();
      const below = policy.minimumVersion !== null && compareVersions(current, policy.minimumVersion) < 0;
      setAppUpdate({ belowMinimum: below ? { minimum: policy.minimumVersion as string, current } : null });
    })().catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [lastSyncedAt, hubUrl]);
  return null;
}
