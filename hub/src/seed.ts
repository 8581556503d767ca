// `seed-demo`: loads the demo street into the documents table as the hub's own writes.
// Idempotent: the demo's clock is fixed at the first seed, so a re-seed produces identical
// documents and unchanged documents keep their sequence number.

import { COLLECTION_NAMES } from '#shared/domain/vocab';
import type { CollectionName } from '#shared/domain/vocab';
import { sameDocState, toWireDoc } from '#shared/protocol/v1';
import type { Doc } from '#shared/protocol/v1';
import { generateDemoStreet } from '#resources/demo/index';
import type { SeedOutcome, Store } from './store/store';
import { compileSchemas } from './sync/schema-validator';

export interface SeedResult extends SeedOutcome {
  invalid: number;
}

/** Validates and writes documents; invalid ones are counted and skipped, never stored. */
export async function seedDocuments(
  store: Store,
  docs: Array<{ collection: CollectionName; doc: Record<string, unknown> }>,
): Promise<SeedResult> {
  const check = compileSchemas();
  const valid: Array<{ collection: CollectionName; doc: Doc }> = [];
  let invalid = 0;
  for (const { collection, doc } of docs) {
    const wire = toWireDoc(doc) as Doc;
    const { _deleted: _ignored, ...fields } = wire;
    if (check(collection, fields) === null) valid.push({ collection, doc: wire });
    else invalid += 1;
  }
  const outcome = await store.seed(valid, (a, b) => sameDocState(a, b));
  return { ...outcome, invalid };
}

export async function seedDemoStreet(store: Store, actor: string, now: Date): Promise<SeedResult> {
  const demoNow = await store.initMeta('demo_now', now.toISOString());
  const street = generateDemoStreet({ seed: 1, now: demoNow, scale: 1 });
  const docs: Array<{ collection: CollectionName; doc: Record<string, unknown> }> = [];
  for (const collection of COLLECTION_NAMES) {
    for (const doc of street[collection]) docs.push({ collection, doc: { ...doc } });
  }
  const result = await seedDocuments(store, docs);
  await store.audit({ at: now.toISOString(), actor, action: 'demo.seed', detail: { ...result } });
  return result;
}
