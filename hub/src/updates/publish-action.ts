// Publishing an application update is an admin action like any other: recorded in admin_audit,
// whether the CLI reaches a running hub or the stopped hub's database.

import type { Store } from '../store/store';
import { PublishError, publishRelease } from './releases';

export interface PublishOrder {
  /** The folder electron-builder wrote (latest*.yml, installers, blockmaps). */
  source: string;
  /** Set the version below which devices must update (null clears it; absent keeps it). */
  minimumVersion?: string | null;
}

export interface PublishOutcome {
  version: string;
  files: string[];
  removed: string[];
}

export function parsePublishOrder(input: unknown): PublishOrder | string {
  if (typeof input !== 'object' || input === null) return '请求必须是对象';
  const v = input as Record<string, unknown>;
  if (typeof v['source'] !== 'string' || v['source'] === '' || v['source'].includes('\0'))
    return 'source 必须是发布目录的路径';
  const order: PublishOrder = { source: v['source'] };
  const minimum = v['minimumVersion'];
  if (minimum !== undefined) {
    if (minimum !== null && typeof minimum !== 'string') return 'minimumVersion 必须是版本号';
    order.minimumVersion = minimum;
  }
  return order;
}

export async function publishUpdateAudited(
  store: Store,
  updatesDir: string,
  order: PublishOrder,
  actor: string,
  now: Date,
): Promise<PublishOutcome | string> {
  try {
    const { release, removed } = await publishRelease(updatesDir, order.source, {
      now,
      ...(order.minimumVersion !== undefined ? { minimumVersion: order.minimumVersion } : {}),
    });
    await store.audit({
      at: now.toISOString(),
      actor,
      action: 'update.publish',
      detail: {
        version: release.version,
        files: release.files.length,
        removed,
        minimumVersion: order.minimumVersion ?? null,
      },
    });
    return { version: release.version, files: release.files, removed };
  } catch (err) {
    if (err instanceof PublishError) return err.message;
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return `找不到发布目录 ${order.source}`;
    throw err;
  }
}
