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
  const summary = await writeBackup(store.driver, file, {
    hubId: store.hubId,
    epoch: store.epoch,
    now,
    piiKeyId: store.piiKeyId,
  });
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
    r.piiKeyId
      ? `居民的电话、身份证号和详细地址已用服务器密钥（${r.piiKeyId}）加密；没有 hub-key 文件无法恢复，请另行妥善保管该文件。`
      : '注意：备份中的居民个人信息未加密。',
    '其余内容（姓名、诉求等）为明文，请加密存放，仅限授权人员接触。',
  ];
}
