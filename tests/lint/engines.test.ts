import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

// The README tells people which Node to install: there `npm install` must print no engine
// warning. npm warns when a package's `engines.node` excludes the running Node, and the lockfile
// records every package's range, so the promise is checked here without installing anything.
// semver ships without types; the one function used is typed here.
const semver = createRequire(import.meta.url)('semver') as {
  satisfies(version: string, range: string): boolean;
};

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
  packages: Record<string, { engines?: { node?: string } | string[] }>;
};

function excluding(version: string): string[] {
  const out: string[] = [];
  for (const [path, info] of Object.entries(lock.packages)) {
    const range = !path || Array.isArray(info.engines) ? undefined : info.engines?.node;
    if (range && !semver.satisfies(version, range)) out.push(path.replace(/^.*node_modules\//, ''));
  }
  return out.sort();
}

describe('Node versions the README names', () => {
  it('recommends a Node on which no package declares an engine warning', () => {
    const readme = readFileSync('README.md', 'utf8');
    const recommended = /Node\.js (\d+\.\d+)\+ or 24/.exec(readme)?.[1];
    expect(recommended).toBe('22.13');
    expect(excluding(`${recommended}.0`)).toEqual([]);
    expect(excluding('24.0.0')).toEqual([]);
  });

  it('on the minimum, 20.19, warns only about Electron 45 itself, as the README says', () => {
    expect(excluding('20.19.0')).toEqual(['@electron-internal/extract-zip', '@electron/get', 'electron']);
  });
});
