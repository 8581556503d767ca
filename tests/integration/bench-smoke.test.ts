// A tiny run of the benchmark code (bench/), so that `npm run bench` keeps working: real hub
// processes, the benchmark page in Chromium, pouchdb-server, device processes and the report.
// No timed assertions: speed is judged by `npm run bench`, not by tests.

import { describe, expect, it } from 'vitest';
import { CITY_QUICK } from '../../bench/city';
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
    // The city is opt-in: a run that does not name it says nothing about it.
    expect(report).not.toContain('City scale');
  }, 600_000);

  it.skipIf(!process.env['YISHI_TEST_PG_URL'])(
    'runs a tiny city: two streets, two hub processes behind one address, streams, and reports it',
    async () => {
      const pg = process.env['YISHI_TEST_PG_URL']!;
      const results = await runBenchmarks({
        config: QUICK,
        only: ['city'],
        city: { ...CITY_QUICK, streets: 2, devices: 8, changesPerRun: 3, pushDocuments: 500 },
        postgresUrl: pg,
        postgresNote: 'YISHI_TEST_PG_URL',
        postgresVersion: null,
      });
      const city = results.city;
      if (!city?.ok) throw new Error(`city: ${city?.ok === false ? city.error : 'missing'}`);
      const v = city.value;
      expect(v.documents).toBe(2 * v.perStreet);
      expect(v.firstSync.documents).toBe(v.perStreet);
      expect(v.streams).toBe(6);
      expect(v.propagation.changes).toBe(3);
      // The crowd device of s01.gyj heard A's changes, and the proxy used both hub processes.
      expect(v.crowdChanges).toBeGreaterThanOrEqual(3);
      expect(v.connections.every((c) => c > 0)).toBe(true);
      // Newest first and oldest first, for the measured street (s02) and one of its communities.
      expect(v.plans.map((p) => `${p.scope} ${p.collection}`)).toEqual(
        ['s02 people', 's02 demands', 's02.gyj people', 's02.gyj demands'].flatMap((a) => [a, a]),
      );
      const report = renderReport(results);
      expect(report).toContain('## City scale');
      expect(report).toMatch(/hub memory per open stream .* \| [\d,.]+ \|/);
    },
    600_000,
  );
});
