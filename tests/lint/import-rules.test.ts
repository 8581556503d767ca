import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';

// The import rules of ARCHITECTURE.md beyond folders: each forbidden import, placed in a scratch
// file where it is forbidden, must fail lint (and so `npm run check`); the allowed twin must pass.
const eslint = new ESLint({ cwd: process.cwd() });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

const importing = (line: string) => `${line}\nexport const used = [x];\n`;

describe('features reach each other and the sync client only through their index.ts', () => {
  const FEATURE = 'renderer/src/features/topics/scratch.ts';

  it.each([
    ["import { x } from '../meetings/use-meeting';", 'another feature’s file'],
    ["import { x } from '../../features/meetings/prepare/PrepareView';", 'another feature’s sub-folder'],
    ["import { x } from '../../sync/photos';", 'a file of the sync client'],
  ])('refuses %s (%s)', async (line) => {
    expect(await problems(FEATURE, importing(line))).toEqual([expect.stringContaining('yishi/imports')]);
  });

  it.each([
    "import { x } from '../meetings';",
    "import { x } from '../meetings/index';",
    "import { x } from '../../sync';",
    "import { x } from './topic-actions';",
  ])('allows %s', async (line) => {
    expect(await problems(FEATURE, importing(line))).toEqual([]);
  });

  it('holds for the app as well', async () => {
    expect(
      await problems(
        'renderer/src/app/scratch.ts',
        importing("import { x } from '../features/meetings/use-meeting';"),
      ),
    ).not.toEqual([]);
    expect(
      await problems('renderer/src/app/scratch.ts', importing("import { x } from '../sync/client';")),
    ).not.toEqual([]);
  });
});

describe('renderer layers: kit → db/sync/platform → features → app', () => {
  it.each([
    ['renderer/src/db/scratch.ts', "import { x } from '../features/demands';", 'db imports a feature'],
    ['renderer/src/db/scratch.ts', "import { x } from '../app/DatabaseContext';", 'db imports app'],
    ['renderer/src/sync/scratch.ts', "import { x } from '../features/sync';", 'sync imports a feature'],
    ['renderer/src/platform/scratch.ts', "import { x } from '../app/router';", 'platform imports app'],
    ['renderer/src/kit/scratch.ts', "import { x } from '../db/create-database';", 'kit imports db'],
    ['renderer/src/kit/scratch.ts', "import { x } from '../features/demands';", 'kit imports a feature'],
    [
      'renderer/src/features/demands/scratch.ts',
      "import { x } from '../../app/Shell';",
      'a feature imports app',
    ],
    [
      'renderer/src/features/demands/scratch.ts',
      "import { x } from '../../app/theme';",
      'a feature imports app',
    ],
  ])('refuses %s: %s (%s)', async (file, line) => {
    expect(await problems(file, importing(line))).toEqual([expect.stringContaining('yishi/imports')]);
  });

  it.each([
    ['renderer/src/features/demands/scratch.ts', "import { x } from '../../db/create-database';"],
    ['renderer/src/features/demands/scratch.ts', "import { x } from '../../kit/beijing-time';"],
    ['renderer/src/db/scratch.ts', "import { x } from '../sync/conflict-handler';"],
    ['renderer/src/app/scratch.ts', "import { x } from '../features/demands';"],
  ])('allows %s: %s', async (file, line) => {
    expect(await problems(file, importing(line))).toEqual([]);
  });
});

describe('hub folders', () => {
  it('keeps hub/src/testing out of shipped code, tests may use it', async () => {
    const line = "import { x } from '../testing/fixtures';";
    expect(await problems('hub/src/http/scratch.ts', importing(line))).not.toEqual([]);
    expect(await problems('hub/src/http/scratch.test.ts', importing(line))).toEqual([]);
    expect(
      await problems(
        'tests/integration/scratch.ts',
        importing("import { x } from '../../hub/src/testing/process';"),
      ),
    ).toEqual([]);
  });

  it('lets sync call the store but not the store call sync', async () => {
    expect(
      await problems('hub/src/store/scratch.ts', importing("import { x } from '../sync/rules';")),
    ).not.toEqual([]);
    expect(
      await problems('hub/src/sync/scratch.ts', importing("import { x } from '../store/store';")),
    ).toEqual([]);
  });
});

describe('no import cycles', () => {
  // Cycles are found by reading the files an import leads to, so the scratch modules are real files.
  const root = join('tests', 'artifacts', 'lint-cycles');
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  async function lintPair(name: string, a: string, b: string): Promise<string[]> {
    const dir = join(root, name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'a.ts'), a);
    writeFileSync(join(dir, 'b.ts'), b);
    const linter = new ESLint({ cwd: process.cwd(), ignore: false });
    const [result] = await linter.lintFiles([join(dir, 'a.ts')]);
    return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => `${m.ruleId}`);
  }

  it('refuses two modules that import each other', async () => {
    const found = await lintPair(
      'runtime',
      "import { b } from './b';\nexport const a = () => b;\n",
      "import { a } from './a';\nexport const b = () => a;\n",
    );
    expect(found).toContain('import-x/no-cycle');
  });

  it('allows a cycle of type-only imports, which vanish at run time', async () => {
    const found = await lintPair(
      'types',
      "import type { B } from './b';\nexport type A = { b?: B };\n",
      "import type { A } from './a';\nexport type B = { a?: A };\n",
    );
    expect(found).toEqual([]);
  });
});
