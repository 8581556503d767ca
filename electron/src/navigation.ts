import { isHttpUrl, originOf } from './origin';
import type { Logger } from './log';

// Pages of the app never leave the app: navigation elsewhere is refused, new windows are refused
// (http/https links go to the system browser instead), <webview> cannot be attached, and the
// browser permissions (camera, geolocation, notifications, …) are refused.

interface PreventableEvent {
  preventDefault(): void;
}

interface NavigationEvent extends PreventableEvent {
  readonly url: string;
}

/** The part of Electron's WebContents this module uses. */
export interface NavigableContents {
  on(event: 'will-navigate', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-redirect', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface NavigationGuardOptions {
  /** Origins the window may navigate within (app://yishi, and the dev server in dev mode). */
  readonly trustedOrigins: readonly string[];
  /** shell.openExternal */
  readonly openExternal: (url: string) => Promise<void>;
  readonly log: Logger;
}

export function guardNavigation(contents: NavigableContents, options: NavigationGuardOptions): void {
  const { trustedOrigins, openExternal, log } = options;
  const isTrusted = (url: string) => {
    const origin = originOf(url);
    return origin !== null && trustedOrigins.includes(origin);
  };
  const denyForeign = (kind: string) => (event: NavigationEvent) => {
    if (isTrusted(event.url)) return;
    event.preventDefault();
    log.warn(`${kind} refused`, { url: event.url });
  };

  contents.on('will-navigate', denyForeign('navigation'));
  contents.on('will-redirect', denyForeign('redirect'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('<webview> refused');
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isHttpUrl(url)) {
      openExternal(url).catch((error: unknown) =>
        log.warn('opening in the system browser failed', { url, error }),
      );
    } else {
      log.warn('new window refused', { url });
    }
    return { action: 'deny' };
  });
}

/** The part of Electron's Session this module uses. */
export interface PermissionSession {
  setPermissionRequestHandler(
    handler: (
      contents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details: { readonly requestingUrl?: string; readonly isMainFrame: boolean },
    ) => void,
  ): void;
  setPermissionCheckHandler(
    handler: (
      contents: unknown,
      permission: string,
      requestingOrigin: string,
      details: { readonly isMainFrame: boolean },
    ) => boolean,
  ): void;
  setDevicePermissionHandler(handler: () => boolean): void;
}

/**
 * The one permission the app's own pages keep: persistent storage, so the browser never evicts
 * the local database (which may hold writes not yet synced to the hub). Everything else — and
 * everything for any other origin or a subframe — is refused.
 */
export const GRANTED_PERMISSIONS: readonly string[] = ['persistent-storage'];

export function denyPermissions(
  session: PermissionSession,
  trustedOrigins: readonly string[],
  log: Logger,
): void {
  const allowed = (permission: string, origin: string | null, isMainFrame: boolean) =>
    isMainFrame &&
    origin !== null &&
    trustedOrigins.includes(origin) &&
    GRANTED_PERMISSIONS.includes(permission);

  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const granted = allowed(permission, originOf(details.requestingUrl ?? ''), details.isMainFrame);
    if (!granted) log.warn('permission request refused', { permission, url: details.requestingUrl });
    callback(granted);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    allowed(permission, originOf(requestingOrigin), details.isMainFrame),
  );
  session.setDevicePermissionHandler(() => false);
}
