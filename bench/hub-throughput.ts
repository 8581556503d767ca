// Benchmark 3: what one hub process takes and gives: demands pushed through the push route (batches
// of 1,000, the protocol's maximum, validated and permission-checked row by row) and pulled back
// through the pull route (pages of 2,000, the maximum), on PGlite and on PostgreSQL, with the hub
// process's resident memory sampled throughout.

import type { DemoData } from '#resources/demo/index';
import type { PullResponse, PushResponse } from '#shared/protocol/v1';
import { toWireDoc } from '#shared/protocol/v1';
import { streetWithDemands } from './data';
import { startBenchHub } from './hub';
import { rssMiB } from './machine';
import { summarize } from './stats';
import type { Summary } from './stats';

export interface ThroughputOptions {
  street: DemoData;
  documentsPerRun: number;
  runs: number;
  postgresAdminUrl?: string;
  log?: (line: string) => void;
}

export interface ThroughputResult {
  database: 'pglite' | 'postgres';
  documentsPerRun: number;
  seeded: number;
  pushPerSecond: Summary;
  pullPerSecond: Summary;
  rssIdleMiB: number;
  rssPeakMiB: number;
  rssAfterMiB: number;
}

const PUSH_BATCH = 1000;
const PULL_PAGE = 2000;

export async function benchHubThroughput(options: ThroughputOptions): Promise<ThroughputResult> {
  const log = options.log ?? (() => undefined);
  const seed = streetWithDemands(options.street, options.street.demands.length);
  const hub = await startBenchHub({
    docs: seed,
    ...(options.postgresAdminUrl ? { postgresAdminUrl: options.postgresAdminUrl } : {}),
  });
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMiB(hub.pid))), 100);
  try {
    const rssIdleMiB = rssMiB(hub.pid);
    const device = await hub.enroll('xg', 'street-staff');
    const headers = { authorization: `Bearer ${device.token}`, 'content-type': 'application/json' };
    const pullAll = async (since: number) => {
      let seq = since;
      let count = 0;
      for (;;) {
        const res = await fetch(`${hub.url}/v1/sync/demands/pull?limit=${PULL_PAGE}&checkpoint=${seq}`, {
          headers,
        });
        if (!res.ok) throw new Error(`pull: ${res.status}`);
        const body = (await res.json()) as PullResponse;
        count += body.documents.length;
        seq = body.checkpoint?.seq ?? seq;
        if (body.documents.length < PULL_PAGE) return { seq, count };
      }
    };
    let { seq } = await pullAll(0);
    const templates = options.street.demands;
    const push: number[] = [];
    const pull: number[] = [];
    for (let run = 0; run < options.runs; run += 1) {
      const docs = Array.from({ length: options.documentsPerRun }, (_, i) => {
        const t = templates[i % templates.length]!;
        // Written as this device: the hub refuses a row that names another device as its author.
        return toWireDoc({
          ...t,
          id: `bench-${run}-${i}-${Date.now().toString(36)}`,
          createdBy: device.deviceId,
          updatedBy: device.deviceId,
        } as Record<string, unknown>);
      });
      let started = performance.now();
      for (let i = 0; i < docs.length; i += PUSH_BATCH) {
        const rows = docs
          .slice(i, i + PUSH_BATCH)
          .map((d) => ({ newDocumentState: d, assumedMasterState: null }));
        const res = await fetch(`${hub.url}/v1/sync/demands/push`, {
          method: 'POST',
          headers,
          body: JSON.stringify(rows),
        });
        if (!res.ok) throw new Error(`push: ${res.status} ${await res.text()}`);
        const answer = (await res.json()) as PushResponse;
        if (answer.conflicts.length + answer.refused.length > 0)
          throw new Error(
            `push: ${answer.conflicts.length} conflicts, ${answer.refused.length} refused (${answer.refused[0]?.reason ?? ''})`,
          );
      }
      push.push(docs.length / ((performance.now() - started) / 1000));
      started = performance.now();
      const pulled = await pullAll(seq);
      if (pulled.count !== docs.length) throw new Error(`pulled ${pulled.count} of ${docs.length}`);
      pull.push(pulled.count / ((performance.now() - started) / 1000));
      seq = pulled.seq;
      log(
        `  ${hub.database} run ${run + 1}: push ${Math.round(push.at(-1)!)} docs/s, pull ${Math.round(pull.at(-1)!)} docs/s, RSS ${Math.round(rssMiB(hub.pid))} MiB`,
      );
    }
    return {
      database: hub.database,
      documentsPerRun: options.documentsPerRun,
      seeded: seed.length,
      pushPerSecond: summarize(push),
      pullPerSecond: summarize(pull),
      rssIdleMiB,
      rssPeakMiB: Math.max(peak, rssMiB(hub.pid)),
      rssAfterMiB: rssMiB(hub.pid),
    };
  } finally {
    clearInterval(sampler);
    await hub.dispose();
  }
}
