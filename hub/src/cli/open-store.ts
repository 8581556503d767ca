import type { Logger } from '../log';
import { openPgliteStore, openPostgresStore } from '../store/store';
import type { Store } from '../store/store';
import { loadOrCreateHubKey } from './hub-key';
import { acquirePgliteLock, ensureDataDir, pgliteDir } from './paths';

export function databaseUrl(env: NodeJS.ProcessEnv = process.env): string | null {
  const url = env['HUB_DATABASE_URL'];
  return url && url.trim() !== '' ? url.trim() : null;
}

export class DataFolderBusyError extends Error {
  constructor(readonly pid: number) {
    super(`数据目录正被进程 ${pid} 使用`);
  }
}

/**
 * Opens PostgreSQL when HUB_DATABASE_URL is set, otherwise PGlite in `<data>/pgdata` under the
 * folder lock. Closing the returned store releases the lock.
 */
export async function openConfiguredStore(dataDir: string, log: Logger): Promise<Store> {
  const url = databaseUrl();
  ensureDataDir(dataDir);
  const piiKey = loadOrCreateHubKey(dataDir);
  if (url) return openPostgresStore(url, log, { piiKey });
  const lock = acquirePgliteLock(dataDir);
  if ('heldBy' in lock) throw new DataFolderBusyError(lock.heldBy);
  try {
    const store = await openPgliteStore(pgliteDir(dataDir), { piiKey });
    return {
      ...store,
      async close() {
        try {
          await store.close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (err) {
    lock.release();
    throw err;
  }
}
