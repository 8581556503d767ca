// A tiny run of the benchmark code (bench/), so that `npm run bench` keeps working: real hub
// processes, the benchmark page in Chromium, pouchdb-server, device processes and the report.
// No timed assertions: speed is judged by `npm run bench`, not by tests.

import { describe, expect, it } from 'vitest';
import { QUICK } from '../../bench/config';
import { renderReport } from '../../bench/report';
import { runBenchmarks } from '../../bench/run';
import { quantile, summarize } from '../../bench/stats';

describe('benchmark code', () => {
  it('summarises runs as median, min–max and quartiles', () => {
    const s = summarize([5, 1, 3, Number.NaN, 2, 4]);
    expect(s).toEqual({ runs: 5, median: 3, min: 1, max: 5, q1: 2, q3: 4 });
    expect(quantile([10, 20], 0.95)).toBeCloseTo(19.5);
  });

  it('runs a tiny initial sync, propagation, hub throughput and dashboard and reports them', async () => {
    const pg = process.env['YISHI_TEST_PG_URL'] ?? null;
    const results = await runBenchmarks({
      config: {
        ...QUICK,
        volumeScale: 1,
        syncDocuments: 300,
        syncRuns: 1,
        others: 2,
        propagationRuns: 1,
        changesPerRun: 2,
        throughputDocuments: 200,
        throughputRuns: 1,
        dashboardRuns: 1,
      },
      only: ['sync', 'propagation', 'throughput', 'dashboard'],
      postgresUrl: pg,
      postgresNote: pg ? 'YISHI_TEST_PG_URL' : 'not configured',
      postgresVersion: null,
    });
    const sync = results.initialSync;
    if (!sync?.ok) throw new Error(`initial sync: ${sync?.ok === false ? sync.error : 'missing'}`);
    expect(sync.value.documents).toBe(300);
    for (const variant of Object.values(sync.value.variants)) expect(variant.runs[0]?.docs).toBe(300);
    const propagation = results.propagation;
    if (!propagation?.ok)
      throw new Error(`propagation: ${propagation?.ok === false ? propagation.error : 'missing'}`);
    expect(propagation.value.changes).toBe(2);
    // Every change reached both streaming bystanders.
    expect(propagation.value.crowdChanges).toBeGreaterThanOrEqual(4);
    expect(results.throughput?.every((o) => o.ok)).toBe(true);
    expect(results.throughput).toHaveLength(pg ? 2 : 1);
    const dashboard = results.dashboard;
    if (!dashboard?.ok) throw new Error('dashboard failed');
    expect(dashboard.value.documents).toBeGreaterThan(10_000);

    const report = renderReport(results);
    expect(report).toContain('## 1. Initial sync hub → browser');
    expect(report).toContain('≥ 70 %');
    expect(report).toContain('## 2. Propagation');
    expect(report).toMatch(/PGlite: pushed documents\/s \| [\d,.]+ \|/);
    expect(report).toContain('_Ledger: not run in this invocation._');
  }, 600_000);
});
