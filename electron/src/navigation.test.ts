import { describe, expect, it } from 'vitest';
import {
  denyPermissions,
  guardNavigation,
  type NavigableContents,
  type PermissionSession,
} from './navigation';
import { memoryLogger } from './log';
import { APP_ORIGIN } from './origin';

type Listener = (event: { url?: string; preventDefault(): void }) => void;

function fakeContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
  const contents = {
    on(event: string, listener: Listener) {
      listeners.set(event, listener);
      return contents;
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }) {
      openHandler = handler;
    },
  } as NavigableContents;
  const fire = (name: string, url?: string) => {
    let prevented = false;
    const listener = listeners.get(name);
    if (!listener) throw new Error(`no listener for ${name}`);
    listener({ ...(url === undefined ? {} : { url }), preventDefault: () => (prevented = true) });
    return prevented;
  };
  const open = (url: string) => {
    if (!openHandler) throw new Error('no window open handler');
    return openHandler({ url });
  };
  return { contents, fire, open };
}

function setup(trustedOrigins: readonly string[] = [APP_ORIGIN]) {
  const opened: string[] = [];
  const log = memoryLogger();
  const fake = fakeContents();
  guardNavigation(fake.contents, {
    trustedOrigins,
    openExternal: async (url) => {
      opened.push(url);
    },
    log,
  });
  return { ...fake, opened, log };
}

describe('navigation guard', () => {
  it('allows navigation within app://yishi', () => {
    const { fire } = setup();
    expect(fire('will-navigate', 'app://yishi/')).toBe(false);
    expect(fire('will-navigate', 'app://yishi/meetings/m1')).toBe(false);
  });

  it.each([
    'https://example.com/',
    'http://127.0.0.1:5173/',
    'app://other/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>1</script>',
    'not a url',
  ])('denies navigation to %s', (url) => {
    const { fire, log, opened } = setup();
    expect(fire('will-navigate', url)).toBe(true);
    expect(fire('will-redirect', url)).toBe(true);
    expect(log.entries.map((e) => e.message)).toEqual(['navigation refused', 'redirect refused']);
    expect(opened).toEqual([]);
  });

  it('allows the dev server only when it is trusted', () => {
    expect(
      setup(['app://yishi', 'http://127.0.0.1:5173']).fire('will-navigate', 'http://127.0.0.1:5173/x'),
    ).toBe(false);
    expect(setup().fire('will-navigate', 'http://127.0.0.1:5173/x')).toBe(true);
  });

  it('prevents <webview> from being attached', () => {
    const { fire, log } = setup();
    expect(fire('will-attach-webview')).toBe(true);
    expect(log.entries[0]?.message).toBe('<webview> refused');
  });
});

describe('new windows', () => {
  it('denies every new window and opens http/https links in the system browser', async () => {
    const { open, opened } = setup();
    expect(open('https://www.beijing.gov.cn/')).toEqual({ action: 'deny' });
    expect(open('http://12345.beijing.gov.cn/a?b=c')).toEqual({ action: 'deny' });
    await Promise.resolve();
    expect(opened).toEqual(['https://www.beijing.gov.cn/', 'http://12345.beijing.gov.cn/a?b=c']);
  });

  it.each([
    'app://yishi/projector',
    'file:///C:/Windows/system32/calc.exe',
    'smb://server/share',
    'javascript:alert(1)',
    'mailto:a@example.com',
    'ms-settings:',
    'about:blank',
  ])('ignores %s', (url) => {
    const { open, opened, log } = setup();
    expect(open(url)).toEqual({ action: 'deny' });
    expect(opened).toEqual([]);
    expect(log.entries[0]?.message).toBe('new window refused');
  });

  it('logs when the system browser cannot be opened', async () => {
    const log = memoryLogger();
    const fake = fakeContents();
    guardNavigation(fake.contents, {
      trustedOrigins: [APP_ORIGIN],
      openExternal: () => Promise.reject(new Error('no browser')),
      log,
    });
    expect(fake.open('https://example.com')).toEqual({ action: 'deny' });
    await new Promise((r) => setTimeout(r, 0));
    expect(log.entries[0]?.message).toBe('opening in the system browser failed');
  });
});

describe('permissions', () => {
  function fakeSession() {
    const handlers: {
      request?: Parameters<PermissionSession['setPermissionRequestHandler']>[0];
      check?: Parameters<PermissionSession['setPermissionCheckHandler']>[0];
      device?: () => boolean;
    } = {};
    const session: PermissionSession = {
      setPermissionRequestHandler: (h) => (handlers.request = h),
      setPermissionCheckHandler: (h) => (handlers.check = h),
      setDevicePermissionHandler: (h) => (handlers.device = h),
    };
    const log = memoryLogger();
    denyPermissions(session, [APP_ORIGIN], log);
    const request = (permission: string, requestingUrl: string, isMainFrame = true) => {
      let answer: boolean | undefined;
      handlers.request?.({}, permission, (granted) => (answer = granted), { requestingUrl, isMainFrame });
      return answer;
    };
    const check = (permission: string, origin: string, isMainFrame = true) =>
      handlers.check?.({}, permission, origin, { isMainFrame });
    return { request, check, device: () => handlers.device?.(), log };
  }

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid', 'fullscreen'])(
    'refuses %s even to the app itself',
    (permission) => {
      const s = fakeSession();
      expect(s.request(permission, 'app://yishi/')).toBe(false);
      expect(s.check(permission, 'app://yishi')).toBe(false);
      expect(s.log.entries[0]?.message).toBe('permission request refused');
    },
  );

  it('keeps persistent storage for the app main frame only', () => {
    const s = fakeSession();
    expect(s.request('persistent-storage', 'app://yishi/')).toBe(true);
    expect(s.check('persistent-storage', 'app://yishi')).toBe(true);
    expect(s.request('persistent-storage', 'app://yishi/', false)).toBe(false);
    expect(s.request('persistent-storage', 'https://evil.example/')).toBe(false);
    expect(s.check('persistent-storage', 'https://evil.example')).toBe(false);
  });

  it('refuses device access', () => {
    expect(fakeSession().device()).toBe(false);
  });
});
