import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './csp';

const directives = (csp: string) =>
  Object.fromEntries(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));

describe('contentSecurityPolicy', () => {
  it('allows scripts, workers and connections from the page itself and the named hubs only', () => {
    const d = directives(contentSecurityPolicy({ connect: ['https://hub.xg.example'] }));
    expect(d['script-src']).toBe("'self'");
    expect(d['connect-src']).toBe("'self' https://hub.xg.example");
    expect(d['worker-src']).toBe("'self' blob:");
    expect(d['object-src']).toBe("'none'");
    expect(d['frame-ancestors']).toBe("'none'");
    expect(Object.values(d).join(' ')).not.toMatch(/unsafe-eval|\*/);
  });

  it('leaves frame-ancestors out of a <meta> policy, where browsers ignore it', () => {
    const d = directives(contentSecurityPolicy({ connect: [], meta: true }));
    expect(d['connect-src']).toBe("'self'");
    expect(d).not.toHaveProperty('frame-ancestors');
  });
});
