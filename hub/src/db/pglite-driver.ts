import { PGlite } from '@electric-sql/pglite';
import type { Driver, SqlClient } from './driver';

/**
 * PGlite runs PostgreSQL inside this process; one process per data folder (the CLI guards it with
 * hub.json). `dataDir` undefined means in memory (tests).
 */
export async function openPgliteDriver(dataDir: string | undefined): Promise<Driver> {
  const db = dataDir === undefined ? await PGlite.create() : await PGlite.create(dataDir);
  const client = (q: Pick<PGlite, 'query' | 'exec'>): SqlClient => ({
    async query<T extends object>(text: string, params: unknown[] = []) {
      const result = await q.query<T>(text, params);
      return result.rows;
    },
    async exec(text: string) {
      await q.exec(text);
    },
  });
  return {
    kind: 'pglite',
    ...client(db),
    transaction: (fn) => db.transaction((tx) => fn(client(tx))),
    async listen(channel, onMessage) {
      const unsubscribe = await db.listen(channel, onMessage);
      return async () => {
        await unsubscribe();
      };
    },
    async close() {
      if (!db.closed) await db.close();
    },
  };
}
