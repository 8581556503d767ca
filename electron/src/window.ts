import type { BrowserWindowConstructorOptions, Rectangle, WebPreferences } from 'electron';

// Every window of the app — the main window and the projector — gets the same locked-down web
// preferences; RxDB's Electron example turns these off, this app never does.

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
  };
}

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: '议事 Yishi',
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 640,
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(preloadPath),
  };
}

export interface DisplayInfo {
  readonly id: number;
  readonly bounds: Rectangle;
}

/**
 * The projector window goes full screen on the second display (the hall's projector) when
 * there is one, otherwise it opens as a normal window beside the main one.
 */
export function projectorWindowOptions(
  preloadPath: string,
  displays: readonly DisplayInfo[],
  primaryDisplayId: number,
): BrowserWindowConstructorOptions {
  const external = displays.find((d) => d.id !== primaryDisplayId);
  const placement: BrowserWindowConstructorOptions = external
    ? { ...external.bounds, fullscreen: true }
    : { width: 1280, height: 720 };
  return {
    title: '议事 Yishi — 投屏',
    ...placement,
    show: false,
    backgroundColor: '#000000',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(preloadPath),
  };
}
