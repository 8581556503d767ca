import { describe, expect, it } from 'vitest';
import { isHttpUrl, originOf, parseDevOrigin, rendererUrl, trustedOrigins } from './origin';

describe('origins', () => {
  it.each([
    ['app://yishi/index.html#/x', 'app://yishi'],
    ['app://yishi', 'app://yishi'],
    ['app://other/', 'app://other'],
    ['https://hub.example:8443/v1', 'https://hub.example:8443'],
    ['http://127.0.0.1:5173/', 'http://127.0.0.1:5173'],
    ['file:///etc/passwd', null],
    ['about:blank', null],
    ['javascript:alert(1)', null],
    ['', null],
  ])('originOf(%s) = %s', (url, origin) => {
    expect(originOf(url)).toBe(origin);
  });

  it('recognises http(s) links only', () => {
    expect(isHttpUrl('https://a.example')).toBe(true);
    expect(isHttpUrl('HTTP://a.example')).toBe(true);
    expect(isHttpUrl('file:///x')).toBe(false);
    expect(isHttpUrl('smb://x/y')).toBe(false);
  });

  it('accepts only a loopback http dev server', () => {
    expect(parseDevOrigin('http://127.0.0.1:5173/')).toBe('http://127.0.0.1:5173');
    expect(parseDevOrigin('http://localhost:5173')).toBe('http://localhost:5173');
    expect(parseDevOrigin('http://[::1]:5173')).toBe('http://[::1]:5173');
    expect(parseDevOrigin('http://192.168.1.2:5173')).toBeNull();
    expect(parseDevOrigin('https://127.0.0.1:5173')).toBeNull();
    expect(parseDevOrigin('http://127.0.0.1.evil.example')).toBeNull();
    expect(parseDevOrigin(undefined)).toBeNull();
  });

  it('trusts the dev server only when given', () => {
    expect(trustedOrigins(null)).toEqual(['app://yishi']);
    expect(trustedOrigins('http://127.0.0.1:5173')).toEqual(['app://yishi', 'http://127.0.0.1:5173']);
  });

  it('builds hash routes on the renderer origin', () => {
    expect(rendererUrl('/', null)).toBe('app://yishi/');
    expect(rendererUrl('/projector/meeting/m1', null)).toBe('app://yishi/#/projector/meeting/m1');
    expect(rendererUrl('/projector', 'http://127.0.0.1:5173')).toBe('http://127.0.0.1:5173/#/projector');
  });
});
