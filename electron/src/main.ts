// Entry of the main process (bundled to dist/electron/main.cjs). Everything happens in
// lifecycle.ts; this file only hands it the real Electron modules.
import { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, screen, session, shell } from 'electron';
import { startApp } from './lifecycle';
import { consoleLogger } from './log';

startApp(
  {
    app,
    BrowserWindow,
    protocol,
    session,
    ipcMain,
    dialog,
    shell,
    safeStorage,
    displays: () => ({
      all: screen.getAllDisplays(),
      primaryId: screen.getPrimaryDisplay().id,
    }),
  },
  {
    devUrl: process.env.YISHI_DEV_URL,
    platform: process.platform,
    log: consoleLogger(),
    updater: async () => (await import('electron-updater')).autoUpdater,
  },
);
