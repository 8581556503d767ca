// `npm test`: the whole suite — unit, integration (real hub processes, PGlite and PostgreSQL) and
// end-to-end (Chromium) — one project after the other, so that the heavy projects do not starve
// each other on a small machine. Ends with one plain line "N passed, N failed" over all of them.
// With arguments (`npm test -- some/file.test.ts`) it is a plain `vitest run` with those arguments.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const vitest = join('node_modules', 'vitest', 'vitest.mjs');
const args = process.argv.slice(2);

if (args.length > 0) {
  const run = spawnSync(process.execPath, [vitest, 'run', ...args], { stdio: 'inherit' });
  process.exit(run.status ?? 1);
}

const projects = ['unit', 'integration', 'e2e'];
const artifacts = join('tests', 'artifacts');
mkdirSync(artifacts, { recursive: true });
let passed = 0;
let failed = 0;
let skipped = 0;

for (const project of projects) {
  const out = join(artifacts, `results-${project}.json`);
  rmSync(out, { force: true });
  console.log(`\n=== ${project} ===`);
  const run = spawnSync(
    process.execPath,
    [
      vitest,
      'run',
      '--project',
      project,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${out}`,
    ],
    { stdio: 'inherit' },
  );
  if (!existsSync(out)) {
    console.log(`${project}: vitest ended (status ${run.status}) without results`);
    failed += 1;
    continue;
  }
  const r = JSON.parse(readFileSync(out, 'utf8'));
  // A suite that failed outside any test (a hook, an import) counts as a failure too.
  const suiteFailures = r.numFailedTests === 0 && r.numFailedTestSuites > 0 ? r.numFailedTestSuites : 0;
  passed += r.numPassedTests;
  failed += r.numFailedTests + suiteFailures;
  skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  if (run.status !== 0 && r.numFailedTests + suiteFailures === 0) failed += 1;
}

console.log(`${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ''));
process.exit(failed > 0 ? 1 : 0);
