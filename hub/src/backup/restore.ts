// Restores a backup file into the hub's database (the hub stopped): the file is verified whole
// first, then in one transaction every table is dropped, the schema rebuilt as the backup had it,
// the rows and sequences loaded, and a new hub epoch set — so every device notices, pulls the
// restored hub from the beginning and pushes back what the backup lacks. Later migrations run
// when the store is opened again.
//
// Devices and their revocations survive a restore: a device enrolled after the backup keeps
// working, and one revoked after it stays revoked.

import { randomBytes } from 'node:crypto';
import type { Driver, SqlClient } from '../db/driver';
import { MIGRATIONS } from '../db/migrations';
import { SERVING_LOCK } from '../db/serving-lock';
import { BackupError, quoteIdent, readBackup, sequencesOf, tablesOf } from './backup-file';
import type { BackupHeader } from './backup-file';

const BATCH = 200;

export interface RestoreSummary {
  createdAt: string;
  epoch: string;
  rows: number;
  tables: Record<string, number>;
  devicesKept: number;
}

export function newEpoch(now: Date): string {
  return `${now.toISOString().slice(0, 10).replace(/-/g, '')}-${randomBytes(6).toString('base64url')}`;
}

async function currentDevices(tx: SqlClient): Promise<unknown[]> {
  if (!(await tablesOf(tx)).includes('devices')) return [];
  return (await tx.query<{ r: unknown }>(`select to_jsonb(d) as r from devices d`)).map((x) => x.r);
}

async function currentKeyId(tx: SqlClient): Promise<string | null> {
  if (!(await tablesOf(tx)).includes('hub_meta')) return null;
  const rows = await tx.query<{ value: string }>(`select value from hub_meta where key = 'pii_key_id'`);
  return rows[0]?.value ?? null;
}

async function rebuildSchema(tx: SqlClient, header: BackupHeader): Promise<void> {
  for (const table of await tablesOf(tx)) await tx.query(`drop table ${quoteIdent(table)} cascade`);
  for (const seq of await sequencesOf(tx))
    await tx.query(`drop sequence if exists ${quoteIdent(seq)} cascade`);
  await tx.query(`create table schema_migrations (
    version integer primary key, name text not null, applied_at timestamptz not null default now())`);
  const known = new Map(MIGRATIONS.map((m) => [m.version, m]));
  for (const version of header.migrations) {
    const m = known.get(version);
    if (!m) throw new BackupError(`备份来自更新版本的同步服务（数据库结构 ${version}），请先升级同步服务`);
    await tx.exec(m.sql);
    await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [m.version, m.name]);
  }
}

export async function restoreBackup(db: Driver, file: string, now: Date): Promise<RestoreSummary> {
  // Verified whole before anything is touched: a damaged file changes nothing.
  const { header } = await readBackup(file, null);
  const epoch = newEpoch(now);
  const counts: Record<string, number> = {};
  let devicesKept = 0;
  await db.transaction(async (tx) => {
    const [free] = await tx.query<{ ok: boolean }>('select pg_try_advisory_xact_lock($1::bigint) as ok', [
      SERVING_LOCK,
    ]);
    if (!free?.ok)
      throw new BackupError(
        '另有同步服务进程正在使用这个数据库（可能在另一台机器上）：请先停止所有同步服务进程',
      );
    // A hub that already holds documents under another key is not overwritten with data it could
    // not open; an empty one (a new machine) takes the backup's key id, and then needs that key.
    const keyId = await currentKeyId(tx);
    if (keyId !== null && header.piiKeyId && keyId !== header.piiKeyId) {
      const [n] = await tx.query<{ n: number | string }>(`select count(*) as n from documents`);
      if (Number(n?.n ?? 0) > 0)
        throw new BackupError(
          `备份中的个人信息用另一把服务器密钥（${header.piiKeyId}）加密，而本服务器已有用密钥 ${keyId} 保存的数据`,
        );
    }
    const devices = await currentDevices(tx);
    await rebuildSchema(tx, header);
    let pending: { table: string; rows: unknown[] } | null = null;
    const flush = async () => {
      if (!pending || pending.rows.length === 0) return;
      const t = quoteIdent(pending.table);
      await tx.query(`insert into ${t} select * from jsonb_populate_recordset(null::${t}, $1::text::jsonb)`, [
        JSON.stringify(pending.rows),
      ]);
      counts[pending.table] = (counts[pending.table] ?? 0) + pending.rows.length;
      pending.rows = [];
    };
    await readBackup(file, async (line) => {
      if ('n' in line) {
        if (pending?.table !== line.n) {
          await flush();
          pending = { table: line.n, rows: [] };
        }
        pending.rows.push(line.r);
        if (pending.rows.length >= BATCH) await flush();
      } else if (line.t === 'sequence') {
        await flush();
        await tx.query(`select setval($1::regclass, $2, $3)`, [
          quoteIdent(line.name),
          line.value,
          line.called,
        ]);
      }
    });
    await flush();
    if (devices.length > 0) {
      // Enrolled after the backup: kept. Revoked after it: stays revoked.
      const kept = await tx.query<{ id: string }>(
        `insert into devices select * from jsonb_populate_recordset(null::devices, $1::text::jsonb)
         on conflict (id) do update set revoked_at = coalesce(excluded.revoked_at, devices.revoked_at),
           bundle_key = coalesce(devices.bundle_key, excluded.bundle_key)
         returning id`,
        [JSON.stringify(devices)],
      );
      devicesKept = kept.length;
    }
    await tx.query(
      `insert into hub_meta (key, value) values ('epoch', $1) on conflict (key) do update set value = excluded.value`,
      [epoch],
    );
    await tx.query(`insert into admin_audit (at, actor, action, detail) values ($1, $2, 'hub.restore', $3)`, [
      now.toISOString(),
      `cli:restore`,
      JSON.stringify({ backupCreatedAt: header.createdAt, epoch, rows: counts }),
    ]);
  });
  const rows = Object.values(counts).reduce((a, b) => a + b, 0);
  return { createdAt: header.createdAt, epoch, rows, tables: counts, devicesKept };
}
