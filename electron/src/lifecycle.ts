import { join } from 'node:path';
import type { BaseWindow, BrowserWindowConstructorOptions, Dialog } from 'electron';
import { buildCsp } from './csp';
import { registerBridgeHandlers, type IpcRegistrar } from './ipc';
import type { Logger } from './log';
import {
  denyPermissions,
  guardNavigation,
  type NavigableContents,
  type PermissionSession,
} from './navigation';
import { APP_SCHEME, parseDevOrigin, rendererUrl, trustedOrigins } from './origin';
import {
  createAppProtocolHandler,
  registerAppScheme,
  type AppRequest,
  type SchemeRegistrar,
} from './protocol';
import { createBridgeServices } from './services/bridge-services';
import { electronDialogs } from './services/dialogs';
import { createFileService } from './services/files';
import { createHubOriginStore } from './services/hub-origin';
import { createPrintService } from './services/print';
import { createSecretStore, SECRETS_FILE, type SafeStorageApi } from './services/secrets';
import type { SenderContents } from './services/types';
import { createUpdateService, type UpdaterLike } from './services/updater';
import { readSettings } from './settings';
import { mainWindowOptions, projectorWindowOptions, type DisplayInfo } from './window';

// The main process in one place: what happens before ready, on ready, and when windows come and
// go. Every Electron API arrives as a parameter, so tests run all of it with fakes.

export interface AppWindow {
  readonly webContents: SenderContents;
  loadURL(url: string): Promise<void>;
  once(event: 'ready-to-show', listener: () => void): unknown;
  on(event: 'closed', listener: () => void): unknown;
  show(): void;
  focus(): void;
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
}

export interface ElectronApis {
  readonly app: {
    readonly isPackaged: boolean;
    requestSingleInstanceLock(): boolean;
    whenReady(): Promise<unknown>;
    quit(): void;
    getVersion(): string;
    getAppPath(): string;
    getPath(name: 'userData' | 'documents'): string;
    on(
      event: 'web-contents-created',
      listener: (event: unknown, contents: NavigableContents) => void,
    ): unknown;
    on(event: 'second-instance' | 'window-all-closed', listener: () => void): unknown;
  };
  readonly BrowserWindow: {
    new (options: BrowserWindowConstructorOptions): AppWindow;
    fromWebContents(contents: SenderContents): (BaseWindow & AppWindow) | null;
  };
  readonly protocol: SchemeRegistrar & {
    handle(scheme: string, handler: (request: AppRequest) => Promise<Response>): void;
  };
  readonly session: { readonly defaultSession: PermissionSession };
  readonly ipcMain: IpcRegistrar;
  readonly dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>;
  readonly shell: { openExternal(url: string): Promise<void> };
  readonly safeStorage: SafeStorageApi;
  /** Read lazily: Electron's screen module is only usable after ready. */
  readonly displays: () => { readonly all: readonly DisplayInfo[]; readonly primaryId: number };
}

export interface StartOptions {
  /** YISHI_DEV_URL from scripts/dev.mjs; ignored in a packaged app. */
  readonly devUrl: string | undefined;
  readonly platform: string;
  readonly log: Logger;
  /** electron-updater's autoUpdater, loaded on first use; only a packaged app updates itself. */
  readonly updater?: () => Promise<UpdaterLike>;
}

export interface AppController {
  /** Resolves once the protocol, IPC and the main window are set up (never when not the first instance). */
  readonly ready: Promise<void>;
  openProjector(route: string): void;
}

export function startApp(electron: ElectronApis, options: StartOptions): AppController {
  const { app, BrowserWindow, log } = { ...electron, log: options.log };
  const devOrigin = app.isPackaged ? null : parseDevOrigin(options.devUrl);
  if (options.devUrl && !devOrigin)
    log.warn('YISHI_DEV_URL ignored: not a loopback http URL or app is packaged');
  const trusted = trustedOrigins(devOrigin);
  const appPath = app.getAppPath();
  const preloadPath = join(appPath, 'dist', 'electron', 'preload.cjs');

  let mainWindow: AppWindow | null = null;
  let projector: AppWindow | null = null;

  const open = (window: AppWindow, route: string) => {
    window.once('ready-to-show', () => window.show());
    window
      .loadURL(rendererUrl(route, devOrigin))
      .catch((error: unknown) => log.warn('page failed to load', { error }));
    return window;
  };
  const focus = (window: AppWindow) => {
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  };
  const createMainWindow = () => {
    const window = open(new BrowserWindow(mainWindowOptions(preloadPath)), '/');
    window.on('closed', () => (mainWindow = null));
    mainWindow = window;
  };
  const openProjector = (route: string) => {
    if (projector && !projector.isDestroyed()) {
      projector
        .loadURL(rendererUrl(route, devOrigin))
        .catch((error: unknown) => log.warn('projector failed', { error }));
      focus(projector);
      return;
    }
    const { all, primaryId } = electron.displays();
    const window = open(new BrowserWindow(projectorWindowOptions(preloadPath, all, primaryId)), route);
    window.on('closed', () => (projector = null));
    projector = window;
  };

  // Chromium reads privileged schemes at start-up, before ready.
  registerAppScheme(electron.protocol);

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return { ready: new Promise<void>(() => undefined), openProjector };
  }

  // Every web contents, whoever creates it, gets the navigation guard.
  app.on('web-contents-created', (_event, contents) =>
    guardNavigation(contents, {
      trustedOrigins: trusted,
      openExternal: (url) => electron.shell.openExternal(url),
      log,
    }),
  );
  app.on('second-instance', () => {
    if (mainWindow && !mainWindow.isDestroyed()) focus(mainWindow);
  });
  app.on('window-all-closed', () => app.quit());

  const ready = app.whenReady().then(async () => {
    denyPermissions(electron.session.defaultSession, trusted, log);
    const userData = app.getPath('userData');
    const settings = await readSettings(userData, log);
    const hubOrigin = createHubOriginStore({ userDataDir: userData, initial: settings.hubOrigin, log });
    electron.protocol.handle(
      APP_SCHEME,
      createAppProtocolHandler({
        root: join(appPath, 'dist', 'renderer'),
        csp: () => buildCsp(hubOrigin.current()),
        log,
      }),
    );
    const files = createFileService({
      dialogs: electronDialogs(electron.dialog),
      documentsDir: app.getPath('documents'),
    });
    const services = createBridgeServices({
      files,
      printing: createPrintService(files),
      secrets: createSecretStore({
        safeStorage: electron.safeStorage,
        filePath: join(userData, SECRETS_FILE),
        platform: options.platform,
      }),
      hubOrigin,
      appVersion: () => app.getVersion(),
      openProjector,
      updates: createUpdateService({
        updater: async () => (app.isPackaged && options.updater ? options.updater() : null),
        hubOrigin: () => hubOrigin.current(),
        log,
      }),
    });
    registerBridgeHandlers({
      ipcMain: electron.ipcMain,
      services,
      trustedOrigins: trusted,
      windowOf: (sender) => BrowserWindow.fromWebContents(sender),
      log,
    });
    if (devOrigin) log.info('dev mode: renderer from the Vite dev server, CSP left to it', { devOrigin });
    createMainWindow();
  });

  return { ready, openProjector };
}
