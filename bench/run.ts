// Runs the benchmarks in order and collects their results; a benchmark that fails is recorded
// with its error and the others still run.

import { benchNow, countDocs, initialSyncSelection, street } from './data';
import type { BenchConfig } from './config';
import { benchDashboard } from './dashboard';
import type { DashboardResult } from './dashboard';
import { benchHubThroughput } from './hub-throughput';
import type { ThroughputResult } from './hub-throughput';
import { benchLedger } from './ledger';
import type { LedgerResult } from './ledger';
import { CHROMIUM } from './browser';
import { CITY_FULL, benchCity } from './city';
import type { CityConfig, CityResult } from './city';
import { machineInfo } from './machine';
import type { MachineInfo } from './machine';
import { benchPropagation } from './propagation';
import type { PropagationResult } from './propagation';
import { benchInitialSync } from './sync-initial';
import type { InitialSyncResult } from './sync-initial';
import type { Item } from './data';

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: string };

export const BENCHMARK_NAMES = ['sync', 'propagation', 'throughput', 'ledger', 'dashboard', 'city'] as const;
export type BenchmarkName = (typeof BENCHMARK_NAMES)[number];
/** Run only when named with --only: the city needs PostgreSQL, minutes and gigabytes. */
const OPT_IN: readonly BenchmarkName[] = ['city'];

export interface BenchResults {
  machine: MachineInfo;
  config: BenchConfig;
  durationSeconds: number;
  postgres: { url: string | null; note: string };
  /** Sections that come from later runs of just those benchmarks, oldest first. */
  reruns?: Array<{
    names: readonly string[];
    date: string;
    seconds: number;
    /** 1-minute load average at the start and the end of the run. */
    load?: { start: number; end: number };
  }>;
  initialSync?: Outcome<InitialSyncResult>;
  propagation?: Outcome<PropagationResult>;
  throughput?: Array<Outcome<ThroughputResult>>;
  ledger?: Outcome<LedgerResult>;
  dashboard?: Outcome<DashboardResult>;
  city?: Outcome<CityResult>;
}

export interface RunOptions {
  config: BenchConfig;
  only?: readonly BenchmarkName[];
  /** Admin URL of a PostgreSQL server where throw-away databases may be created, or null. */
  postgresUrl: string | null;
  postgresNote: string;
  postgresVersion: string | null;
  log?: (line: string) => void;
  /** Sizes of the city-scale benchmark (default: the full city). */
  city?: CityConfig;
}

async function attempt<T>(
  name: string,
  log: (l: string) => void,
  run: () => Promise<T> | T,
): Promise<Outcome<T>> {
  const started = performance.now();
  log(`${name}…`);
  try {
    const value = await run();
    log(`${name} done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    return { ok: true, value };
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    log(`${name} FAILED: ${message}`);
    return { ok: false, error: message.split('\n').slice(0, 3).join(' ') };
  }
}

export async function runBenchmarks(options: RunOptions): Promise<BenchResults> {
  const log = options.log ?? (() => undefined);
  const { config } = options;
  const wanted = (name: BenchmarkName) =>
    options.only ? options.only.includes(name) : !OPT_IN.includes(name);
  const started = performance.now();
  const now = benchNow();
  const small = street(1, now);
  let big = config.volumeScale === 1 ? small : undefined;
  const volume = () => (big ??= street(config.volumeScale, now));
  const pg = options.postgresUrl ?? undefined;
  const results: BenchResults = {
    machine: machineInfo(CHROMIUM, options.postgresVersion),
    config,
    durationSeconds: 0,
    postgres: { url: options.postgresUrl, note: options.postgresNote },
  };

  if (wanted('sync'))
    results.initialSync = await attempt('initial sync', log, () => {
      const source = countDocs(small) >= config.syncDocuments ? small : volume();
      return benchInitialSync({
        docs: initialSyncSelection(source, config.syncDocuments),
        runs: config.syncRuns,
        warmup: false,
        pageSize: config.pageSize,
        ...(pg ? { postgresAdminUrl: pg } : {}),
        log,
      });
    });
  if (wanted('propagation'))
    results.propagation = await attempt('propagation', log, () =>
      benchPropagation({
        street: small,
        others: config.others,
        runs: config.propagationRuns,
        changesPerRun: config.changesPerRun,
        gapMs: config.gapMs,
        log,
      }),
    );
  if (wanted('throughput')) {
    results.throughput = [
      await attempt('hub throughput on PGlite', log, () =>
        benchHubThroughput({
          street: small,
          documentsPerRun: config.throughputDocuments,
          runs: config.throughputRuns,
          log,
        }),
      ),
    ];
    if (pg)
      results.throughput.push(
        await attempt('hub throughput on PostgreSQL', log, () =>
          benchHubThroughput({
            street: small,
            documentsPerRun: config.throughputDocuments,
            runs: config.throughputRuns,
            postgresAdminUrl: pg,
            log,
          }),
        ),
      );
  }
  if (wanted('ledger'))
    results.ledger = await attempt('ledger, local write and memory', log, () => {
      const demands: Item[] = volume()
        .demands.slice(0, config.ledgerDemands)
        .map((doc) => ({ collection: 'demands', doc: { ...doc } }));
      return benchLedger({ docs: demands, runs: config.ledgerRuns, scrollMs: config.scrollMs, log });
    });
  if (wanted('dashboard'))
    results.dashboard = await attempt('dashboard', log, () =>
      benchDashboard(volume(), now, config.dashboardRuns),
    );
  if (wanted('city'))
    results.city = await attempt('city scale', log, () => {
      if (!pg) throw new Error('the city-scale benchmark needs PostgreSQL (YISHI_TEST_PG_URL)');
      return benchCity({ street: small, config: options.city ?? CITY_FULL, postgresAdminUrl: pg, log });
    });
  results.durationSeconds = (performance.now() - started) / 1000;
  return results;
}
