// Output of `npm run hub -- import-bundle`: imports a hall's sync bundle, writes the return bundle
// beside it and tells the administrator what happened.

import { writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { bundleFileName } from '#shared/protocol/bundle';
import type { Command } from './args';
import type { AdminApi } from './admin';
import type { BundleImportReport } from '../admin/bundle-action';

/** Beijing time as `YYYYMMDD-HHmm`, for file names. */
function beijingStamp(iso: string): string {
  const t = new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString();
  return `${t.slice(0, 10).replace(/-/g, '')}-${t.slice(11, 16).replace(':', '')}`;
}

const beijingTime = (iso: string) =>
  new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

/**
 * A revoked device's unsynced changes, taken in by the administrator (--from-revoked). No return
 * bundle: the device is wiped. What the hub did not write is named, so that the street office can
 * settle it by hand from the file (conflicts: the hub's document was changed meanwhile; refusals:
 * also kept in quarantine).
 */
function revokedReport(r: BundleImportReport, json: boolean): { out: string[]; code: number } {
  const conflicts: string[] = [];
  const refused: string[] = [];
  for (const [collection, outcome] of Object.entries(r.answer.outcomes)) {
    for (const id of outcome?.conflicts ?? []) conflicts.push(`${collection}/${id}`);
    for (const row of outcome?.refused ?? []) refused.push(`${collection}/${row.id}：${row.reason}`);
  }
  const { answer: _answer, ...summary } = r;
  if (json)
    return { out: [JSON.stringify({ ...summary, conflictIds: conflicts, refusedRows: refused })], code: 0 };
  const who = `已停用设备“${r.device.label}”（${r.device.deviceId}，${r.device.scope}，停用于 ${beijingTime(r.device.revokedAt ?? '')}）`;
  const out = [
    r.replay
      ? `${who}的未同步修改 ${r.bundleId} 已于 ${beijingTime(r.firstImportedAt ?? r.answer.createdAt)}（北京时间）导入过，这次没有再写入任何数据。`
      : `已导入${who}的未同步修改 ${r.bundleId}：更改 ${r.rows} 条，写入 ${r.written} 条，冲突 ${r.conflicts} 条，拒收 ${r.refused} 条。`,
  ];
  if (conflicts.length > 0)
    out.push(`以下记录在服务器上已被他人修改，未写入，请对照文件中的内容人工处理：${conflicts.join('、')}`);
  if (refused.length > 0) out.push(`以下记录被拒收（也保存在隔离区）：${refused.join('；')}`);
  return { out, code: 0 };
}

export async function importBundleCommand(
  cmd: Extract<Command, { command: 'import-bundle' }>,
  api: AdminApi,
): Promise<{ out: string[]; code: number }> {
  const file = resolve(cmd.file);
  const r = await api.importBundle(file, { fromRevoked: cmd.fromRevoked === true });
  if (r.device.revokedAt !== null) return revokedReport(r, cmd.json === true);
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
