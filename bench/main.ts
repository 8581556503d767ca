// `npm run bench` (through scripts/bench.mjs): runs every benchmark and writes BENCHMARKS.md, or
// with --quick a short run whose report goes to the temp folder. --only=sync,ledger picks some;
// --only=city (the hub at city scale, bench/city.ts) runs only when named.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { CITY_FULL, CITY_QUICK } from './city';
import { FULL, QUICK } from './config';
import { renderReport } from './report';
import { BENCHMARK_NAMES, runBenchmarks } from './run';
import type { BenchResults, BenchmarkName } from './run';

const RESULT_KEYS = ['initialSync', 'propagation', 'throughput', 'ledger', 'dashboard', 'city'];

const ROOT = resolve(import.meta.dirname, '..');
const LOCAL_PG = 'postgresql://root@/yishi_bench?host=/var/run/postgresql';

async function postgres(): Promise<{ url: string | null; note: string; version: string | null }> {
  const candidates = [process.env['YISHI_TEST_PG_URL'], LOCAL_PG].filter((u): u is string => Boolean(u));
  let lastError = '';
  for (const url of candidates) {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      const { rows } = await client.query<{ v: string }>('select version() as v');
      return {
        url,
        note: url === LOCAL_PG ? 'local cluster, database yishi_bench' : 'YISHI_TEST_PG_URL',
        version: rows[0]?.v.split(' on ')[0] ?? null,
      };
    } catch (error) {
      lastError = (error as Error).message;
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  return {
    url: null,
    note: `no PostgreSQL reachable (${lastError || 'YISHI_TEST_PG_URL unset'})`,
    version: null,
  };
}

const args = process.argv.slice(2);
// --render: BENCHMARKS.md again from the recorded results (after a change to the report's wording).
if (args.includes('--render')) {
  const recorded = JSON.parse(readFileSync(join(ROOT, 'bench', 'results.json'), 'utf8')) as BenchResults;
  writeFileSync(join(ROOT, 'BENCHMARKS.md'), renderReport(recorded));
  console.log('BENCHMARKS.md rendered from bench/results.json');
  process.exit(0);
}
const quick = args.includes('--quick');
const onlyArg = args.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const only = onlyArg
  ?.split(',')
  .filter((n): n is BenchmarkName => (BENCHMARK_NAMES as readonly string[]).includes(n));
const db = await postgres();
console.log(`PostgreSQL: ${db.url ? db.note : db.note}`);
// The machine may be shared: how busy it was says how far the figures can be trusted.
const loadAtStart = loadavg()[0] ?? 0;
const results = await runBenchmarks({
  config: quick ? QUICK : FULL,
  ...(only && only.length > 0 ? { only } : {}),
  postgresUrl: db.url,
  postgresNote: db.note,
  postgresVersion: db.version,
  city: quick ? CITY_QUICK : CITY_FULL,
  log: (line) => console.log(line),
});
const previousJson = join(ROOT, 'bench', 'results.json');
// A full-size run of some benchmarks updates their sections of the reference report, keeping the others.
const merging = !quick && only !== undefined && only.length > 0 && existsSync(previousJson);
if (merging) {
  const previous = JSON.parse(readFileSync(previousJson, 'utf8')) as BenchResults;
  const merged = {
    ...previous,
    ...Object.fromEntries(Object.entries(results).filter(([k]) => RESULT_KEYS.includes(k))),
  };
  // Each section is credited to the last run that measured it.
  const earlier = (previous.reruns ?? [])
    .map((r) => ({ ...r, names: r.names.filter((n) => !only.includes(n as BenchmarkName)) }))
    .filter((r) => r.names.length > 0);
  const load = { start: loadAtStart, end: loadavg()[0] ?? 0 };
  merged.reruns = [
    ...earlier,
    { names: only, date: results.machine.date, seconds: results.durationSeconds, load },
  ];
  Object.assign(results, merged);
}
const report = renderReport(results);
const target =
  quick || (only && !merging)
    ? join(tmpdir(), `yishi-bench-${quick ? 'quick' : 'partial'}.md`)
    : join(ROOT, 'BENCHMARKS.md');
writeFileSync(target, report);
// The raw results beside it, for comparing runs (bench/results.json for the reference run).
const json = target.endsWith('BENCHMARKS.md')
  ? join(ROOT, 'bench', 'results.json')
  : target.replace(/\.md$/, '.json');
writeFileSync(json, JSON.stringify(results, null, 2));
console.log(`\nreport written to ${target}`);
const failures = [
  results.initialSync,
  results.propagation,
  results.ledger,
  results.dashboard,
  results.city,
  ...(results.throughput ?? []),
].filter((o) => o && !o.ok).length;
process.exit(failures > 0 ? 1 : 0);
