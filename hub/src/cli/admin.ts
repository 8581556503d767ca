// Admin commands: over the loopback admin routes when a hub serves the data folder (or --hub
// is given), otherwise directly on the database. Both paths run the same audited actions.

import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import type { AdminEnrollResponse, DeviceInfo, ErrorBody } from '#shared/protocol/v1';
import {
  DEFAULT_CODE_TTL_MINUTES,
  issueEnrollCode,
  listDevicesAudited,
  parseEnrollOrder,
  revokeDeviceAudited,
} from '../admin/actions';
import { silentLogger } from '../log';
import { seedDemoStreet } from '../seed';
import { importBundleAudited, readBundleFile } from '../admin/bundle-action';
import type { BundleImportReport } from '../admin/bundle-action';
import { runQuarantineOrder } from '../admin/quarantine-action';
import type { QuarantineAnswer, QuarantineOrder } from '../admin/quarantine-action';
import { createRowPolicy } from '../sync/policy';
import { importBundleCommand } from './import-bundle-command';
import { quarantineLines } from './quarantine-command';
import { backupAudited, backupLines } from '../backup/backup-action';
import type { BackupSummary } from '../backup/backup-file';
import { purgePii } from '../retention/purge-pii';
import type { PurgeOutcome } from '../retention/purge-pii';
import type { SeedOutcome, Store } from '../store/store';
import type { Command } from './args';
import { openConfiguredStore } from './open-store';
import { publishUpdateAudited } from '../updates/publish-action';
import type { PublishOrder, PublishOutcome } from '../updates/publish-action';
import { processAlive, readAdminSecret, readHubInfo } from './paths';

export class AdminError extends Error {}

export interface AdminApi {
  via: 'http' | 'database';
  enroll(order: {
    scope: string;
    role: string;
    name: string;
    ttlMinutes: number;
  }): Promise<AdminEnrollResponse>;
  devices(): Promise<DeviceInfo[]>;
  revoke(deviceId: string): Promise<DeviceInfo | null>;
  /** Loads the demo street as of `asOf` (ISO time; now when not given). */
  seedDemo(asOf?: string): Promise<SeedOutcome>;
  publishUpdate(order: PublishOrder): Promise<PublishOutcome>;
  /** Imports the bundle file at this absolute path (refusals are AdminErrors). */
  importBundle(file: string, options?: { fromRevoked?: boolean }): Promise<BundleImportReport>;
  quarantine(order: QuarantineOrder): Promise<QuarantineAnswer>;
  /** Writes a backup of the whole database to this absolute path. */
  backup(file: string): Promise<BackupSummary>;
  /** Removes PII past retention (see retention/purge-pii.ts). */
  purgePii(before: string): Promise<PurgeOutcome>;
  close(): Promise<void>;
}

function actorName(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}

function httpApi(baseUrl: string, secret: string): AdminApi {
  const call = async <T>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; json: T }> => {
    const res = await fetch(new URL(path, baseUrl), {
      method,
      headers: {
        Authorization: `Bearer ${secret}`,
        'Content-Type': 'application/json',
        'X-Admin-Actor': actorName(),
      },
      body: body === undefined ? null : JSON.stringify(body),
      signal: AbortSignal.timeout(60_000),
    });
    const json = (await res.json()) as T;
    if (res.status >= 400 && res.status !== 404) {
      const e = (json as unknown as ErrorBody).error;
      throw new AdminError(`同步服务拒绝了请求：${e?.message ?? res.status}`);
    }
    return { status: res.status, json };
  };
  return {
    via: 'http',
    enroll: async (order) => (await call<AdminEnrollResponse>('POST', '/v1/admin/enroll', order)).json,
    devices: async () => (await call<{ devices: DeviceInfo[] }>('GET', '/v1/admin/devices')).json.devices,
    async revoke(deviceId) {
      const r = await call<{ device: DeviceInfo }>(
        'POST',
        `/v1/admin/devices/${encodeURIComponent(deviceId)}/revoke`,
      );
      return r.status === 404 ? null : r.json.device;
    },
    seedDemo: async (asOf) =>
      (
        await call<SeedOutcome>(
          'POST',
          `/v1/admin/seed-demo${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ''}`,
        )
      ).json,
    publishUpdate: async (order) =>
      (await call<PublishOutcome>('POST', '/v1/admin/publish-update', order)).json,
    importBundle: async (file, options) =>
      (
        await call<BundleImportReport>('POST', '/v1/admin/import-bundle', {
          file,
          fromRevoked: options?.fromRevoked === true,
        })
      ).json,
    quarantine: async (order) => (await call<QuarantineAnswer>('POST', '/v1/admin/quarantine', order)).json,
    backup: async (file) => (await call<BackupSummary>('POST', '/v1/admin/backup', { file })).json,
    purgePii: async (before) => (await call<PurgeOutcome>('POST', '/v1/admin/purge-pii', { before })).json,
    close: async () => undefined,
  };
}

function databaseApi(store: Store, dataDir: string): AdminApi {
  const actor = `cli:${actorName()}`;
  return {
    via: 'database',
    async enroll(input) {
      const order = parseEnrollOrder(input);
      if (typeof order === 'string') throw new AdminError(order);
      return issueEnrollCode(store, order, actor, new Date());
    },
    devices: () => listDevicesAudited(store, actor, new Date()),
    revoke: (deviceId) => revokeDeviceAudited(store, deviceId, actor, new Date()),
    seedDemo: (asOf) => seedDemoStreet(store, actor, asOf ? new Date(asOf) : new Date()),
    async publishUpdate(order) {
      const outcome = await publishUpdateAudited(store, join(dataDir, 'updates'), order, actor, new Date());
      if (typeof outcome === 'string') throw new AdminError(outcome);
      return outcome;
    },
    async importBundle(file, options) {
      const text = await readBundleFile(file);
      if (typeof text !== 'string') throw new AdminError(text.error);
      const report = await importBundleAudited(store, createRowPolicy(), text, actor, new Date(), options);
      if ('error' in report) throw new AdminError(report.error);
      return report;
    },
    quarantine: (order) => runQuarantineOrder(store, order, actor, new Date()),
    backup: (file) => backupAudited(store, file, actor, new Date()),
    purgePii: (before) => purgePii(store, new Date(before), actor, new Date()),
    close: () => store.close(),
  };
}

async function healthy(url: string): Promise<boolean> {
  try {
    const res = await fetch(new URL('/v1/health', url), { signal: AbortSignal.timeout(3000) });
    return res.ok;
  } catch {
    return false;
  }
}

/** Chooses how to reach the hub's data for an admin command. */
export async function connectAdmin(options: { dataDir: string; hub?: string }): Promise<AdminApi> {
  const secret = process.env['HUB_ADMIN_SECRET'] || readAdminSecret(options.dataDir);
  if (options.hub !== undefined) {
    if (!secret)
      throw new AdminError(`找不到管理密钥：请给出 --data（含 admin-secret 的目录）或设置 HUB_ADMIN_SECRET`);
    return httpApi(options.hub, secret);
  }
  const info = readHubInfo(options.dataDir);
  if (info && processAlive(info.pid)) {
    if (!secret) throw new AdminError('同步服务正在运行，但找不到它的管理密钥 admin-secret');
    if (!(await healthy(info.url))) {
      throw new AdminError(`同步服务进程 ${info.pid} 正在运行但无法连接 ${info.url}，请稍后再试`);
    }
    return httpApi(info.url, secret);
  }
  return databaseApi(await openConfiguredStore(options.dataDir, silentLogger), options.dataDir);
}

type AdminCommand = Extract<
  Command,
  {
    command:
      | 'enroll'
      | 'devices'
      | 'revoke'
      | 'seed-demo'
      | 'publish-update'
      | 'import-bundle'
      | 'quarantine'
      | 'backup'
      | 'purge-pii';
  }
>;

/** Runs one admin command and returns the lines to print and the exit code. */
export async function runAdmin(cmd: AdminCommand, api: AdminApi): Promise<{ out: string[]; code: number }> {
  switch (cmd.command) {
    case 'enroll': {
      const ttlMinutes = cmd.ttlMinutes ?? DEFAULT_CODE_TTL_MINUTES;
      const r = await api.enroll({ scope: cmd.scope, role: cmd.role, name: cmd.name, ttlMinutes });
      if (cmd.json) return { out: [JSON.stringify({ code: r.code, expiresAt: r.expiresAt })], code: 0 };
      return {
        out: [
          `登记码: ${r.code}`,
          `有效期至: ${r.expiresAt}`,
          `范围: ${cmd.scope}  角色: ${cmd.role}  名称: ${cmd.name}`,
          '此码只能使用一次。',
        ],
        code: 0,
      };
    }
    case 'devices': {
      const devices = await api.devices();
      if (cmd.json) return { out: [JSON.stringify(devices)], code: 0 };
      if (devices.length === 0) return { out: ['还没有登记的设备。'], code: 0 };
      return {
        out: devices.map((d) =>
          [
            d.deviceId,
            d.scope,
            d.role,
            d.label,
            d.name,
            d.revokedAt ? `已停用 ${d.revokedAt}` : `最近同步 ${d.lastSeenAt ?? '-'}`,
          ].join('\t'),
        ),
        code: 0,
      };
    }
    case 'revoke': {
      const device = await api.revoke(cmd.deviceId);
      if (!device) return { out: [`没有这个设备: ${cmd.deviceId}`], code: 1 };
      if (cmd.json) return { out: [JSON.stringify(device)], code: 0 };
      return { out: [`已停用设备 ${device.deviceId}（${device.label}）`], code: 0 };
    }
    case 'seed-demo': {
      const r = await api.seedDemo(cmd.asOf);
      if (cmd.json) return { out: [JSON.stringify(r)], code: 0 };
      return { out: [`示范街道已载入：写入 ${r.written} 条，未变 ${r.unchanged} 条。`], code: 0 };
    }
    case 'import-bundle':
      return importBundleCommand(cmd, api);
    case 'backup': {
      const r = await api.backup(resolve(cmd.out));
      return { out: cmd.json ? [JSON.stringify(r)] : backupLines(r), code: 0 };
    }
    case 'purge-pii': {
      const r = await api.purgePii(cmd.before);
      if (cmd.json) return { out: [JSON.stringify(r)], code: 0 };
      const line = `已清除 ${r.documents} 份文档中的居民个人信息，删除 ${r.quarantine} 条隔离记录（${r.before} 之前）。`;
      return { out: [line], code: 0 };
    }
    case 'quarantine': {
      const answer = await api.quarantine(cmd.order);
      return cmd.json ? { out: [JSON.stringify(answer)], code: 0 } : quarantineLines(answer);
    }
    case 'publish-update': {
      // The hub may run elsewhere in the file system's sense (another cwd): send an absolute path.
      const r = await api.publishUpdate({
        source: resolve(cmd.source),
        ...(cmd.minimumVersion !== undefined ? { minimumVersion: cmd.minimumVersion } : {}),
      });
      if (cmd.json) return { out: [JSON.stringify(r)], code: 0 };
      return {
        out: [
          `已发布版本 ${r.version}（${r.files.length} 个文件，摘要已核对）。`,
          ...(r.removed.length > 0 ? [`已移除旧版本：${r.removed.join('、')}（保留最近三个版本）`] : []),
        ],
        code: 0,
      };
    }
  }
}
