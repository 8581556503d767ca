import type { Driver } from './driver';

// Applied in order, each once, recorded in schema_migrations. Append new ones; never edit one
// that has shipped (a hub database in the field has already run it).
export const MIGRATIONS: ReadonlyArray<{ version: number; name: string; sql: string }> = [
  {
    version: 1,
    name: 'init',
    sql: `
      create table hub_meta (key text primary key, value text not null);
      create sequence documents_seq_global;
      create table documents (
        collection text not null,
        id text not null,
        scope text not null,
        seq bigint not null,
        deleted boolean not null default false,
        data jsonb not null,
        updated_at timestamptz not null default now(),
        primary key (collection, id)
      );
      create index documents_collection_seq on documents (collection, seq);
      create index documents_by_seq on documents (seq);
      create index documents_scope on documents (scope text_pattern_ops);
      create table devices (
        id text primary key,
        name text not null,
        label text not null,
        scope text not null,
        role text not null,
        token_hash text not null unique,
        enrolled_at timestamptz not null,
        last_seen_at timestamptz,
        revoked_at timestamptz
      );
      create table enroll_codes (
        code_hash text primary key,
        scope text not null,
        role text not null,
        label text not null,
        created_at timestamptz not null,
        expires_at timestamptz not null,
        used_at timestamptz,
        device_id text
      );
      create table quarantine (
        id bigserial primary key,
        at timestamptz not null,
        device_id text not null,
        collection text not null,
        doc_id text,
        code text not null,
        reason text not null,
        row_json text not null
      );
      create index quarantine_device on quarantine (device_id, at);
      create table admin_audit (
        id bigserial primary key,
        at timestamptz not null,
        actor text not null,
        action text not null,
        detail jsonb not null
      );
    `,
  },
  {
    version: 2,
    name: 'attachments',
    // Photo bytes of documents' `photos` entries; the digest is part of the key so bytes are
    // immutable once stored and a re-upload is a no-op.
    sql: `
      create table attachments (
        collection text not null,
        doc_id text not null,
        att_id text not null,
        digest text not null,
        content_type text not null,
        length integer not null,
        data bytea not null,
        created_at timestamptz not null default now(),
        primary key (collection, doc_id, att_id, digest)
      );
    `,
  },
  {
    version: 4,
    name: 'sync bundles',
    // A device's bundle MAC key (derived from its token, which the hub does not keep) is stored
    // when the device enrols or first authenticates; imported bundles are remembered per device.
    sql: `
      alter table devices add column bundle_key text;
      create table sync_bundles (
        device_id text not null,
        bundle_id text not null,
        imported_at timestamptz not null,
        outcomes jsonb not null,
        primary key (device_id, bundle_id)
      );
    `,
  },
  {
    version: 5,
    name: 'bounded quarantine and attachment collection',
    // Quarantine is kept to the newest rows per device; what was given up is counted per device.
    // An attachment no document references any more is marked, and collected after a grace period.
    sql: `
      create index quarantine_device_id on quarantine (device_id, id);
      create table quarantine_dropped (
        device_id text primary key,
        dropped bigint not null,
        last_dropped_at timestamptz not null
      );
      alter table attachments add column unreferenced_since timestamptz;
    `,
  },
  {
    version: 6,
    name: 'device local id',
    // A device set up before it enrolled writes its documents under the id it made itself; it
    // names that id when it enrols, and the hub accepts it as this device's author id.
    sql: `
      alter table devices add column local_id text;
      create index devices_local_id on devices (local_id);
    `,
  },
  {
    version: 7,
    name: 'local id of devices enrolled before it',
    // A device enrolled before the hub asked for its local id never named it: it may name it once,
    // by the first push whose new documents all carry one id not held by another device.
    sql: `
      alter table devices add column local_id_open boolean not null default false;
      update devices set local_id_open = true where local_id is null;
    `,
  },
  {
    version: 8,
    name: 'pull by collection and scope',
    // A pull asks for one collection within one scope. With only (collection, seq) and (scope),
    // PostgreSQL intersected the scope's rows with every row of the collection: on a city hub of
    // 1,000,000 documents a street's first page of people took 93 ms instead of 15 ms
    // (BENCHMARKS.md, city scale). Building it locks writes for about 2 s per million documents.
    sql: `
      create index documents_collection_scope on documents (collection, scope text_pattern_ops, seq);
    `,
  },
  {
    version: 9,
    name: 'pull in sequence order within a street',
    // Every scope a device sees lies in its own street (the first segment of the path), so a pull
    // walks this index in sequence order and stops at the page's limit. Without it each page of a
    // first sync re-read and sorted all the scope's remaining rows, and on a city hub the planner
    // sometimes walked the whole collection by sequence instead (217 ms for one page of people
    // against 10 ms; BENCHMARKS.md, city scale). Building it locks writes for about 3 s per
    // million documents.
    sql: `
      create index documents_collection_street on documents (collection, split_part(scope, '.', 1), seq);
    `,
  },
];

/** Any 64-bit key works as long as every hub process agrees; this one spells "yishimig". */
const MIGRATION_LOCK = 0x79697368696d6967n;

/** Applies pending migrations under an advisory lock, so hub processes starting together agree. */
export async function migrate(db: Driver): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1::bigint)', [MIGRATION_LOCK.toString()]);
    await tx.query(`create table if not exists schema_migrations (
      version integer primary key, name text not null, applied_at timestamptz not null default now())`);
    const done = new Set(
      (await tx.query<{ version: number }>('select version from schema_migrations')).map((r) =>
        Number(r.version),
      ),
    );
    const applied: number[] = [];
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      await tx.exec(m.sql);
      await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    return applied;
  });
}
