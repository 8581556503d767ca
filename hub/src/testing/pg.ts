// Throw-away PostgreSQL databases for tests: one per test file, dropped afterwards, so tests
// on the shared server never see each other's rows.

import { createHash, randomBytes } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export const TEST_PG_URL = process.env['YISHI_TEST_PG_URL'] ?? '';
export const PG_SKIP_REASON =
  'PostgreSQL variant: set YISHI_TEST_PG_URL (e.g. postgresql://root@/yishi_test?host=/var/run/postgresql)';

export interface TempDatabase {
  url: string;
  drop(): Promise<void>;
}

/** Swaps the database name; WHATWG URL cannot parse socket URLs like `postgresql://root@/db?host=/run`. */
export function withDatabase(url: string, database: string): string {
  const match = /^(postgres(?:ql)?:\/\/[^/?]*)(\/[^?]*)?(\?.*)?$/.exec(url);
  if (!match) throw new Error('unrecognised PostgreSQL URL');
  return `${match[1]}/${database}${match[3] ?? ''}`;
}

export async function createTempDatabase(adminUrl: string = TEST_PG_URL): Promise<TempDatabase> {
  const name = `yishi_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(adminUrl, name),
    async drop() {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(`drop database if exists ${name} with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}

/**
 * The hub key file for hubs on a test PostgreSQL database: every hub process on one database needs
 * the same key (hub/README.md), and the shared test database outlives any temp folder, so the
 * key is derived from the database URL (test data only) and written to the temp folder.
 */
export function testHubKeyEnv(url: string): { HUB_KEY_FILE: string } {
  const key = createHash('sha256').update(`yishi-test-hub-key:${url}`).digest();
  const file = join(tmpdir(), `yishi-test-hub-key-${key.subarray(0, 6).toString('hex')}`);
  if (!existsSync(file)) writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600 });
  return { HUB_KEY_FILE: file };
}
