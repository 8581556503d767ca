// The admin actions, shared by the loopback admin routes (hub running) and the CLI's direct
// database access (hub stopped). Each one is written to admin_audit.

import type { ActorRole } from '#shared/domain/vocab';
import { isValidScope } from '#shared/domain/places/index';
import { MAX_DEVICE_NAME_LENGTH, isActorRole } from '#shared/protocol/v1';
import type { AdminEnrollResponse, DeviceInfo } from '#shared/protocol/v1';
import { generateEnrollCode, hashEnrollCode, normalizeEnrollCode } from '../secrets';
import type { Store } from '../store/store';

export const DEFAULT_CODE_TTL_MINUTES = 24 * 60;
export const MAX_CODE_TTL_MINUTES = 30 * 24 * 60;

export interface EnrollOrder {
  scope: string;
  role: ActorRole;
  name: string;
  ttlMinutes: number;
}

/** Validates an enrollment order from the CLI or the admin route; returns a Chinese reason or the order. */
export function parseEnrollOrder(input: unknown): EnrollOrder | string {
  if (typeof input !== 'object' || input === null) return '请求必须是对象';
  const v = input as Record<string, unknown>;
  if (!isValidScope(v['scope'])) return 'scope 格式不正确（例如 xg.gyj）';
  if (!isActorRole(v['role'])) return 'role 不是已知角色';
  const name = v['name'];
  if (
    typeof name !== 'string' ||
    name.trim() === '' ||
    name.length > MAX_DEVICE_NAME_LENGTH ||
    name.includes('\u0000')
  ) {
    return `name 必须是 1 到 ${MAX_DEVICE_NAME_LENGTH} 个字符`;
  }
  const ttl = v['ttlMinutes'] ?? DEFAULT_CODE_TTL_MINUTES;
  if (typeof ttl !== 'number' || !Number.isFinite(ttl) || ttl <= 0 || ttl > MAX_CODE_TTL_MINUTES) {
    return `ttlMinutes 必须在 0 到 ${MAX_CODE_TTL_MINUTES} 之间`;
  }
  return { scope: v['scope'], role: v['role'], name: name.trim(), ttlMinutes: ttl };
}

export async function issueEnrollCode(
  store: Store,
  order: EnrollOrder,
  actor: string,
  now: Date,
): Promise<AdminEnrollResponse> {
  const code = generateEnrollCode();
  const normalized = normalizeEnrollCode(code);
  if (normalized === null) throw new Error('generated code does not normalise');
  const expiresAt = new Date(now.getTime() + Math.round(order.ttlMinutes * 60_000));
  await store.createEnrollCode({
    codeHash: hashEnrollCode(normalized),
    scope: order.scope,
    role: order.role,
    label: order.name,
    now,
    expiresAt,
  });
  await store.audit({
    at: now.toISOString(),
    actor,
    action: 'enroll-code.issue',
    detail: { scope: order.scope, role: order.role, name: order.name, expiresAt: expiresAt.toISOString() },
  });
  return { code, expiresAt: expiresAt.toISOString() };
}

export async function revokeDeviceAudited(
  store: Store,
  deviceId: string,
  actor: string,
  now: Date,
): Promise<DeviceInfo | null> {
  const device = await store.revokeDevice(deviceId, now);
  await store.audit({
    at: now.toISOString(),
    actor,
    action: 'device.revoke',
    detail: { deviceId: deviceId.slice(0, 64), found: device !== null },
  });
  return device;
}

export async function listDevicesAudited(store: Store, actor: string, now: Date): Promise<DeviceInfo[]> {
  const devices = await store.listDevices();
  await store.audit({
    at: now.toISOString(),
    actor,
    action: 'device.list',
    detail: { count: devices.length },
  });
  return devices;
}
