// The hub's backup file: gzip'd JSON lines, one per row, written from one consistent snapshot of
// the database, with a digest of every table and of the whole file in its last line. The same
// format for PGlite and PostgreSQL, so a backup of one restores into the other.
//
//   {"t":"header","format":"yishi-hub-backup","version":1,"createdAt":…,"hubId":…,"epoch":…,"migrations":[1,2,4,5]}
//   {"n":"documents","r":{…one row…}}            (every table but schema_migrations)
//   {"t":"sequence","name":"documents_seq_global","value":1234,"called":true}
//   {"t":"end","tables":{"documents":{"rows":…,"sha256":…}},"sha256":<of every line above>}

import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { createGunzip, createGzip } from 'node:zlib';
import type { Driver, SqlClient } from '../db/driver';

export const BACKUP_FORMAT = 'yishi-hub-backup';
const PAGE = 500;

export interface BackupHeader {
  t: 'header';
  format: typeof BACKUP_FORMAT;
  version: 1;
  createdAt: string;
  hubId: string;
  epoch: string;
  database: string;
  migrations: number[];
  /** Residents' personal fields in this file are sealed with the hub key of this id (not in the file). */
  piiKeyId: string | null;
}

export interface BackupSummary {
  file: string;
  /** The hub key sealing the personal fields (its id; the key itself is never in the file). */
  piiKeyId: string | null;
  createdAt: string;
  tables: Record<string, { rows: number; sha256: string }>;
  sha256: string;
}

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function tablesOf(db: SqlClient): Promise<string[]> {
  const rows = await db.query<{ table_name: string }>(
    `select table_name from information_schema.tables
     where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`,
  );
  return rows.map((r) => r.table_name);
}

export async function sequencesOf(db: SqlClient): Promise<string[]> {
  const rows = await db.query<{ sequence_name: string }>(
    `select sequence_name from information_schema.sequences where sequence_schema = current_schema()
     order by sequence_name`,
  );
  return rows.map((r) => r.sequence_name);
}

/**
 * Writes a backup of the whole database to `file` (through a temporary file, renamed when
 * complete, readable by the owner only). One transaction: on PostgreSQL a repeatable-read
 * snapshot while hubs keep writing; PGlite's writes wait until it is done.
 */
export async function writeBackup(
  db: Driver,
  file: string,
  meta: { hubId: string; epoch: string; now: Date; piiKeyId: string | null },
): Promise<BackupSummary> {
  const partial = `${file}.partial`;
  const gzip = createGzip();
  const out = createWriteStream(partial, { mode: 0o600 });
  const finished = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
    gzip.on('error', reject);
  });
  gzip.pipe(out);
  const whole = createHash('sha256');
  const write = async (line: string) => {
    const text = `${line}\n`;
    whole.update(text);
    if (!gzip.write(text)) await new Promise((resolve) => gzip.once('drain', resolve));
  };
  const tables: BackupSummary['tables'] = {};
  try {
    await db.transaction(async (tx) => {
      if (db.kind === 'postgres')
        await tx.query('set transaction isolation level repeatable read, read only');
      const migrations = (
        await tx.query<{ version: number }>('select version from schema_migrations order by version')
      ).map((r) => Number(r.version));
      const header: BackupHeader = {
        t: 'header',
        format: BACKUP_FORMAT,
        version: 1,
        createdAt: meta.now.toISOString(),
        hubId: meta.hubId,
        epoch: meta.epoch,
        database: db.kind,
        migrations,
        piiKeyId: meta.piiKeyId,
      };
      await write(JSON.stringify(header));
      for (const table of await tablesOf(tx)) {
        if (table === 'schema_migrations') continue;
        const digest = createHash('sha256');
        let rows = 0;
        // Inside one snapshot the physical order does not move, so pages by ctid are stable.
        for (let offset = 0; ; offset += PAGE) {
          const page = await tx.query<{ r: unknown }>(
            `select to_jsonb(t) as r from ${quoteIdent(table)} t order by ctid limit ${PAGE} offset ${offset}`,
          );
          for (const { r } of page) {
            const line = JSON.stringify({ n: table, r });
            digest.update(`${line}\n`);
            await write(line);
          }
          rows += page.length;
          if (page.length < PAGE) break;
        }
        tables[table] = { rows, sha256: digest.digest('hex') };
      }
      for (const name of await sequencesOf(tx)) {
        const [s] = await tx.query<{ last_value: number | string; is_called: boolean }>(
          `select last_value, is_called from ${quoteIdent(name)}`,
        );
        if (s)
          await write(
            JSON.stringify({ t: 'sequence', name, value: Number(s.last_value), called: s.is_called }),
          );
      }
    });
    const sha256 = whole.digest('hex');
    gzip.end(`${JSON.stringify({ t: 'end', tables, sha256 })}\n`);
    await finished;
    await rename(partial, file);
    return { file, createdAt: meta.now.toISOString(), piiKeyId: meta.piiKeyId, tables, sha256 };
  } catch (err) {
    gzip.destroy();
    out.destroy();
    await rm(partial, { force: true });
    throw err;
  }
}

export type BackupLine =
  | BackupHeader
  | { n: string; r: Record<string, unknown> }
  | { t: 'sequence'; name: string; value: number; called: boolean };

export class BackupError extends Error {}

/**
 * Reads a backup file line by line, checking every table's digest and the whole file's against
 * its last line; `onLine` sees each line (null: only verify). Throws BackupError when the file is
 * not a complete, unaltered backup.
 */
export async function readBackup(
  file: string,
  onLine: ((line: BackupLine) => Promise<void>) | null,
): Promise<{ header: BackupHeader; tables: BackupSummary['tables']; sha256: string }> {
  const lines = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  const whole = createHash('sha256');
  const digests = new Map<string, { rows: number; hash: ReturnType<typeof createHash> }>();
  let header: BackupHeader | null = null;
  let end: { tables: BackupSummary['tables']; sha256: string } | null = null;
  try {
    for await (const text of lines) {
      if (end) throw new BackupError('备份文件在结束标记之后还有内容');
      const line = JSON.parse(text) as Record<string, unknown>;
      if (line['t'] === 'end') {
        end = line as unknown as { tables: BackupSummary['tables']; sha256: string };
        continue;
      }
      whole.update(`${text}\n`);
      if (!header) {
        if (line['t'] !== 'header' || line['format'] !== BACKUP_FORMAT || line['version'] !== 1)
          throw new BackupError('这不是议事同步服务的备份文件（或版本不受支持）');
        header = line as unknown as BackupHeader;
      } else if (typeof line['n'] === 'string') {
        const d = digests.get(line['n']) ?? { rows: 0, hash: createHash('sha256') };
        d.rows += 1;
        d.hash.update(`${text}\n`);
        digests.set(line['n'], d);
      } else if (line['t'] !== 'sequence') {
        throw new BackupError('备份文件中有无法识别的内容');
      }
      if (onLine) await onLine(line as unknown as BackupLine);
    }
  } catch (err) {
    if (err instanceof BackupError) throw err;
    throw new BackupError(`备份文件无法读取（损坏或不完整）：${(err as Error).message}`);
  }
  if (!header || !end) throw new BackupError('备份文件不完整：缺少开头或结束标记');
  if (whole.digest('hex') !== end.sha256) throw new BackupError('备份文件的摘要不符：文件已损坏或被改动');
  for (const [table, expected] of Object.entries(end.tables)) {
    const got = digests.get(table);
    const rows = got?.rows ?? 0;
    const sha = got?.hash.digest('hex') ?? createHash('sha256').digest('hex');
    if (rows !== expected.rows || sha !== expected.sha256)
      throw new BackupError(`备份文件中表 ${table} 的摘要不符：文件已损坏或被改动`);
  }
  return { header, tables: end.tables, sha256: end.sha256 };
}
