import type { YishiBridge } from '#shared/bridge/contract';
import { createBrowserPlatform } from './browser-platform';
import { createElectronPlatform } from './electron-platform';
import { currentPassphrase } from './passphrase';
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
export {
  currentPassphrase,
  rememberPassphrase,
  forgetPassphrase,
  passphraseWasSet,
  clearPassphraseMark,
  MIN_PASSPHRASE_LENGTH,
} from './passphrase';

declare global {
  interface Window {
    yishi?: YishiBridge;
  }
}

/** The one place that decides between Electron and browser mode. */
export const platform: Platform = window.yishi
  ? createElectronPlatform(window.yishi, localStorage, currentPassphrase)
  : createBrowserPlatform();
