// Benchmark 2: a demand written on device A reaches device B's database through the hub (push,
// fan-out over the event stream, pull) while N other devices hold event streams of the same
// community open. A and B are Node processes running the app's database code and sync client
// (bench/ab-latency.ts); the N others are raw SSE readers with real device tokens in a process of
// their own.

import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';
import { liesUnder } from '#shared/domain/places/index';
import type { DemoData } from '#resources/demo/index';
import { measureAB } from './ab-latency';
import { streetWithDemands } from './data';
import { startBenchHub } from './hub';
import { rssMiB } from './machine';
import { quantile, summarize } from './stats';
import type { Summary } from './stats';

export interface PropagationOptions {
  street: DemoData;
  others: number;
  runs: number;
  changesPerRun: number;
  gapMs: number;
  postgresAdminUrl?: string;
  log?: (line: string) => void;
}

export interface PropagationResult {
  others: number;
  changes: number;
  database: 'pglite' | 'postgres';
  /** Per-run percentiles, summarised over the runs. */
  p50: Summary;
  p95: Summary;
  /** All samples pooled. */
  pooled: { p50: number; p95: number; max: number };
  crowdChanges: number;
  hubRssMiB: number;
}

const SCOPE = 'xg.gyj';

export async function benchPropagation(options: PropagationOptions): Promise<PropagationResult> {
  const log = options.log ?? (() => undefined);
  const data = options.street;
  const template = data.demands.find((d) => liesUnder(d.scope, SCOPE) && d.hotlineOrderNo === undefined);
  if (!template) throw new Error('no demand of xg.gyj in the street');
  const hub = await startBenchHub({
    docs: streetWithDemands(data, data.demands.length),
    ...(options.postgresAdminUrl ? { postgresAdminUrl: options.postgresAdminUrl } : {}),
  });
  const crowd = spawn(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, 'crowd-main.ts')], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const crowdLines = createInterface({ input: crowd.stdout });
  const nextCrowdLine = () => new Promise<string>((r) => crowdLines.once('line', r));
  try {
    const tokens: string[] = [];
    for (let i = 0; i < options.others; i += 1) tokens.push((await hub.enroll(SCOPE, 'viewer')).token);
    const opened = nextCrowdLine();
    crowd.stdin.write(JSON.stringify({ url: hub.url, tokens }) + '\n');
    const answer = await opened;
    if (answer !== `open ${options.others}`) throw new Error(`crowd: ${answer}`);
    log(`  ${options.others} other devices streaming`);

    let rss = 0;
    const perRun = await measureAB({
      url: hub.url,
      enroll: (scope, role) => hub.enroll(scope, role),
      scope: SCOPE,
      template,
      runs: options.runs,
      changesPerRun: options.changesPerRun,
      gapMs: options.gapMs,
      log,
      afterChange: () => (rss = Math.max(rss, rssMiB(hub.pid))),
    });
    const statsLine = nextCrowdLine();
    crowd.stdin.write('stats\n');
    const crowdStats = JSON.parse(await statsLine) as { changes: number };
    const pooled = perRun.flat().sort((x, y) => x - y);
    return {
      others: options.others,
      changes: pooled.length,
      database: hub.database,
      p50: summarize(
        perRun.map((l) =>
          quantile(
            [...l].sort((x, y) => x - y),
            0.5,
          ),
        ),
      ),
      p95: summarize(
        perRun.map((l) =>
          quantile(
            [...l].sort((x, y) => x - y),
            0.95,
          ),
        ),
      ),
      pooled: { p50: quantile(pooled, 0.5), p95: quantile(pooled, 0.95), max: pooled.at(-1) ?? NaN },
      crowdChanges: crowdStats.changes,
      hubRssMiB: rss,
    };
  } finally {
    crowd.stdin.write('close\n');
    crowd.stdin.end();
    setTimeout(() => crowd.kill('SIGKILL'), 3_000).unref();
    await hub.dispose();
  }
}
