// Sizes of a full run (the figures in BENCHMARKS.md) and of `--quick` (a short check that
// everything still runs; its figures are not the reference).

export interface BenchConfig {
  quick: boolean;
  /** Demo street scale for the ledger and dashboard volume (600 demands per unit). */
  volumeScale: number;
  syncDocuments: number;
  syncRuns: number;
  pageSize: number;
  others: number;
  propagationRuns: number;
  changesPerRun: number;
  gapMs: number;
  throughputDocuments: number;
  throughputRuns: number;
  ledgerDemands: number;
  ledgerRuns: number;
  scrollMs: number;
  dashboardRuns: number;
}

export const FULL: BenchConfig = {
  quick: false,
  volumeScale: 84,
  syncDocuments: 20_000,
  syncRuns: 5,
  pageSize: 1000,
  others: 100,
  propagationRuns: 5,
  changesPerRun: 20,
  gapMs: 150,
  throughputDocuments: 10_000,
  throughputRuns: 5,
  ledgerDemands: 50_000,
  ledgerRuns: 5,
  scrollMs: 3000,
  dashboardRuns: 5,
};

export const QUICK: BenchConfig = {
  quick: true,
  volumeScale: 2,
  syncDocuments: 2000,
  syncRuns: 2,
  pageSize: 1000,
  others: 10,
  propagationRuns: 2,
  changesPerRun: 5,
  gapMs: 100,
  throughputDocuments: 2000,
  throughputRuns: 2,
  ledgerDemands: 1000,
  ledgerRuns: 2,
  scrollMs: 1000,
  dashboardRuns: 2,
};
