// The two database backends (embedded PGlite, server PostgreSQL) behind the few operations the
// store needs, so every SQL statement of the hub is written once.

export type DatabaseKind = 'pglite' | 'postgres';

export interface SqlClient {
  query<T extends object = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs several statements without parameters (migrations). */
  exec(text: string): Promise<void>;
}

export interface Driver extends SqlClient {
  readonly kind: DatabaseKind;
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T>;
  /**
   * Subscribes to a NOTIFY channel. `onGap` is called when notifications may have been missed
   * (a dropped LISTEN connection was re-established), so the caller can catch up from the table.
   */
  listen(
    channel: string,
    onMessage: (payload: string) => void,
    onGap: () => void,
  ): Promise<() => Promise<void>>;
  close(): Promise<void>;
}
