import { createContext, useContext, useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import type { SyncClient, SyncStatus, RefusedRowRecord } from '../../sync';
import {
  browserEventSourceFactory,
  createSyncClient,
  DexieRefusedRowStore,
  DexieUploadedAttachmentStore,
} from '../../sync';
import { useDatabase } from '../../app/DatabaseContext';
import { useDeviceSettings } from '../../app/SettingsContext';
import { platform } from '../../platform';
import { HUB_TOKEN_SECRET } from './hub-session';
import { RevokedDialog } from './RevokedDialog';

export interface SyncView {
  client: SyncClient | null;
  status: SyncStatus | null;
  refused: RefusedRowRecord[];
}

const SyncContext = createContext<SyncView>({ client: null, status: null, refused: [] });

export function useSync(): SyncView {
  return useContext(SyncContext);
}

/** Runs the sync client while this device is enrolled with a hub. */
export function SyncProvider({ children }: { children: ReactNode }) {
  const db = useDatabase();
  const settings = useDeviceSettings();
  const hub = settings.hub ?? null;
  const [view, setView] = useState<SyncView>({ client: null, status: null, refused: [] });
  const [revoked, setRevoked] = useState(false);

  useEffect(() => {
    if (!hub) return;
    let client: SyncClient | null = null;
    let stopped = false;
    const subscriptions: { unsubscribe(): void }[] = [];
    void platform.getSecret(HUB_TOKEN_SECRET).then((token) => {
      if (stopped || !token) return;
      client = createSyncClient({
        db,
        hubUrl: hub.url,
        token,
        hubId: hub.hubId,
        deviceScope: hub.scope,
        eventSourceFactory: browserEventSourceFactory,
        refusedStore: new DexieRefusedRowStore(),
        // Which photos the hub already has, remembered across restarts.
        uploadedStore: new DexieUploadedAttachmentStore(),
        onRevoked: () => setRevoked(true),
      });
      const current = client;
      subscriptions.push(
        current.status$.subscribe((status) => setView((v) => ({ ...v, client: current, status }))),
      );
      subscriptions.push(
        current.refused$.subscribe((refused) => setView((v) => ({ ...v, client: current, refused }))),
      );
    });
    return () => {
      stopped = true;
      subscriptions.forEach((s) => s.unsubscribe());
      void client?.stop();
      setView({ client: null, status: null, refused: [] });
    };
  }, [db, hub]);

  return (
    <SyncContext.Provider value={view}>
      {children}
      <RevokedDialog open={revoked} />
    </SyncContext.Provider>
  );
}
