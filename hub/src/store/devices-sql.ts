// SQL of enrollment codes, devices and the admin audit trail. Codes and tokens arrive here
// already hashed; the plain values exist only in the admin's terminal and on the device.

import type { ActorRole } from '#shared/domain/vocab';
import type { DeviceInfo } from '#shared/protocol/v1';
import type { Driver, SqlClient } from '../db/driver';
import { CHANGES_CHANNEL } from './documents-sql';
import type { ChangeNotice } from './documents-sql';

export interface EnrollCodeInput {
  codeHash: string;
  scope: string;
  role: ActorRole;
  label: string;
  now: Date;
  expiresAt: Date;
}

export interface RedeemInput {
  codeHash: string;
  deviceId: string;
  deviceName: string;
  tokenHash: string;
  /** The id the device's documents carry when it set itself up before enrolling. */
  localId?: string | null;
  now: Date;
}

export type RedeemResult =
  | { ok: true; scope: string; role: ActorRole }
  | { ok: false; code: 'code_invalid' | 'code_expired' | 'code_used' }
  /** Another active device already writes under the id this one names; the code stays unused. */
  | { ok: false; code: 'identity_taken'; holder: string };

interface DeviceRow {
  id: string;
  name: string;
  label: string;
  scope: string;
  role: string;
  enrolled_at: Date | string;
  last_seen_at: Date | string | null;
  revoked_at: Date | string | null;
  local_id: string | null;
}

const iso = (v: Date | string | null): string | null => (v === null ? null : new Date(v).toISOString());

function toDeviceInfo(r: DeviceRow): DeviceInfo {
  return {
    deviceId: r.id,
    name: r.name,
    label: r.label,
    scope: r.scope,
    role: r.role as ActorRole,
    enrolledAt: iso(r.enrolled_at) ?? '',
    lastSeenAt: iso(r.last_seen_at),
    revokedAt: iso(r.revoked_at),
    localId: r.local_id ?? null,
  };
}

export async function insertEnrollCode(db: SqlClient, input: EnrollCodeInput): Promise<void> {
  await db.query(
    `insert into enroll_codes (code_hash, scope, role, label, created_at, expires_at) values ($1, $2, $3, $4, $5, $6)`,
    [
      input.codeHash,
      input.scope,
      input.role,
      input.label,
      input.now.toISOString(),
      input.expiresAt.toISOString(),
    ],
  );
}

/** Exchanges a code for a device in one transaction: a code can be redeemed exactly once. */
export async function redeemEnrollCode(db: Driver, input: RedeemInput): Promise<RedeemResult> {
  return db.transaction(async (tx) => {
    const rows = await tx.query<{
      scope: string;
      role: string;
      label: string;
      expires_at: Date | string;
      used_at: unknown;
    }>(`select scope, role, label, expires_at, used_at from enroll_codes where code_hash = $1 for update`, [
      input.codeHash,
    ]);
    const code = rows[0];
    if (!code) return { ok: false, code: 'code_invalid' };
    if (code.used_at !== null) return { ok: false, code: 'code_used' };
    if (new Date(code.expires_at).getTime() <= input.now.getTime())
      return { ok: false, code: 'code_expired' };
    const localId = input.localId ?? null;
    if (localId !== null) {
      // One author id, one active device: otherwise a device could write in another's name.
      const holders = await tx.query<{ label: string }>(
        `select label from devices where revoked_at is null and (id = $1 or local_id = $1) limit 1`,
        [localId],
      );
      if (holders[0]) return { ok: false, code: 'identity_taken', holder: holders[0].label };
    }
    const now = input.now.toISOString();
    await tx.query(`update enroll_codes set used_at = $2, device_id = $3 where code_hash = $1`, [
      input.codeHash,
      now,
      input.deviceId,
    ]);
    await tx.query(
      `insert into devices (id, name, label, scope, role, token_hash, enrolled_at, local_id) values ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [input.deviceId, input.deviceName, code.label, code.scope, code.role, input.tokenHash, now, localId],
    );
    return { ok: true, scope: code.scope, role: code.role as ActorRole };
  });
}

export async function findDeviceByToken(db: SqlClient, tokenHash: string): Promise<DeviceInfo | null> {
  const rows = await db.query<DeviceRow>(`select * from devices where token_hash = $1`, [tokenHash]);
  return rows[0] ? toDeviceInfo(rows[0]) : null;
}

export async function touchDevice(db: SqlClient, deviceId: string, now: Date): Promise<void> {
  await db.query(`update devices set last_seen_at = $2 where id = $1`, [deviceId, now.toISOString()]);
}

export async function listDevices(db: SqlClient): Promise<DeviceInfo[]> {
  const rows = await db.query<DeviceRow>(`select * from devices order by enrolled_at, id`);
  return rows.map(toDeviceInfo);
}

/**
 * Records `localId` as the author id of a device enrolled before the hub asked for it, once, when no
 * other active device writes under that id. True when recorded.
 */
export async function claimLocalId(db: SqlClient, deviceId: string, localId: string): Promise<boolean> {
  const rows = await db.query<{ id: string }>(
    `update devices set local_id = $2, local_id_open = false
      where id = $1 and local_id_open and local_id is null and revoked_at is null
        and not exists (select 1 from devices o
                         where o.revoked_at is null and o.id <> $1 and (o.id = $2 or o.local_id = $2))
      returning id`,
    [deviceId, localId],
  );
  return rows.length > 0;
}

/** Revokes a device and tells every hub process to close its streams. False when unknown. */
export async function revokeDevice(db: Driver, deviceId: string, now: Date): Promise<DeviceInfo | null> {
  return db.transaction(async (tx) => {
    const rows = await tx.query<DeviceRow>(
      `update devices set revoked_at = coalesce(revoked_at, $2) where id = $1 returning *`,
      [deviceId, now.toISOString()],
    );
    if (!rows[0]) return null;
    const notice: ChangeNotice = { t: 'revoke', deviceId };
    await tx.query(`select pg_notify($1, $2)`, [CHANGES_CHANNEL, JSON.stringify(notice)]);
    return toDeviceInfo(rows[0]);
  });
}

export interface AuditEntry {
  at: string;
  actor: string;
  action: string;
  detail: Record<string, unknown>;
}

export async function insertAudit(db: SqlClient, entry: AuditEntry): Promise<void> {
  await db.query(`insert into admin_audit (at, actor, action, detail) values ($1, $2, $3, $4::text::jsonb)`, [
    entry.at,
    entry.actor,
    entry.action,
    JSON.stringify(entry.detail),
  ]);
}

export async function listAudit(db: SqlClient, limit: number): Promise<AuditEntry[]> {
  const rows = await db.query<{
    at: Date | string;
    actor: string;
    action: string;
    detail: Record<string, unknown>;
  }>(`select at, actor, action, detail from admin_audit order by id desc limit $1`, [limit]);
  return rows.map((r) => ({ at: iso(r.at) ?? '', actor: r.actor, action: r.action, detail: r.detail }));
}

export interface QuarantineEntry {
  at: string;
  deviceId: string;
  collection: string;
  docId: string | null;
  code: string;
  reason: string;
  row: unknown;
}

export async function listQuarantine(db: SqlClient, limit: number): Promise<QuarantineEntry[]> {
  const rows = await db.query<{
    at: Date | string;
    device_id: string;
    collection: string;
    doc_id: string | null;
    code: string;
    reason: string;
    row_json: string;
  }>(`select * from quarantine order by id desc limit $1`, [limit]);
  return rows.map((r) => ({
    at: iso(r.at) ?? '',
    deviceId: r.device_id,
    collection: r.collection,
    docId: r.doc_id,
    code: r.code,
    reason: r.reason,
    row: JSON.parse(r.row_json) as unknown,
  }));
}
