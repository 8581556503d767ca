// The little of PouchDB's API the benchmark page uses (the package ships no types).
declare module 'pouchdb-browser' {
  interface ReplicationInfo {
    docs_written: number;
  }
  interface Replication extends PromiseLike<ReplicationInfo> {
    on(event: 'change', listener: (info: ReplicationInfo) => void): Replication;
    cancel(): void;
  }
  interface PouchDatabase {
    info(): Promise<{ doc_count: number }>;
    destroy(): Promise<unknown>;
  }
  interface PouchStatic {
    new (name: string, options?: Record<string, unknown>): PouchDatabase;
    replicate(
      source: string | PouchDatabase,
      target: PouchDatabase,
      options?: Record<string, unknown>,
    ): Replication;
  }
  const PouchDB: PouchStatic;
  export default PouchDB;
}
