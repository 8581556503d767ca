// The benchmark's documents: the demo street at a volume scale, and the selections each benchmark
// sends to the hub. Generated once per run (deterministic: same seed, same ids).

import { COLLECTION_NAMES } from '#shared/domain/vocab';
import type { CollectionName } from '#shared/domain/vocab';
import { generateDemoStreet } from '#resources/demo/index';
import type { DemoData } from '#resources/demo/index';

export type Item = { collection: CollectionName; doc: Record<string, unknown> };

/** The generation time: today at 08:00 UTC, so overdue marks and "last 12 months" look live. */
export function benchNow(): string {
  return `${new Date().toISOString().slice(0, 10)}T08:00:00.000Z`;
}

export function street(scale: number, now = benchNow()): DemoData {
  return generateDemoStreet({ seed: 1, now, scale });
}

export function countDocs(data: DemoData): number {
  return COLLECTION_NAMES.reduce((n, c) => n + data[c].length, 0);
}

function items(data: DemoData, collection: CollectionName, limit = Infinity): Item[] {
  return (data[collection] as unknown as Array<Record<string, unknown>>)
    .slice(0, limit)
    .map((doc) => ({ collection, doc: { ...doc } }));
}

/**
 * What a new street-office device pulls first: the place tree, the organisations, the people
 * (with their encrypted PII) and then demands, `total` documents in all.
 */
export function initialSyncSelection(data: DemoData, total: number): Item[] {
  const out: Item[] = [];
  for (const c of ['places', 'organizations', 'people', 'demands', 'followUps', 'meetingRecords'] as const) {
    if (out.length >= total) break;
    out.push(...items(data, c, total - out.length));
  }
  if (out.length < total) throw new Error(`the street has only ${out.length} documents, ${total} wanted`);
  return out;
}

/** The whole street with its demands cut to `demands` (the ledger benchmark's volume). */
export function streetWithDemands(data: DemoData, demands: number): Item[] {
  const out: Item[] = [];
  for (const c of COLLECTION_NAMES) out.push(...items(data, c, c === 'demands' ? demands : Infinity));
  if (out.filter((i) => i.collection === 'demands').length < demands)
    throw new Error(`the street has fewer than ${demands} demands`);
  return out;
}

export function countBy(list: readonly Item[]): Partial<Record<CollectionName, number>> {
  const counts: Partial<Record<CollectionName, number>> = {};
  for (const { collection } of list) counts[collection] = (counts[collection] ?? 0) + 1;
  return counts;
}
