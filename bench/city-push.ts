// Push throughput of the city-scale benchmark: one street-office device pushes new demands of its
// street in batches of 1,000 (the protocol's maximum), validated and permission-checked row by
// row, while the city's other devices hold their streams open and hear the changes of their scope.

import type { EnrollResponse, PushResponse } from '#shared/protocol/v1';
import { toWireDoc } from '#shared/protocol/v1';

const PUSH_BATCH = 1000;

/** Documents per second of each run. */
export async function pushDemands(options: {
  url: string;
  device: EnrollResponse;
  /** Demands of the device's street: each pushed document is a copy with a new id. */
  templates: ReadonlyArray<Record<string, unknown>>;
  documentsPerRun: number;
  runs: number;
  log: (line: string) => void;
}): Promise<number[]> {
  const { device, templates } = options;
  const headers = { authorization: `Bearer ${device.token}`, 'content-type': 'application/json' };
  const rates: number[] = [];
  for (let run = 0; run < options.runs; run += 1) {
    const docs = Array.from({ length: options.documentsPerRun }, (_, i) =>
      toWireDoc({
        ...templates[i % templates.length],
        id: `city-${run}-${i}-${Date.now().toString(36)}`,
        // Written as this device: the hub refuses a row that names another device as its author.
        createdBy: device.deviceId,
        updatedBy: device.deviceId,
      }),
    );
    const started = performance.now();
    for (let i = 0; i < docs.length; i += PUSH_BATCH) {
      const rows = docs
        .slice(i, i + PUSH_BATCH)
        .map((d) => ({ newDocumentState: d, assumedMasterState: null }));
      const res = await fetch(`${options.url}/v1/sync/demands/push`, {
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
    rates.push(docs.length / ((performance.now() - started) / 1000));
    options.log(`  push run ${run + 1}: ${Math.round(rates.at(-1)!)} docs/s`);
  }
  return rates;
}
