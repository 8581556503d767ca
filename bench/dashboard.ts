// The reports' dashboard (computeDashboard) over a street of ≥ 100,000 documents, for the street
// and for one community, in this process (the same pure function the renderer runs).

import type { DemoData } from '#resources/demo/index';
import { computeDashboard, lastTwelveMonths } from '#shared/domain/reports/index';
import { countDocs } from './data';
import { summarize } from './stats';
import type { Summary } from './stats';

export interface DashboardResult {
  documents: number;
  streetMs: Summary;
  communityMs: Summary;
}

export function benchDashboard(data: DemoData, now: string, runs: number): DashboardResult {
  const period = lastTwelveMonths(now);
  const street: number[] = [];
  const community: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    let t = performance.now();
    computeDashboard(data, { scope: 'xg', ...period, now });
    street.push(performance.now() - t);
    t = performance.now();
    computeDashboard(data, { scope: 'xg.gyj', ...period, now });
    community.push(performance.now() - t);
  }
  return { documents: countDocs(data), streetMs: summarize(street), communityMs: summarize(community) };
}
