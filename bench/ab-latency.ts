// A → hub → B: device A (a Node process running the app's database code and sync client) writes
// demands one at a time, device B (another such process) reports when each has reached its
// database. Used by the propagation benchmark and the city-scale benchmark.

import type { ActorRole } from '#shared/domain/vocab';
import type { EnrollResponse } from '#shared/protocol/v1';
import { JsonLineChild, sleep } from './child';
import { quantile } from './stats';

export interface AbOptions {
  /** The address A and B sync with. */
  url: string;
  enroll(scope: string, role: ActorRole): Promise<EnrollResponse>;
  scope: string;
  /** A demand of `scope`: each change is a copy of it with a new id. */
  template: Record<string, unknown>;
  runs: number;
  changesPerRun: number;
  gapMs: number;
  log: (line: string) => void;
  /** Called after every change has arrived (e.g. to sample the hub's memory). */
  afterChange?: () => void;
}

/** Milliseconds from A's write to B's database, per run. */
export async function measureAB(options: AbOptions): Promise<number[][]> {
  const { log } = options;
  const devices: JsonLineChild[] = [];
  try {
    const seen = new Map<string, number>();
    const waiters = new Map<string, () => void>();
    const prefix = `prop${Date.now().toString(36)}`;
    // A writes as itself: the hub refuses a row that names another device as its author.
    let authorA = '';
    for (const name of ['A', 'B']) {
      const enrolled = await options.enroll(options.scope, 'community-worker');
      if (name === 'A') authorA = enrolled.deviceId;
      const device = new JsonLineChild(`device ${name}`, 'bench/device-main.ts');
      devices.push(device);
      device.onEvent((event) => {
        if (event['event'] !== 'seen') return;
        const id = String(event['id']);
        seen.set(id, Number(event['at']));
        waiters.get(id)?.();
      });
      await device.call('open', {
        hubUrl: options.url,
        token: enrolled.token,
        scope: enrolled.scope,
        hubId: enrolled.hubId,
        watchPrefix: name === 'B' ? prefix : '',
      });
    }
    const [a] = devices as [JsonLineChild, JsonLineChild];
    log('  devices A and B in sync');

    const perRun: number[][] = [];
    for (let run = 0; run < options.runs; run += 1) {
      const latencies: number[] = [];
      for (let i = 0; i < options.changesPerRun; i += 1) {
        const id = `${prefix}-${run}-${i}`;
        const at = new Date().toISOString();
        const doc = {
          ...options.template,
          id,
          title: `传播测试 ${run}-${i}`,
          createdAt: at,
          updatedAt: at,
          createdBy: authorA,
          updatedBy: authorA,
          receivedAt: at,
        };
        const arrived = new Promise<void>((res, rej) => {
          const timer = setTimeout(() => rej(new Error(`${id} did not reach B within 30 s`)), 30_000);
          waiters.set(id, () => {
            clearTimeout(timer);
            res();
          });
          if (seen.has(id)) waiters.get(id)?.();
        });
        const written = await a.call<{ at: number }>('write', { doc });
        await arrived;
        waiters.delete(id);
        latencies.push((seen.get(id) ?? NaN) - written.at);
        options.afterChange?.();
        await sleep(options.gapMs);
      }
      perRun.push(latencies);
      const sorted = [...latencies].sort((x, y) => x - y);
      log(
        `  run ${run + 1}: p50 ${quantile(sorted, 0.5).toFixed(1)} ms, p95 ${quantile(sorted, 0.95).toFixed(1)} ms`,
      );
    }
    return perRun;
  } finally {
    for (const d of devices) await d.close();
  }
}
