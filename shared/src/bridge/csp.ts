// The one Content-Security-Policy of the app, wherever it is served: Electron's app:// protocol,
// the hub serving the browser build, and the <meta> of the built index.html. Only connect-src
// differs: the hub(s) the page may talk to.

export interface CspOptions {
  /** Sources for connect-src besides the page's own origin ('self' is always included). */
  connect: readonly string[];
  /** A <meta> policy cannot carry frame-ancestors (browsers ignore it there and warn). */
  meta?: boolean;
}

export function contentSecurityPolicy(options: CspOptions): string {
  const directives = [
    `default-src 'self'`,
    `script-src 'self'`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self' data:`,
    `connect-src ${["'self'", ...options.connect].join(' ')}`,
    // The spreadsheet reader runs in a worker; browser mode's offline start is a service worker.
    `worker-src 'self' blob:`,
    `manifest-src 'self'`,
    `object-src 'none'`,
    `base-uri 'none'`,
    ...(options.meta ? [] : [`frame-ancestors 'none'`]),
    `form-action 'none'`,
  ];
  return directives.join('; ');
}
