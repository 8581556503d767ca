import { contentSecurityPolicy } from '#shared/bridge/csp';

// The Content-Security-Policy sent with every app:// response. connect-src names the configured
// hub and nothing else, so even injected script cannot send data anywhere but the street office.
export function buildCsp(hubOrigin: string | null): string {
  return contentSecurityPolicy({ connect: hubOrigin ? [hubOrigin] : [] });
}
