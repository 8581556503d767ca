// Benchmark 1: a new street-office device's initial sync of N demo documents into Chromium's
// IndexedDB, against the limit (raw Dexie bulkPut of the hub's pages) and the peer (PouchDB from
// pouchdb-server), all in the same browser page, interleaved run by run.

import type { Page } from 'playwright-core';
import { openBrowser } from './browser';
import type { Item } from './data';
import { startBenchHub } from './hub';
import { startPeer } from './peer';
import { serveBenchPage } from './serve';
import { summarize } from './stats';
import type { Summary } from './stats';
import type { BenchApi, HubTarget, PeerTarget, SyncRun } from './page/main';

export interface InitialSyncOptions {
  docs: readonly Item[];
  runs: number;
  warmup: boolean;
  /** Page size of the limit and of PouchDB (batch_size). */
  pageSize: number;
  /** The sync client's pull batch size; undefined = the app's default. */
  clientPageSize?: number;
  postgresAdminUrl?: string;
  log?: (line: string) => void;
}

export type Variant = 'rxdb' | 'limit' | 'layout' | 'pouchdb';

export interface VariantResult {
  runs: SyncRun[];
  docsPerSecond: Summary;
  firstThousandMs: Summary;
}

export interface InitialSyncResult {
  documents: number;
  database: 'pglite' | 'postgres';
  pageSize: number;
  clientPageSize: number;
  variants: Record<Variant, VariantResult>;
  /** Per run: RxDB / limit and RxDB / PouchDB, each from the same run. */
  ratioToLimit: Summary;
  ratioToPeer: Summary;
  /** Per run: RxDB / layout floor, and layout floor / limit (what RxDB's records and indexes cost). */
  ratioToLayout: Summary;
  layoutToLimit: Summary;
}

/** The sync client's default pull batch (renderer/src/sync/client.ts). */
export const CLIENT_DEFAULT_PAGE = 1000;

type Window = { yishiBench: BenchApi };

async function runVariant(page: Page, variant: Variant, hub: HubTarget, peer: PeerTarget): Promise<SyncRun> {
  if (variant === 'rxdb')
    return page.evaluate((t) => (window as unknown as Window).yishiBench.rxdbSync(t), hub);
  if (variant === 'limit')
    return page.evaluate((t) => (window as unknown as Window).yishiBench.dexieLimit(t), {
      ...hub,
      pageSize: peer.pageSize,
    });
  if (variant === 'layout')
    return page.evaluate((t) => (window as unknown as Window).yishiBench.layoutFloor(t), {
      ...hub,
      pageSize: peer.pageSize,
    });
  return page.evaluate((t) => (window as unknown as Window).yishiBench.pouchReplicate(t), peer);
}

export async function benchInitialSync(options: InitialSyncOptions): Promise<InitialSyncResult> {
  const log = options.log ?? (() => undefined);
  const expected = options.docs.length;
  const clientPageSize = options.clientPageSize ?? CLIENT_DEFAULT_PAGE;
  const hub = await startBenchHub({
    docs: options.docs,
    ...(options.postgresAdminUrl ? { postgresAdminUrl: options.postgresAdminUrl } : {}),
  });
  const cleanups: Array<() => Promise<void>> = [() => hub.dispose()];
  try {
    const peer = await startPeer(options.docs);
    cleanups.push(() => peer.close());
    const served = await serveBenchPage();
    cleanups.push(() => served.close());
    const browser = await openBrowser('sync');
    cleanups.push(() => browser.close());
    const device = await hub.enroll('xg', 'street-staff');
    await browser.page.goto(served.url);
    await browser.page.locator('#status', { hasText: 'ready' }).waitFor();
    const hubTarget: HubTarget = {
      hubUrl: hub.url,
      token: device.token,
      scope: device.scope,
      hubId: device.hubId,
      expected,
      pageSize: clientPageSize,
    };
    const peerTarget: PeerTarget = { couchUrl: peer.dbUrl, expected, pageSize: options.pageSize };
    const order: Variant[] = ['rxdb', 'limit', 'layout', 'pouchdb'];
    if (options.warmup) {
      for (const v of order) await runVariant(browser.page, v, hubTarget, peerTarget);
      log('  warm-up done');
    }
    const runs: Record<Variant, SyncRun[]> = { rxdb: [], limit: [], layout: [], pouchdb: [] };
    for (let i = 0; i < options.runs; i += 1) {
      // Rotated, so that no variant always runs on the heels of the same other one.
      const rotated = [...order.slice(i % order.length), ...order.slice(0, i % order.length)];
      for (const v of rotated) {
        const run = await runVariant(browser.page, v, hubTarget, peerTarget);
        if (run.docs !== expected) throw new Error(`${v}: ${run.docs} of ${expected} documents arrived`);
        runs[v].push(run);
        log(
          `  run ${i + 1} ${v}: ${Math.round(run.docs / (run.ms / 1000))} docs/s, first 1000 after ${Math.round(run.firstThousandMs ?? NaN)} ms`,
        );
      }
    }
    const rate = (r: SyncRun) => r.docs / (r.ms / 1000);
    const variant = (v: Variant): VariantResult => ({
      runs: runs[v],
      docsPerSecond: summarize(runs[v].map(rate)),
      firstThousandMs: summarize(runs[v].map((r) => r.firstThousandMs ?? Number.NaN)),
    });
    return {
      documents: expected,
      database: hub.database,
      pageSize: options.pageSize,
      clientPageSize,
      variants: {
        rxdb: variant('rxdb'),
        limit: variant('limit'),
        layout: variant('layout'),
        pouchdb: variant('pouchdb'),
      },
      ratioToLimit: summarize(runs.rxdb.map((r, i) => rate(r) / rate(runs.limit[i]!))),
      ratioToPeer: summarize(runs.rxdb.map((r, i) => rate(r) / rate(runs.pouchdb[i]!))),
      ratioToLayout: summarize(runs.rxdb.map((r, i) => rate(r) / rate(runs.layout[i]!))),
      layoutToLimit: summarize(runs.layout.map((r, i) => rate(r) / rate(runs.limit[i]!))),
    };
  } finally {
    for (const c of cleanups.reverse()) await c().catch(() => undefined);
  }
}
