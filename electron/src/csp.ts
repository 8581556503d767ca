// The Content-Security-Policy sent with every app:// response. connect-src names the configured
// hub and nothing else, so even injected script cannot send data anywhere but the street office.
export function buildCsp(hubOrigin: string | null): string {
  const connect = hubOrigin ? `'self' ${hubOrigin}` : `'self'`;
  return [
    `default-src 'self'`,
    `script-src 'self'`,
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self' data:`,
    `connect-src ${connect}`,
    `object-src 'none'`,
    `base-uri 'none'`,
    `frame-ancestors 'none'`,
    `form-action 'none'`,
  ].join('; ');
}
