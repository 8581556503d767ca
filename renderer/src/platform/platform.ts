// The renderer's only view of the operating system. In Electron it is backed by the narrow
// `window.yishi` bridge; in a plain browser the same calls fall back to downloads, file inputs,
// `window.print` and a passphrase-protected secret store.

import type { UpdateStatus } from '#shared/bridge/contract';

export interface OpenedFile {
  name: string;
  data: Uint8Array;
}

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface Platform {
  readonly kind: 'electron' | 'browser';
  /**
   * In browser mode the database key is a passphrase the person types; Electron keeps a key in the
   * OS keychain, and falls back to a passphrase where the OS has none (Linux without a keyring).
   */
  readonly usesPassphrase: boolean;
  appVersion(): Promise<string>;
  openFile(filters: FileFilter[]): Promise<OpenedFile | null>;
  saveFile(suggestedName: string, data: Uint8Array, filters: FileFilter[]): Promise<boolean>;
  print(): Promise<void>;
  printToPdf(suggestedName: string): Promise<boolean>;
  openProjector(route: string): void;
  /**
   * Lets the page talk to this hub origin. Electron's CSP names the one configured hub, so a new
   * origin is saved and the page reloads ('reloading'); browser mode is ready at once.
   */
  allowHub(origin: string): Promise<'ready' | 'reloading' | 'notAHub'>;
  getSecret(name: string): Promise<string | null>;
  setSecret(name: string, value: string): Promise<void>;
  deleteSecret(name: string): Promise<void>;
  /** The desktop app asks its hub for a newer version; browser mode updates through its service worker. */
  checkForUpdate(): Promise<UpdateStatus>;
  /** Restarts into the downloaded version. */
  installUpdate(): Promise<void>;
}
