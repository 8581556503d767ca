// Application updates from the street hub (electron-updater's generic provider pointed at
// <hub>/v1/updates/). The renderer asks after each sync; a found version downloads in the
// background and electron-updater checks its sha512 before it reports it ready. Installing
// restarts the app, so it happens only when the person chooses 立即重启更新.

import type { UpdateStatus } from '#shared/bridge/contract';
import type { Logger } from '../log';

/** The part of electron-updater's AppUpdater this service uses (a fake in tests). */
export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(event: 'update-available', listener: (info: { version: string }) => void): unknown;
  on(event: 'update-not-available', listener: () => void): unknown;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

export interface UpdateService {
  check(): Promise<UpdateStatus>;
  install(): Promise<void>;
}

export function createUpdateService(deps: {
  /** Loads electron-updater lazily: only a packaged app can update itself. */
  updater: () => Promise<UpdaterLike | null>;
  hubOrigin: () => string | null;
  log: Logger;
}): UpdateService {
  let updater: UpdaterLike | null | undefined;
  let feed: string | null = null;
  let status: UpdateStatus = { state: 'none' };

  async function instance(): Promise<UpdaterLike | null> {
    if (updater !== undefined) return updater;
    updater = await deps.updater();
    if (updater) {
      updater.autoDownload = true;
      // A half-day meeting must not end with an unannounced restart into a new version.
      updater.autoInstallOnAppQuit = false;
      updater.on('update-available', (info) => {
        status = { state: 'downloading', version: info.version };
        deps.log.info('update found, downloading', { version: info.version });
      });
      updater.on('update-not-available', () => {
        if (status.state !== 'ready') status = { state: 'none' };
      });
      updater.on('update-downloaded', (info) => {
        status = { state: 'ready', version: info.version };
        deps.log.info('update downloaded and verified', { version: info.version });
      });
      updater.on('error', (error) => {
        if (status.state !== 'ready') status = { state: 'failed', reason: error.message.slice(0, 200) };
        deps.log.warn('update check failed', { error: error.message });
      });
    }
    return updater;
  }

  return {
    async check() {
      const origin = deps.hubOrigin();
      const u = await instance();
      if (!u || !origin) return { state: 'unavailable' };
      if (status.state === 'ready' || status.state === 'downloading') return status;
      const url = `${origin}/v1/updates/`;
      if (feed !== url) {
        u.setFeedURL({ provider: 'generic', url });
        feed = url;
      }
      try {
        await u.checkForUpdates();
      } catch (err) {
        status = { state: 'failed', reason: (err as Error).message.slice(0, 200) };
      }
      return status;
    },
    async install() {
      if (status.state !== 'ready' || !updater) return;
      deps.log.info('installing update on request', { version: status.version });
      updater.quitAndInstall(false, true);
    },
  };
}
