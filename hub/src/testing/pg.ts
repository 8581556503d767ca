// Throw-away PostgreSQL databases for tests: one per test file, dropped afterwards, so tests
// on the shared server never see each other's rows.

import { randomBytes } from 'node:crypto';
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
