// Sync bundles on the device: what the replication has not pushed and where its pulls stand go
// into a signed file, and a return bundle is taken in by the replication itself (bundle-inbox).
// Nothing here decides: shared/sync/bundle-exchange.ts does.

import type { CollectionName } from '#shared/domain/vocab';
import { bundleKeyFromToken } from '#shared/protocol/bundle';
import type { DeviceBundle, ReturnBundle } from '#shared/protocol/bundle';
import type { Checkpoint, PushRow } from '#shared/protocol/v1';
import { answerPull, carriedDigests, docDigest, makeDeviceBundle } from '#shared/sync/bundle-exchange';
import type { BundleIdentity, CarriedDigests } from '#shared/sync/bundle-exchange';
import type { SyncClient } from './client-types';
import { pendingRows, storedCheckpoint } from './pending';

type Replications = SyncClient['replications'];

async function pulledSeq(replications: Replications, name: CollectionName): Promise<number> {
  const replication = replications.get(name);
  const checkpoint = replication
    ? ((await storedCheckpoint(replication, 'down')) as Checkpoint | undefined)
    : undefined;
  return checkpoint?.seq ?? 0;
}

/** What the replications have yet to push, and where their pulls stand. */
export interface UnsyncedSnapshot {
  changes: Partial<Record<CollectionName, PushRow[]>>;
  checkpoints: Partial<Record<CollectionName, number>>;
}

export async function snapshotUnsynced(replications: Replications): Promise<UnsyncedSnapshot> {
  const snapshot: UnsyncedSnapshot = { changes: {}, checkpoints: {} };
  for (const [name, replication] of replications) {
    snapshot.changes[name] = await pendingRows(replication);
    snapshot.checkpoints[name] = await pulledSeq(replications, name);
  }
  return snapshot;
}

/** The snapshot, or null when the replications did not answer in time (e.g. never started here). */
export async function snapshotWithin(
  replications: Replications,
  ms: number,
): Promise<UnsyncedSnapshot | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), ms)));
  try {
    return await Promise.race([snapshotUnsynced(replications).catch(() => null), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** The signed bundle of every row the replications have yet to push, and the digests to keep. */
export async function collectDeviceBundle(
  replications: Replications,
  device: BundleIdentity & { token: string },
  bundleId: string,
  createdAt: string,
): Promise<{ bundle: DeviceBundle; carried: CarriedDigests }> {
  return deviceBundleFrom(await snapshotUnsynced(replications), device, bundleId, createdAt);
}

/** A snapshot signed as this device's bundle (also what a revoked device exports for the street office). */
export function deviceBundleFrom(
  { changes, checkpoints }: UnsyncedSnapshot,
  device: BundleIdentity & { token: string },
  bundleId: string,
  createdAt: string,
): { bundle: DeviceBundle; carried: CarriedDigests } {
  const bundle = makeDeviceBundle(
    {
      hubId: device.hubId,
      deviceId: device.deviceId,
      scope: device.scope,
      bundleId,
      createdAt,
      checkpoints,
      changes,
    },
    bundleKeyFromToken(device.token),
  );
  return { bundle, carried: carriedDigests(bundle.changes) };
}

/** Where each collection stands against a return bundle before it is taken in. */
export interface ReturnPlan {
  /** Collections whose new documents the replication will take in, and the checkpoint it reaches. */
  targets: Map<CollectionName, number>;
  /** Collections the device has pulled further online since the export: the bundle adds nothing. */
  ahead: CollectionName[];
}

export async function planReturn(replications: Replications, bundle: ReturnBundle): Promise<ReturnPlan> {
  const plan: ReturnPlan = { targets: new Map(), ahead: [] };
  for (const name of replications.keys()) {
    const pull = bundle.pulls[name];
    if (!pull || pull.checkpoint === pull.since) continue;
    const seq = await pulledSeq(replications, name);
    if (seq >= pull.checkpoint) continue;
    if (answerPull(bundle, name, seq) === null) plan.ahead.push(name);
    else plan.targets.set(name, pull.checkpoint);
  }
  return plan;
}

/** Rows the export carried that are still waiting, unchanged: the bundle has not answered them. */
async function unanswered(replications: Replications, carried: CarriedDigests): Promise<number> {
  let count = 0;
  for (const [name, replication] of replications) {
    const digests = carried[name];
    if (!digests) continue;
    for (const row of await pendingRows(replication)) {
      if (digests[row.newDocumentState.id] === docDigest(row.newDocumentState)) count += 1;
    }
  }
  return count;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until the replications took in the bundle's documents and its verdicts on the exported
 * rows. Resolves with how many exported rows are still waiting when `timeoutMs` ran out (they go
 * with the line or the next bundle).
 */
export async function awaitReturnTaken(
  replications: Replications,
  plan: ReturnPlan,
  carried: CarriedDigests,
  timeoutMs = 20_000,
): Promise<{ waiting: number }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let pulled = true;
    for (const [name, target] of plan.targets) {
      if ((await pulledSeq(replications, name)) < target) pulled = false;
    }
    const waiting = await unanswered(replications, carried);
    if ((pulled && waiting === 0) || Date.now() > deadline) return { waiting };
    await sleep(150);
  }
}
