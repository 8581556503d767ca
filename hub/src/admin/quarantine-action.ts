// The admin's view of the quarantine (`npm run hub -- quarantine list|show|purge`), shared by the
// loopback admin route and the CLI's direct database access. Reading and purging are audited:
// refused rows may hold residents' personal data.

import type { QuarantineRecord, QuarantineSummary, Store } from '../store/store';
import { QUARANTINE_CAP } from '../store/quarantine-sql';

export type QuarantineOrder =
  | { op: 'list'; deviceId?: string; limit: number }
  | { op: 'show'; id: number }
  | { op: 'purge'; deviceId?: string; before?: string; all?: boolean };

export type QuarantineAnswer =
  | {
      op: 'list';
      cap: number;
      devices: Array<QuarantineSummary & { throttled: boolean }>;
      records: QuarantineRecord[];
    }
  | { op: 'show'; record: (QuarantineRecord & { row: unknown }) | null }
  | { op: 'purge'; purged: number };

const DEVICE_ID = /^[\w-]{1,64}$/;

/** Validates an order from the CLI or the admin route; returns a Chinese reason or the order. */
export function parseQuarantineOrder(input: unknown): QuarantineOrder | string {
  if (typeof input !== 'object' || input === null) return '请求必须是对象';
  const v = input as Record<string, unknown>;
  const deviceId = v['deviceId'];
  if (deviceId !== undefined && (typeof deviceId !== 'string' || !DEVICE_ID.test(deviceId)))
    return 'deviceId 格式不正确';
  const device = typeof deviceId === 'string' ? { deviceId } : {};
  switch (v['op']) {
    case 'list': {
      const limit = v['limit'] ?? 50;
      if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 0 || limit > 10_000)
        return 'limit 必须是 0 到 10000 的整数';
      return { op: 'list', limit, ...device };
    }
    case 'show': {
      const id = v['id'];
      if (typeof id !== 'number' || !Number.isSafeInteger(id) || id <= 0) return '编号必须是正整数';
      return { op: 'show', id };
    }
    case 'purge': {
      const before = v['before'];
      if (before !== undefined && (typeof before !== 'string' || Number.isNaN(Date.parse(before))))
        return 'before 不是有效时间';
      if (deviceId === undefined && before === undefined && v['all'] !== true)
        return '请用 --device、--before 或 --all 指明要清除哪些记录';
      return { op: 'purge', ...device, ...(typeof before === 'string' ? { before } : {}) };
    }
    default:
      return 'op 必须是 list、show 或 purge';
  }
}

export async function runQuarantineOrder(
  store: Store,
  order: QuarantineOrder,
  actor: string,
  now: Date,
): Promise<QuarantineAnswer> {
  switch (order.op) {
    case 'list': {
      const summary = await store.quarantineSummary();
      const devices = await Promise.all(
        summary.map(async (s) => ({
          ...s,
          throttled: (await store.quarantineThrottledUntil(s.deviceId, now)) !== null,
        })),
      );
      const filter = order.deviceId !== undefined ? { deviceId: order.deviceId } : {};
      const records = await store.quarantineRecords({ ...filter, limit: order.limit });
      await store.audit({ at: now.toISOString(), actor, action: 'quarantine.list', detail: { ...filter } });
      return { op: 'list', cap: QUARANTINE_CAP, devices, records };
    }
    case 'show': {
      const record = await store.quarantineRecord(order.id);
      await store.audit({
        at: now.toISOString(),
        actor,
        action: 'quarantine.show',
        detail: { id: order.id },
      });
      return { op: 'show', record };
    }
    case 'purge': {
      const filter = {
        ...(order.deviceId !== undefined ? { deviceId: order.deviceId } : {}),
        ...(order.before !== undefined ? { before: new Date(order.before) } : {}),
      };
      const purged = await store.purgeQuarantine(filter);
      await store.audit({
        at: now.toISOString(),
        actor,
        action: 'quarantine.purge',
        detail: { ...filter, purged },
      });
      return { op: 'purge', purged };
    }
  }
}
