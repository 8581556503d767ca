import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindowConstructorOptions } from 'electron';
import { BRIDGE_CONTRACT, BRIDGE_METHODS } from '#shared/bridge/contract';
import { startApp, type AppWindow, type ElectronApis } from './lifecycle';
import type { BridgeInvokeEvent } from './ipc';
import { memoryLogger } from './log';
import type { AppRequest } from './protocol';

let userData: string;
beforeEach(async () => {
  userData = await mkdtemp(join(tmpdir(), 'yishi-userdata-'));
});
afterEach(async () => {
  await rm(userData, { recursive: true, force: true });
});

type Listener = (...args: unknown[]) => void;

function fakeElectron(opts: { packaged?: boolean; singleInstance?: boolean; displays?: number } = {}) {
  const order: string[] = [];
  const appListeners = new Map<string, Listener>();
  const windows: (AppWindow & {
    options: BrowserWindowConstructorOptions;
    urls: string[];
    fire(e: string): void;
  })[] = [];
  const ipcHandlers = new Map<string, (event: BridgeInvokeEvent, ...args: unknown[]) => Promise<unknown>>();
  const protocolHandlers = new Map<string, (request: AppRequest) => Promise<Response>>();
  const permissionHandlers: string[] = [];
  let resolveReady: () => void = () => undefined;
  const readyPromise = new Promise<void>((resolve) => (resolveReady = resolve));

  class FakeWindow {
    options: BrowserWindowConstructorOptions;
    urls: string[] = [];
    listeners = new Map<string, Listener>();
    destroyed = false;
    shown = 0;
    webContents = {
      reloads: 0,
      print: () => undefined,
      printToPDF: async () => new Uint8Array(),
      reload: () => (this.webContents.reloads += 1),
      isDestroyed: () => this.destroyed,
    };
    constructor(options: BrowserWindowConstructorOptions) {
      this.options = options;
      windows.push(this as unknown as (typeof windows)[number]);
    }
    loadURL(url: string) {
      this.urls.push(url);
      return Promise.resolve();
    }
    once(event: string, listener: Listener) {
      this.listeners.set(event, listener);
    }
    on(event: string, listener: Listener) {
      this.listeners.set(event, listener);
    }
    fire(event: string) {
      if (event === 'closed') this.destroyed = true;
      this.listeners.get(event)?.();
    }
    show() {
      this.shown += 1;
    }
    focus() {}
    isDestroyed() {
      return this.destroyed;
    }
    isMinimized() {
      return false;
    }
    restore() {}
    static fromWebContents() {
      return null;
    }
  }

  const electron = {
    app: {
      isPackaged: opts.packaged ?? false,
      requestSingleInstanceLock: () => opts.singleInstance ?? true,
      whenReady: () => {
        order.push('whenReady');
        return readyPromise;
      },
      quit: () => order.push('quit'),
      getVersion: () => '0.1.0',
      getAppPath: () => '/opt/yishi',
      getPath: (name: string) => (name === 'userData' ? userData : '/home/worker/Documents'),
      on: (event: string, listener: Listener) => appListeners.set(event, listener),
    },
    BrowserWindow: FakeWindow,
    protocol: {
      registerSchemesAsPrivileged: () => order.push('registerScheme'),
      handle: (scheme: string, handler: (request: AppRequest) => Promise<Response>) =>
        protocolHandlers.set(scheme, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => permissionHandlers.push('request'),
        setPermissionCheckHandler: () => permissionHandlers.push('check'),
        setDevicePermissionHandler: () => permissionHandlers.push('device'),
      },
    },
    ipcMain: { handle: (channel: string, listener: never) => ipcHandlers.set(channel, listener) },
    dialog: {},
    shell: { openExternal: async () => undefined },
    safeStorage: { isEncryptionAvailable: () => false },
    displays: () => ({
      all: Array.from({ length: opts.displays ?? 1 }, (_, i) => ({
        id: i + 1,
        bounds: { x: i * 1920, y: 0, width: 1920, height: 1080 },
      })),
      primaryId: 1,
    }),
  } as unknown as ElectronApis;

  return {
    electron,
    order,
    appListeners,
    windows,
    ipcHandlers,
    protocolHandlers,
    permissionHandlers,
    resolveReady,
  };
}

const appFrame = { url: 'app://yishi/', parent: null };

async function started(opts: Parameters<typeof fakeElectron>[0] = {}, devUrl?: string) {
  const fake = fakeElectron(opts);
  const log = memoryLogger();
  const controller = startApp(fake.electron, { devUrl, platform: 'linux', log });
  fake.resolveReady();
  await controller.ready;
  return { ...fake, controller, log };
}

describe('app lifecycle', () => {
  it('registers the app scheme before waiting for ready', () => {
    const fake = fakeElectron();
    startApp(fake.electron, { devUrl: undefined, platform: 'linux', log: memoryLogger() });
    expect(fake.order).toEqual(['registerScheme', 'whenReady']);
    expect(fake.windows).toHaveLength(0);
  });

  it('on ready: permissions, protocol, every bridge channel, then the main window', async () => {
    const { permissionHandlers, protocolHandlers, ipcHandlers, windows } = await started();
    expect(permissionHandlers).toEqual(['request', 'check', 'device']);
    expect([...protocolHandlers.keys()]).toEqual(['app']);
    expect([...ipcHandlers.keys()].sort()).toEqual(
      BRIDGE_METHODS.map((m) => BRIDGE_CONTRACT[m].channel).sort(),
    );
    expect(windows).toHaveLength(1);
    const [main] = windows;
    expect(main?.urls).toEqual(['app://yishi/']);
    expect(main?.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      preload: join('/opt/yishi', 'dist', 'electron', 'preload.cjs'),
    });
    expect(main?.options.show).toBe(false);
    main?.fire('ready-to-show');
    expect((main as unknown as { shown: number }).shown).toBe(1);
  });

  it('guards every web contents that is created', async () => {
    const { appListeners } = await started();
    const listeners = new Map<string, Listener>();
    let openHandler: ((d: { url: string }) => unknown) | undefined;
    appListeners.get('web-contents-created')?.(
      {},
      {
        on: (event: string, l: Listener) => listeners.set(event, l),
        setWindowOpenHandler: (h: (d: { url: string }) => unknown) => (openHandler = h),
      },
    );
    expect([...listeners.keys()].sort()).toEqual(['will-attach-webview', 'will-navigate', 'will-redirect']);
    let prevented = false;
    listeners.get('will-navigate')?.({
      url: 'https://evil.example/',
      preventDefault: () => (prevented = true),
    });
    expect(prevented).toBe(true);
    expect(openHandler?.({ url: 'https://x.example/' })).toEqual({ action: 'deny' });
  });

  it('serves app:// with a CSP naming the hub from the settings file', async () => {
    await writeFile(join(userData, 'settings.json'), JSON.stringify({ hubOrigin: 'http://10.1.2.3:8787' }));
    const { protocolHandlers } = await started();
    const response = await protocolHandlers.get('app')?.({ url: 'app://yishi/', method: 'GET' });
    expect(response?.headers.get('content-security-policy')).toContain(
      "connect-src 'self' http://10.1.2.3:8787;",
    );
  });

  it('answers bridge calls from the app and refuses foreign senders', async () => {
    const { ipcHandlers } = await started();
    const invoke = (channel: string, frame: unknown, ...args: unknown[]) =>
      ipcHandlers.get(channel)?.({ senderFrame: frame, sender: {} } as BridgeInvokeEvent, ...args);
    expect(await invoke('app:version', appFrame)).toBe('0.1.0');
    expect(await invoke('secrets:set', appFrame, 'hub.token', 't')).toEqual({ status: 'unavailable' });
    await expect(invoke('app:version', { url: 'https://evil.example/', parent: null })).rejects.toThrow(
      /refused/,
    );
  });

  it('saves the hub origin, serves it in the CSP of the next response and reloads the caller', async () => {
    const { ipcHandlers, protocolHandlers, windows } = await started();
    const page = windows[0]?.webContents as unknown as BridgeInvokeEvent['sender'] & { reloads: number };
    const invoke = (channel: string, ...args: unknown[]) =>
      ipcHandlers.get(channel)?.({ senderFrame: appFrame, sender: page }, ...args);
    const connectSrc = async () =>
      (await protocolHandlers.get('app')?.({ url: 'app://yishi/', method: 'GET' }))?.headers
        .get('content-security-policy')
        ?.match(/connect-src [^;]*/)?.[0];
    const stored = async () =>
      (JSON.parse(await readFile(join(userData, 'settings.json'), 'utf8')) as { hubOrigin: unknown })
        .hubOrigin;
    const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

    expect(await invoke('hub:getOrigin')).toBeNull();
    expect(await connectSrc()).toBe("connect-src 'self'");

    // The page cannot reach the hub yet: the main process sends its enrollment, and only an
    // origin where that succeeded gets into the CSP.
    expect(await invoke('hub:setOrigin', 'HTTP://192.168.10.5:8787')).toEqual({
      status: 'notEnrolled',
      origin: null,
    });
    const asked: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      asked.push(String(url));
      return new Response(JSON.stringify({ deviceId: 'dev_1', token: 't', hubId: 'hub-1', scope: 'xg' }));
    });
    const enrolled = (await invoke('hub:enroll', {
      url: 'http://192.168.10.5:8787/v1/devices/enroll',
      code: 'ABCD-1234',
      deviceName: '议事厅电脑',
    })) as { status: string; httpStatus: number };
    vi.unstubAllGlobals();
    expect(enrolled).toMatchObject({ status: 'answered', httpStatus: 200 });
    expect(asked).toEqual(['http://192.168.10.5:8787/v1/devices/enroll']);
    expect(await invoke('hub:setOrigin', 'HTTP://192.168.10.5:8787')).toEqual({
      status: 'saved',
      origin: 'http://192.168.10.5:8787',
    });
    expect(page.reloads).toBe(0); // the result goes back first
    await tick();
    expect(page.reloads).toBe(1);
    expect(await connectSrc()).toBe("connect-src 'self' http://192.168.10.5:8787");
    expect(await invoke('hub:getOrigin')).toBe('http://192.168.10.5:8787');
    expect(await stored()).toBe('http://192.168.10.5:8787');

    const restarted = await started();
    const response = await restarted.protocolHandlers.get('app')?.({ url: 'app://yishi/', method: 'GET' });
    expect(response?.headers.get('content-security-policy')).toContain(
      "connect-src 'self' http://192.168.10.5:8787;",
    );

    expect(await invoke('hub:setOrigin', null)).toEqual({ status: 'saved', origin: null });
    await tick();
    expect(page.reloads).toBe(2);
    expect(await connectSrc()).toBe("connect-src 'self'");
    expect(await invoke('hub:getOrigin')).toBeNull();
    expect(await stored()).toBeNull();
  });

  it('refuses bad hub origins and foreign senders without changing the CSP or reloading', async () => {
    await writeFile(join(userData, 'settings.json'), JSON.stringify({ hubOrigin: 'http://10.1.2.3:8787' }));
    const { ipcHandlers, protocolHandlers, windows } = await started();
    const page = windows[0]?.webContents as unknown as BridgeInvokeEvent['sender'] & { reloads: number };
    const invoke = (frame: unknown, ...args: unknown[]) =>
      ipcHandlers.get('hub:setOrigin')?.({ senderFrame: frame, sender: page } as BridgeInvokeEvent, ...args);
    for (const bad of [
      'https://hub.example/v1',
      'https://hub.example/',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'https://user:pw@hub.example',
      'https://hub.example?x=1',
      'https://hub.example; script-src *',
      `https://${'a.'.repeat(100)}b`,
      42,
    ]) {
      await expect(invoke(appFrame, bad), String(bad)).rejects.toThrow(/invalid arguments/);
    }
    for (const frame of [
      { url: 'https://evil.example/', parent: null },
      { url: 'app://yishi/', parent: { url: 'app://yishi/' } },
      null,
    ]) {
      await expect(invoke(frame, 'https://evil.example')).rejects.toThrow(/refused/);
      await expect(
        ipcHandlers.get('hub:getOrigin')?.({ senderFrame: frame, sender: page } as BridgeInvokeEvent),
      ).rejects.toThrow(/refused/);
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(page.reloads).toBe(0);
    const response = await protocolHandlers.get('app')?.({ url: 'app://yishi/', method: 'GET' });
    expect(response?.headers.get('content-security-policy')).toContain(
      "connect-src 'self' http://10.1.2.3:8787;",
    );
    expect(JSON.parse(await readFile(join(userData, 'settings.json'), 'utf8'))).toEqual({
      hubOrigin: 'http://10.1.2.3:8787',
    });
  });

  it('opens one projector window with the same security and reuses it', async () => {
    const { ipcHandlers, windows } = await started({ displays: 2 });
    const invoke = (route: string) =>
      ipcHandlers.get('window:openProjector')?.(
        { senderFrame: appFrame, sender: {} } as BridgeInvokeEvent,
        route,
      );
    await invoke('/projector/meeting/m1');
    await invoke('/projector/meeting/m2');
    expect(windows).toHaveLength(2);
    const projector = windows[1];
    expect(projector?.options.webPreferences).toEqual(windows[0]?.options.webPreferences);
    expect(projector?.options).toMatchObject({ fullscreen: true, x: 1920 });
    expect(projector?.urls).toEqual([
      'app://yishi/#/projector/meeting/m1',
      'app://yishi/#/projector/meeting/m2',
    ]);
    projector?.fire('closed');
    await invoke('/projector/meeting/m3');
    expect(windows).toHaveLength(3);
  });

  it('loads the Vite dev server in dev mode and trusts it for the bridge', async () => {
    const { windows, ipcHandlers } = await started({}, 'http://127.0.0.1:5173/');
    expect(windows[0]?.urls).toEqual(['http://127.0.0.1:5173/']);
    const frame = { url: 'http://127.0.0.1:5173/', parent: null };
    expect(
      await ipcHandlers.get('app:version')?.({ senderFrame: frame, sender: {} } as BridgeInvokeEvent),
    ).toBe('0.1.0');
    expect(windows[0]?.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true });
  });

  it('ignores YISHI_DEV_URL in a packaged app or when it is not loopback', async () => {
    const packaged = await started({ packaged: true }, 'http://127.0.0.1:5173/');
    expect(packaged.windows[0]?.urls).toEqual(['app://yishi/']);
    const remote = await started({}, 'http://evil.example:5173/');
    expect(remote.windows[0]?.urls).toEqual(['app://yishi/']);
    expect(remote.log.entries[0]?.message).toMatch(/YISHI_DEV_URL ignored/);
  });

  it('quits when another instance already runs', () => {
    const fake = fakeElectron({ singleInstance: false });
    startApp(fake.electron, { devUrl: undefined, platform: 'linux', log: memoryLogger() });
    expect(fake.order).toEqual(['registerScheme', 'quit']);
    expect(fake.appListeners.size).toBe(0);
  });

  it('quits when every window is closed', async () => {
    const { appListeners, order } = await started();
    appListeners.get('window-all-closed')?.();
    expect(order.at(-1)).toBe('quit');
  });
});
