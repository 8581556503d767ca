// Output of `npm run hub -- import-bundle`: imports a hall's sync bundle, writes the return bundle
// beside it and tells the administrator what happened.

import { writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { bundleFileName } from '#shared/protocol/bundle';
import type { Command } from './args';
import type { AdminApi } from './admin';

/** Beijing time as `YYYYMMDD-HHmm`, for file names. */
function beijingStamp(iso: string): string {
  const t = new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString();
  return `${t.slice(0, 10).replace(/-/g, '')}-${t.slice(11, 16).replace(':', '')}`;
}

const beijingTime = (iso: string) =>
  new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

export async function importBundleCommand(
  cmd: Extract<Command, { command: 'import-bundle' }>,
  api: AdminApi,
): Promise<{ out: string[]; code: number }> {
  const file = resolve(cmd.file);
  const r = await api.importBundle(file);
  const target = resolve(
    cmd.out ??
      join(dirname(file), bundleFileName('return', r.device.deviceId, beijingStamp(r.answer.createdAt))),
  );
  await writeFile(target, JSON.stringify(r.answer), { mode: 0o600 });
  const { answer: _answer, ...summary } = r;
  if (cmd.json) return { out: [JSON.stringify({ ...summary, returnFile: target })], code: 0 };
  const who = `设备“${r.device.label}”（${r.device.deviceId}，${r.device.scope}）`;
  return {
    out: [
      r.replay
        ? `${who}的同步包 ${r.bundleId} 已于 ${beijingTime(r.firstImportedAt ?? r.answer.createdAt)}（北京时间）导入过，这次没有再写入任何数据。`
        : `已导入${who}的同步包 ${r.bundleId}：更改 ${r.rows} 条，写入 ${r.written} 条，冲突 ${r.conflicts} 条，拒收 ${r.refused} 条。`,
      `回传包已写入 ${target}（含新增数据 ${r.documentsReturned} 条）。请带回议事厅，在“设备与数据”中用“导入同步包”导入。`,
    ],
    code: 0,
  };
}
