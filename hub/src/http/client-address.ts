// The address a request comes from, for rate limits and logs. Behind a reverse proxy every
// request arrives from the proxy, so one resident's typos would block the whole street; the
// proxy's X-Forwarded-For is believed only when the connection comes from an address the
// operator named with --trust-proxy (anyone else could write any address into the header).

import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/** Compares IPv4-mapped IPv6 addresses (::ffff:10.0.0.1) as the IPv4 address they are. */
export function normalizeAddress(address: string): string {
  const trimmed = address.trim().toLowerCase();
  return trimmed.startsWith('::ffff:') && isIP(trimmed.slice(7)) === 4 ? trimmed.slice(7) : trimmed;
}

/**
 * The socket's address, or — when that is a trusted proxy — the right-most address of
 * X-Forwarded-For that is not itself a trusted proxy (the left part is the client's own claim).
 */
export function clientAddress(req: IncomingMessage, trusted: ReadonlySet<string>): string {
  const socketAddress = normalizeAddress(req.socket.remoteAddress ?? 'unknown');
  if (!trusted.has(socketAddress)) return socketAddress;
  const header = req.headers['x-forwarded-for'];
  const hops = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').slice(-32);
  for (let i = hops.length - 1; i >= 0; i -= 1) {
    const hop = normalizeAddress(hops[i] ?? '');
    if (isIP(hop) === 0) return socketAddress;
    if (!trusted.has(hop)) return hop;
  }
  return socketAddress;
}

/** Parses `--trust-proxy a,b`: every entry must be an IP address. */
export function parseTrustedProxies(value: string): { addresses: string[] } | { error: string } {
  const addresses = value
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '');
  const bad = addresses.find((a) => isIP(a) === 0);
  if (bad !== undefined || addresses.length === 0)
    return { error: `--trust-proxy 必须是逗号分隔的 IP 地址${bad ? `（${bad} 不是）` : ''}` };
  return { addresses: addresses.map(normalizeAddress) };
}
