// Hub processes for the benchmarks: the real `hub/src/cli.ts serve`, its database filled before it
// starts (through the hub's own seeding code, which validates every document), on PGlite or on a
// throw-away PostgreSQL database.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ActorRole } from '#shared/domain/vocab';
import type { EnrollResponse } from '#shared/protocol/v1';
import { silentLogger } from '../hub/src/log';
import { seedDocuments } from '../hub/src/seed';
import { openPgliteStore, openPostgresStore } from '../hub/src/store/store';
import type { Store } from '../hub/src/store/store';
import { createTempDatabase } from '../hub/src/testing/pg';
import { enrollDevice, freshDataDir, startHubProcess } from '../hub/src/testing/process';
import type { HubProcess } from '../hub/src/testing/process';
import type { Item } from './data';

export interface BenchHub {
  url: string;
  pid: number;
  database: 'pglite' | 'postgres';
  process: HubProcess;
  enroll(scope: string, role: ActorRole): Promise<EnrollResponse>;
  dispose(): Promise<void>;
}

export async function startBenchHub(options: {
  docs?: readonly Item[];
  postgresAdminUrl?: string;
}): Promise<BenchHub> {
  let store: Store;
  let dataDir: string;
  let env: Record<string, string> = { HUB_LOG_LEVEL: 'info', HUB_DATABASE_URL: '' };
  let drop = async () => undefined as void;
  if (options.postgresAdminUrl) {
    const temp = await createTempDatabase(options.postgresAdminUrl);
    drop = () => temp.drop();
    dataDir = mkdtempSync(join(tmpdir(), 'yishi-bench-hub-'));
    env = { ...env, HUB_DATABASE_URL: temp.url };
    store = await openPostgresStore(temp.url, silentLogger);
  } else {
    dataDir = await freshDataDir();
    store = await openPgliteStore(join(dataDir, 'pgdata'));
  }
  try {
    if (options.docs && options.docs.length > 0) {
      // In slices: one transaction of 100,000 documents would hold them all in memory twice.
      for (let i = 0; i < options.docs.length; i += 10_000) {
        const result = await seedDocuments(store, options.docs.slice(i, i + 10_000));
        if (result.invalid > 0) throw new Error(`${result.invalid} demo documents failed the hub's schema`);
      }
    }
  } finally {
    await store.close();
  }
  // As in production: info level, one log line per request.
  const proc = await startHubProcess({ dataDir, env });
  return {
    url: proc.url,
    pid: proc.child.pid ?? 0,
    database: options.postgresAdminUrl ? 'postgres' : 'pglite',
    process: proc,
    enroll: (scope, role) => enrollDevice(proc, scope, role),
    async dispose() {
      await proc.stop('SIGTERM');
      rmSync(dataDir, { recursive: true, force: true });
      await drop();
    },
  };
}
