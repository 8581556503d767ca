// Assembles one hub process: store, row policy, fan-out and HTTP server. Used by `serve` and by
// in-process tests; the CLI adds the data folder files and signal handling around it.

import { createHash } from 'node:crypto';
import { createFailureLimiter } from './http/limiter';
import { createHubServer } from './http/server';
import type { HubContext } from './http/context';
import type { StaticApp } from './http/static-app';
import type { Logger } from './log';
import { seedDemoStreet } from './seed';
import { watchStalls } from './stall-watch';
import type { Store } from './store/store';
import { startFanout } from './sync/fanout';
import { createRowPolicy } from './sync/policy';
import type { RowPolicy } from './sync/rules';

export const HUB_VERSION = '0.1.0';
export const DEFAULT_ATTACHMENT_GRACE_MS = 7 * 24 * 3600_000;
const COLLECT_EVERY_MS = 3600_000;

/** Collects unreferenced photo bytes a minute after start and then every hour. */
function collectAttachmentsPeriodically(
  store: Store,
  log: Logger,
  clock: () => Date,
  graceMs: number,
): () => void {
  const run = () =>
    store.collectAttachments(clock(), graceMs).then(
      (r) => {
        if (r.deleted > 0) log.info('attachments collected', { ...r });
      },
      (err: Error) => log.warn('attachment collection failed', { error: err.message }),
    );
  const first = setTimeout(run, 60_000);
  const every = setInterval(run, COLLECT_EVERY_MS);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}

export interface HubOptions {
  store: Store;
  log: Logger;
  port: number;
  host: string;
  adminSecret: string | null;
  clock?: () => Date;
  policy?: RowPolicy;
  keepaliveMs?: number;
  /** Serve the browser build of the app at `/` from this folder. */
  app?: StaticApp;
  /** Addresses of reverse proxies whose X-Forwarded-For names the client (`--trust-proxy`). */
  trustProxy?: readonly string[];
  /** How long photo bytes stay after no document references them (default 7 days). */
  attachmentGraceMs?: number;
  /** Serve application updates published into this folder. */
  updatesDir?: string;
}

export interface RunningHub {
  url: string;
  context: HubContext;
  /** Graceful: stops accepting, finishes in-flight requests, closes streams, then the store. */
  close(): Promise<void>;
}

export async function startHub(options: HubOptions): Promise<RunningHub> {
  const { store, log } = options;
  const clock = options.clock ?? (() => new Date());
  const fanout = await startFanout(store, log, options.keepaliveMs);
  const context: HubContext = {
    store,
    log,
    clock,
    fanout,
    policy: options.policy ?? createRowPolicy(),
    version: HUB_VERSION,
    adminSecretHash:
      options.adminSecret === null ? null : createHash('sha256').update(options.adminSecret).digest(),
    enrollLimiter: createFailureLimiter(30, 5 * 60_000, () => clock().getTime()),
    codeLimiter: createFailureLimiter(10, 15 * 60_000, () => clock().getTime()),
    trustedProxies: new Set(options.trustProxy ?? []),
    touched: new Map(),
    seedDemo: (actor, asOf) => seedDemoStreet(store, actor, asOf ?? clock()),
    ...(options.app ? { app: options.app } : {}),
    ...(options.updatesDir ? { updatesDir: options.updatesDir } : {}),
  };
  const http = createHubServer(context);
  const unwatch = watchStalls(log);
  const stopCollecting = collectAttachmentsPeriodically(
    store,
    log,
    clock,
    options.attachmentGraceMs ?? DEFAULT_ATTACHMENT_GRACE_MS,
  );
  const url = await http.listen(options.port, options.host);
  let closing: Promise<void> | null = null;
  return {
    url,
    context,
    close() {
      closing ??= (async () => {
        log.info('hub shutting down');
        unwatch();
        stopCollecting();
        await http.shutdown();
        await store.close();
        log.info('hub stopped');
      })();
      return closing;
    },
  };
}
