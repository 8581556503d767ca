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
   * Sends an enrollment to a hub, with fetch's shape. Electron's page cannot reach a hub its CSP
   * does not name yet, so the main process sends it; browser mode fetches.
   */
  enrollFetch(url: string, init?: RequestInit): Promise<Response>;
  /**
   * Lets the page talk to the hub it has just enrolled at. Electron's CSP names the one
   * configured hub, and takes only an origin where enrollFetch enrolled the device: the origin is
   * saved and the page reloads ('reloading'). Browser mode is ready at once.
   */
  allowHub(origin: string): Promise<'ready' | 'reloading' | 'notEnrolled'>;
  getSecret(name: string): Promise<string | null>;
  setSecret(name: string, value: string): Promise<void>;
  deleteSecret(name: string): Promise<void>;
  /** The desktop app asks its hub for a newer version; browser mode updates through its service worker. */
  checkForUpdate(): Promise<UpdateStatus>;
  /** Restarts into the downloaded version. */
  installUpdate(): Promise<void>;
}
