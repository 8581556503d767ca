import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';

// The e2e global setup has just built the renderer as shipped: it must not contain RxDB's
// dev-mode (schema checks, console noise and an outside tracking iframe) or React's dev build.
describe('the production renderer build', () => {
  it('ships neither RxDB dev-mode nor development React, and carries a strict CSP', async () => {
    const dir = inject('rendererDir');
    const assets = join(dir, 'assets');
    const files = (await readdir(assets)).filter((f) => f.endsWith('.js'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const code = await readFile(join(assets, file), 'utf8');
      expect(code, file).not.toContain('RxDB dev-mode warning');
      expect(code, file).not.toContain('react-dom.development');
    }
    const html = await readFile(join(dir, 'index.html'), 'utf8');
    expect(html).toContain("script-src 'self'");
    expect(html).not.toContain('unsafe-eval');
  });

  it('is served in browser mode with the policy as a header too, which also forbids framing', async () => {
    const response = await fetch(inject('baseUrl'));
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
  });
});
