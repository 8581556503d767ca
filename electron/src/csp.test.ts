import { describe, expect, it } from 'vitest';
import { buildCsp } from './csp';

const directives = (csp: string) =>
  Object.fromEntries(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1).join(' ')]));

describe('buildCsp', () => {
  it('is the strict policy with the hub in connect-src', () => {
    expect(buildCsp('https://hub.xg.example')).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self' https://hub.xg.example; worker-src 'self' blob:; " +
        "manifest-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    );
  });

  it('allows only the app itself when no hub is configured', () => {
    const d = directives(buildCsp(null));
    expect(d['connect-src']).toBe("'self'");
    expect(d['script-src']).toBe("'self'");
    expect(Object.values(d).join(' ')).not.toContain('unsafe-eval');
  });
});
