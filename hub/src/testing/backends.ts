// The two databases every hub integration test runs on: PGlite always, PostgreSQL when
// YISHI_TEST_PG_URL is set (reported as skipped with the reason otherwise).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readHubKey } from '../cli/hub-key';
import type { Driver } from '../db/driver';
import { openPgliteDriver } from '../db/pglite-driver';
import { openPostgresDriver } from '../db/postgres-driver';
import { silentLogger } from '../log';
import { openPgliteStore, openPostgresStore } from '../store/store';
import type { Store } from '../store/store';
import { PG_SKIP_REASON, TEST_PG_URL, createTempDatabase, testHubKeyEnv } from './pg';

/** The hub key of a hub's data folder, so the test reads what the hub wrote. */
function keyOf(dataDir: string): { piiKey?: Buffer } {
  const key = readHubKey(dataDir);
  return key ? { piiKey: key } : {};
}

export interface BackendSetup {
  /** Environment for hub and CLI processes. */
  env: Record<string, string>;
  /** Opens the hub's database in the test process (PGlite: only while no hub process has it open). */
  openStore(dataDir: string): Promise<Store>;
  drop(): Promise<void>;
}

export interface Backend {
  name: 'pglite' | 'postgres';
  enabled: boolean;
  /** A describe title that carries the skip reason when the backend is not available. */
  title(subject: string): string;
  setup(): Promise<BackendSetup>;
}

export const BACKENDS: Backend[] = [
  {
    name: 'pglite',
    enabled: true,
    title: (subject) => `${subject} (pglite)`,
    setup: async () => ({
      env: { HUB_DATABASE_URL: '' },
      openStore: (dataDir) => openPgliteStore(join(dataDir, 'pgdata'), keyOf(dataDir)),
      drop: async () => undefined,
    }),
  },
  {
    name: 'postgres',
    enabled: TEST_PG_URL !== '',
    title: (subject) =>
      TEST_PG_URL !== '' ? `${subject} (postgres)` : `${subject} (postgres) — skipped: ${PG_SKIP_REASON}`,
    async setup() {
      const db = await createTempDatabase();
      const keyEnv = testHubKeyEnv(db.url);
      return {
        env: { HUB_DATABASE_URL: db.url, ...keyEnv },
        openStore: async () =>
          openPostgresStore(db.url, silentLogger, {
            piiKey: Buffer.from(readFileSync(keyEnv.HUB_KEY_FILE, 'utf8').trim(), 'base64'),
          }),
        drop: db.drop,
      };
    },
  },
];

export interface DriverBackend {
  name: 'pglite' | 'postgres';
  enabled: boolean;
  /** A describe title that carries the skip reason when the backend is not available. */
  title(subject: string): string;
  /** A database of its own, opened in the test process: in-memory PGlite or a temporary PostgreSQL. */
  open(): Promise<{ driver: Driver; drop: () => Promise<void> }>;
}

/** The same two databases for tests of the hub's SQL in the test process, without a hub process. */
export const DRIVER_BACKENDS: DriverBackend[] = [
  {
    name: 'pglite',
    enabled: true,
    title: (subject) => `${subject} on pglite`,
    open: async () => ({ driver: await openPgliteDriver(undefined), drop: async () => undefined }),
  },
  {
    name: 'postgres',
    enabled: TEST_PG_URL !== '',
    title: (subject) =>
      TEST_PG_URL !== '' ? `${subject} on postgres` : `${subject} on postgres — skipped: ${PG_SKIP_REASON}`,
    async open() {
      const db = await createTempDatabase();
      return { driver: await openPostgresDriver(db.url, silentLogger), drop: db.drop };
    },
  },
];
