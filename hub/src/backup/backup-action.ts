// `npm run hub -- backup`, shared by the loopback admin route (hub running) and the CLI's direct
// database access (hub stopped); written to admin_audit like every admin action.

import { isAbsolute } from 'node:path';
import type { Store } from '../store/store';
import { writeBackup } from './backup-file';
import type { BackupSummary } from './backup-file';

export function parseBackupOrder(input: unknown): { file: string } | string {
  const file = (input as { file?: unknown } | null)?.file;
  if (typeof file !== 'string' || !isAbsolute(file) || file.includes('\u0000'))
    return 'file 必须是备份文件的绝对路径';
  return { file };
}

export async function backupAudited(
  store: Store,
  file: string,
  actor: string,
  now: Date,
): Promise<BackupSummary> {
  const summary = await writeBackup(store.driver, file, { hubId: store.hubId, epoch: store.epoch, now });
  await store.audit({
    at: now.toISOString(),
    actor,
    action: 'hub.backup',
    detail: {
      file,
      sha256: summary.sha256,
      rows: Object.values(summary.tables).reduce((n, t) => n + t.rows, 0),
    },
  });
  return summary;
}

/** What the administrator reads after a backup. */
export function backupLines(r: BackupSummary): string[] {
  const rows = Object.values(r.tables).reduce((n, t) => n + t.rows, 0);
  return [
    `已备份到 ${r.file}：${Object.keys(r.tables).length} 个表，${rows} 行，摘要 sha256 ${r.sha256}。`,
    '备份含居民个人信息，请像对待数据库一样保管（仅限授权人员，加密存放）。',
  ];
}
