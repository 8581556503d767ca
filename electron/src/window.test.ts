import { describe, expect, it } from 'vitest';
import { mainWindowOptions, projectorWindowOptions, secureWebPreferences } from './window';

const preload = '/opt/yishi/dist/electron/preload.cjs';

const security = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webviewTag: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  spellcheck: false,
};

describe('secure web preferences', () => {
  it('locks every setting down and names the preload', () => {
    expect(secureWebPreferences(preload)).toMatchObject({ ...security, preload });
  });

  it('never sets options that weaken isolation', () => {
    const prefs = secureWebPreferences(preload) as Record<string, unknown>;
    for (const key of ['enableBlinkFeatures', 'additionalArguments', 'partition', 'devTools']) {
      expect(prefs[key], key).toBeUndefined();
    }
  });
});

describe('main window', () => {
  it('uses the secure preferences and stays hidden until ready', () => {
    const options = mainWindowOptions(preload);
    expect(options.webPreferences).toMatchObject({ ...security, preload });
    expect(options.show).toBe(false);
    expect(options.title).toBe('议事 Yishi');
  });
});

describe('projector window', () => {
  const primary = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } };
  const projector = { id: 2, bounds: { x: 1920, y: 0, width: 1280, height: 720 } };

  it('has the same security as the main window', () => {
    expect(projectorWindowOptions(preload, [primary], 1).webPreferences).toEqual(
      mainWindowOptions(preload).webPreferences,
    );
  });

  it('goes full screen on the second display', () => {
    expect(projectorWindowOptions(preload, [primary, projector], 1)).toMatchObject({
      ...projector.bounds,
      fullscreen: true,
    });
  });

  it('opens as a window when there is one display only', () => {
    const options = projectorWindowOptions(preload, [primary], 1);
    expect(options.fullscreen).toBeUndefined();
    expect(options.width).toBe(1280);
  });
});
