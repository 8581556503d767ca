import type { YishiBridge } from '#shared/bridge/contract';
import { createBrowserPlatform } from './browser-platform';
import { migrateBrowserSecrets } from './browser-secrets';
import { createElectronPlatform } from './electron-platform';
import { keyRingStore } from './key-ring';
import { createDeviceLock } from './passphrase';
import type { Platform } from './platform';

export type { Platform, FileFilter, OpenedFile } from './platform';
export {
  appUpdateState,
  applyAppUpdate,
  setAppUpdate,
  subscribeAppUpdate,
  type AppUpdateState,
} from './app-update';
export { startServiceWorker } from './service-worker';
export { KeychainUnavailableError } from './electron-platform';
export { MIN_PASSPHRASE_LENGTH, type Unlocked } from './passphrase';
export { WrongPassphraseError, type RingKeys } from './key-ring';

declare global {
  interface Window {
    yishi?: YishiBridge;
  }
}

/** The passphrase lock of this profile (browser mode, and Electron without an OS keychain). */
export const deviceLock = createDeviceLock({
  rings: keyRingStore(indexedDB),
  session: sessionStorage,
  local: localStorage,
  migrateSecrets: (passphrase, keys) => migrateBrowserSecrets(localStorage, passphrase, keys.secrets),
});

const secretsKey = () => deviceLock.current()?.secrets ?? null;

/** The one place that decides between Electron and browser mode. */
export const platform: Platform = window.yishi
  ? createElectronPlatform(window.yishi, localStorage, secretsKey)
  : createBrowserPlatform(secretsKey);
