import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stdoutLogger } from '../log';
import { HUB_VERSION, startHub } from '../hub';
import { generateAdminSecret } from '../secrets';
import { DataFolderBusyError, openConfiguredStore } from './open-store';
import {
  ensureDataDir,
  processAlive,
  readHubInfo,
  removeRuntimeFiles,
  writeAdminSecret,
  writeHubInfo,
} from './paths';

/** The browser build that `npm run build:renderer` writes, beside the hub's own sources. */
export function defaultAppDir(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'dist', 'renderer');
}

/** `serve`: runs until SIGINT/SIGTERM, then shuts down gracefully and exits 0. */
export async function serve(options: {
  port: number;
  host: string;
  dataDir: string;
  appDir?: string;
  trustProxy?: string[];
}): Promise<number> {
  const log = stdoutLogger();
  const { dataDir } = options;
  const appDir = resolve(options.appDir ?? process.env['HUB_APP_DIR'] ?? defaultAppDir());
  const app = existsSync(join(appDir, 'index.html')) ? { root: appDir } : undefined;
  if (!app) log.warn('no browser build to serve at /: run npm run build:renderer first', { appDir });
  ensureDataDir(dataDir);
  const running = readHubInfo(dataDir);
  if (running && running.pid !== process.pid && processAlive(running.pid)) {
    log.error('another hub already serves this data folder', { pid: running.pid, url: running.url });
    return 1;
  }
  let store;
  try {
    store = await openConfiguredStore(dataDir, log);
  } catch (err) {
    if (err instanceof DataFolderBusyError) {
      log.error('data folder in use by another process', { pid: err.pid });
      return 1;
    }
    throw err;
  }
  const adminSecret = generateAdminSecret();
  // Written before the port opens, so an admin command never finds a hub without its secret.
  writeAdminSecret(dataDir, adminSecret);
  const keepalive = Number(process.env['HUB_KEEPALIVE_MS']);
  const graceDays = Number(process.env['HUB_ATTACHMENT_GRACE_DAYS']);
  let hub;
  try {
    hub = await startHub({
      store,
      log,
      port: options.port,
      host: options.host,
      adminSecret,
      ...(options.trustProxy ? { trustProxy: options.trustProxy } : {}),
      ...(app ? { app } : {}),
      updatesDir: join(dataDir, 'updates'),
      ...(Number.isFinite(keepalive) && keepalive > 0 ? { keepaliveMs: keepalive } : {}),
      ...(Number.isFinite(graceDays) && graceDays >= 0
        ? { attachmentGraceMs: graceDays * 24 * 3600_000 }
        : {}),
    });
  } catch (err) {
    await store.close();
    removeRuntimeFiles(dataDir);
    throw err;
  }
  writeHubInfo(dataDir, {
    url: hub.url,
    pid: process.pid,
    database: store.kind,
    startedAt: new Date().toISOString(),
  });
  // Supervisors and tests wait for this line: hub.json and admin-secret are in place by now.
  log.info('hub listening', {
    url: hub.url,
    database: store.kind,
    hubId: store.hubId,
    epoch: store.epoch,
    version: HUB_VERSION,
    app: app ? `${hub.url}/` : null,
  });

  // The hub never crashes on input: an unexpected error is logged, and the process keeps serving.
  process.on('uncaughtException', (err) => log.error('uncaught exception', { error: err.message }));
  process.on('unhandledRejection', (err) => log.error('unhandled rejection', { error: String(err) }));

  return new Promise<number>((resolve) => {
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) {
        log.warn('second signal: exiting without waiting', { signal });
        removeRuntimeFiles(dataDir);
        process.exit(1);
      }
      stopping = true;
      log.info('signal received', { signal });
      hub
        .close()
        .catch((err: Error) => log.error('shutdown failed', { error: err.message }))
        .finally(() => {
          removeRuntimeFiles(dataDir);
          resolve(0);
        });
    };
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
  });
}
