import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddress, parseTrustedProxies } from './client-address';

const req = (remoteAddress: string, xff?: string) =>
  ({
    socket: { remoteAddress },
    headers: xff === undefined ? {} : { 'x-forwarded-for': xff },
  }) as unknown as IncomingMessage;

describe('client address', () => {
  const trusted = new Set(['10.0.0.1', '10.0.0.2']);

  it('ignores X-Forwarded-For from an address that is not a trusted proxy', () => {
    expect(clientAddress(req('203.0.113.9', '1.2.3.4'), trusted)).toBe('203.0.113.9');
    expect(clientAddress(req('::ffff:203.0.113.9', '1.2.3.4'), new Set())).toBe('203.0.113.9');
  });

  it('takes the right-most untrusted hop behind trusted proxies, never the client-written left part', () => {
    expect(clientAddress(req('::ffff:10.0.0.1', '6.6.6.6, 198.51.100.7'), trusted)).toBe('198.51.100.7');
    expect(clientAddress(req('10.0.0.1', '198.51.100.7, 10.0.0.2'), trusted)).toBe('198.51.100.7');
  });

  it('falls back to the proxy address when the header is missing or garbled', () => {
    expect(clientAddress(req('10.0.0.1'), trusted)).toBe('10.0.0.1');
    expect(clientAddress(req('10.0.0.1', 'not-an-ip'), trusted)).toBe('10.0.0.1');
  });

  it('parses --trust-proxy lists and refuses anything but IP addresses', () => {
    expect(parseTrustedProxies('10.0.0.1, ::1')).toEqual({ addresses: ['10.0.0.1', '::1'] });
    expect(parseTrustedProxies('proxy.local')).toHaveProperty('error');
    expect(parseTrustedProxies('')).toHaveProperty('error');
  });
});
