import pg from 'pg';
import type { Driver, SqlClient } from './driver';
import type { Logger } from '../log';
import { SERVING_LOCK } from './serving-lock';

const RECONNECT_MS = [250, 500, 1000, 2000, 5000];

function clientOf(q: { query: pg.Pool['query'] }): SqlClient {
  return {
    async query<T extends object>(text: string, params: unknown[] = []) {
      const result = await q.query(text, params);
      return result.rows as T[];
    },
    async exec(text: string) {
      await q.query(text);
    },
  };
}

/** node-postgres: a pool for queries and transactions, one dedicated connection for LISTEN. */
export async function openPostgresDriver(url: string, log: Logger): Promise<Driver> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client's error (server restart) must not crash the hub; the pool replaces it.
  pool.on('error', (err) => log.warn('postgres pool client error', { error: err.message }));
  await pool.query('select 1');
  const listeners = new Set<pg.Client>();
  let closed = false;

  async function listenOnce(channel: string, onMessage: (payload: string) => void): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    client.on('notification', (msg) => {
      if (msg.channel === channel) onMessage(msg.payload ?? '');
    });
    // Only a serving hub listens: while it does, a restore of this database is refused.
    await client.query('select pg_advisory_lock_shared($1::bigint)', [SERVING_LOCK]);
    await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    return client;
  }

  return {
    kind: 'postgres',
    ...clientOf(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(clientOf(client));
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    async listen(channel, onMessage, onGap) {
      let current: pg.Client | null = null;
      let stopped = false;
      const attach = (client: pg.Client) => {
        current = client;
        listeners.add(client);
        let lost = false;
        // A terminated backend may surface as 'error', as 'end', or both: reconnect once.
        const onLost = (reason: string) => {
          if (lost || stopped || closed) return;
          lost = true;
          log.warn('postgres LISTEN connection lost', { error: reason });
          listeners.delete(client);
          client.end().catch(() => undefined);
          void reconnect(0);
        };
        client.on('error', (err) => onLost(err.message));
        client.on('end', () => onLost('connection ended'));
      };
      const reconnect = async (attempt: number): Promise<void> => {
        if (stopped || closed) return;
        await new Promise((r) => setTimeout(r, RECONNECT_MS[Math.min(attempt, RECONNECT_MS.length - 1)]));
        try {
          attach(await listenOnce(channel, onMessage));
          log.info('postgres LISTEN connection restored', { channel });
          onGap();
        } catch (err) {
          log.warn('postgres LISTEN reconnect failed', { error: (err as Error).message, attempt });
          await reconnect(attempt + 1);
        }
      };
      attach(await listenOnce(channel, onMessage));
      return async () => {
        stopped = true;
        const client = current as pg.Client | null;
        if (client) {
          listeners.delete(client);
          await client.end().catch(() => undefined);
        }
      };
    },
    async close() {
      closed = true;
      await Promise.all([...listeners].map((c) => c.end().catch(() => undefined)));
      listeners.clear();
      await pool.end();
    },
  };
}
