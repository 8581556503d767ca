import { createContext, useContext, useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { ReturnBundle } from '#shared/protocol/bundle';
import type { CarriedDigests } from '#shared/sync/bundle-exchange';
import type { SyncClient, SyncStatus, RefusedRowRecord } from '../../sync';
import {
  BundleInbox,
  createFetchEventSourceFactory,
  createSyncClient,
  DexieRefusedRowStore,
  DexieUploadedAttachmentStore,
} from '../../sync';
import { useDatabase } from '../../db/DatabaseContext';
import { useDeviceSettings } from '../../db/SettingsContext';
import { platform } from '../../platform';
import { HUB_TOKEN_SECRET } from './hub-session';
import { HubRestoredNotice } from './HubRestoredNotice';
import { RevokedDialog } from './RevokedDialog';
import { readSettings, saveSettings } from '../../db/settings';

export interface SyncView {
  client: SyncClient | null;
  status: SyncStatus | null;
  refused: RefusedRowRecord[];
}

export interface SyncControl {
  /**
   * Loads a verified return bundle and restarts the client, whose fresh replications take it in
   * (a running one may hold its pull back behind pushes that wait for the hub). They push one row
   * per call meanwhile: RxDB takes one answer per batch, and a row made after the export (which
   * only the hub can answer) then holds back fewer exported rows (RxDB still groups the rows that
   * pile up while a push is answered; those wait for the line or the next bundle).
   */
  takeInBundle(bundle: ReturnBundle, carried: CarriedDigests): Promise<SyncClient>;
  /** Back to the usual batches once the bundle is taken in. */
  settle(): Promise<SyncClient>;
}

const empty: SyncView = { client: null, status: null, refused: [] };
const SyncContext = createContext<SyncView>(empty);
const ControlContext = createContext<SyncControl | null>(null);

export function useSync(): SyncView {
  return useContext(SyncContext);
}

/** Null while the device is not enrolled. */
export function useSyncControl(): SyncControl | null {
  return useContext(ControlContext);
}

/** Runs the sync client while this device is enrolled with a hub. */
export function SyncProvider({ children }: { children: ReactNode }) {
  const db = useDatabase();
  const settings = useDeviceSettings();
  const hub = settings.hub ?? null;
  const [view, setView] = useState<SyncView>(empty);
  const [revoked, setRevoked] = useState(false);
  const [restored, setRestored] = useState(false);
  const [control, setControl] = useState<SyncControl | null>(null);
  const inbox = useRef(new BundleInbox());

  useEffect(() => {
    if (!hub) return;
    let running: { client: SyncClient; subscriptions: { unsubscribe(): void }[] } | null = null;
    let stopped = false;
    // A restart keeps the time of the last sync the status bar shows.
    let lastSyncedAt: string | null = null;
    const start = (token: string, pushBatchSize?: number): SyncClient => {
      const client = createSyncClient({
        ...(pushBatchSize ? { pushBatchSize } : {}),
        lastSyncedAt,
        db,
        hubUrl: hub.url,
        token,
        hubId: hub.hubId,
        ...(hub.epoch !== undefined ? { hubEpoch: hub.epoch } : {}),
        // The hub was restored: remember its new epoch; the changed settings restart this client
        // with a fresh replication (pull from the beginning, push back what the hub lacks).
        onEpochChanged: (epoch) => {
          setRestored(true);
          void readSettings(db).then((current) => {
            if (!stopped && current?.hub)
              void saveSettings(db, { ...current, hub: { ...current.hub, epoch } });
          });
        },
        deviceScope: hub.scope,
        // The fetch-based reader sends the token as a header; EventSource could only put it in the URL.
        eventSourceFactory: createFetchEventSourceFactory(),
        refusedStore: new DexieRefusedRowStore(),
        // Which photos the hub already has, remembered across restarts.
        uploadedStore: new DexieUploadedAttachmentStore(),
        onRevoked: () => setRevoked(true),
        inbox: inbox.current,
      });
      running = {
        client,
        subscriptions: [
          client.status$.subscribe((status) => setView((v) => ({ ...v, client, status }))),
          client.refused$.subscribe((refused) => setView((v) => ({ ...v, client, refused }))),
        ],
      };
      return client;
    };
    const halt = async () => {
      const current = running;
      running = null;
      lastSyncedAt = current?.client.status$.getValue().lastSyncedAt ?? lastSyncedAt;
      current?.subscriptions.forEach((s) => s.unsubscribe());
      await current?.client.stop();
    };
    void platform.getSecret(HUB_TOKEN_SECRET).then((token) => {
      if (stopped || !token) return;
      start(token);
      setControl({
        takeInBundle: async (bundle, carried) => {
          inbox.current.load(bundle, carried);
          await halt();
          if (stopped) throw new Error('同步已停止。');
          return start(token, 1);
        },
        settle: async () => {
          await halt();
          if (stopped) throw new Error('同步已停止。');
          return start(token);
        },
      });
    });
    return () => {
      stopped = true;
      void halt();
      setControl(null);
      setView(empty);
    };
  }, [db, hub]);

  return (
    <ControlContext.Provider value={control}>
      <SyncContext.Provider value={view}>
        {children}
        <RevokedDialog open={revoked} client={view.client} />
        <HubRestoredNotice open={restored} onClose={() => setRestored(false)} />
      </SyncContext.Provider>
    </ControlContext.Provider>
  );
}
