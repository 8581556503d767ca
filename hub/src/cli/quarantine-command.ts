// Output of `npm run hub -- quarantine list|show|purge`: what an administrator reads in a terminal.

import type { QuarantineAnswer } from '../admin/quarantine-action';

const beijing = (iso: string | null) =>
  iso === null
    ? '-'
    : new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

export function quarantineLines(answer: QuarantineAnswer): { out: string[]; code: number } {
  switch (answer.op) {
    case 'list': {
      if (answer.devices.length === 0) return { out: ['隔离区是空的。'], code: 0 };
      const out = [`每台设备最多保留最近 ${answer.cap} 条被拒收的数据（北京时间）：`];
      for (const d of answer.devices) {
        const dropped =
          d.dropped > 0 ? `，已丢弃更早的 ${d.dropped} 条（最近一次 ${beijing(d.lastDroppedAt)}）` : '';
        out.push(`  ${d.deviceId}\t保留 ${d.kept} 条${dropped}${d.throttled ? '，推送已被限速' : ''}`);
      }
      if (answer.records.length > 0) out.push('', '编号\t时间\t设备\t集合\t文档\t原因');
      for (const r of answer.records)
        out.push([r.id, beijing(r.at), r.deviceId, r.collection, r.docId ?? '-', r.reason].join('\t'));
      return { out, code: 0 };
    }
    case 'show': {
      const r = answer.record;
      if (!r) return { out: ['没有这条隔离记录。'], code: 1 };
      return {
        out: [
          `编号 ${r.id}  ${beijing(r.at)}（北京时间）  设备 ${r.deviceId}`,
          `集合 ${r.collection}  文档 ${r.docId ?? '-'}  ${r.code}：${r.reason}`,
          JSON.stringify(r.row, null, 2),
        ],
        code: 0,
      };
    }
    case 'purge':
      return { out: [`已清除 ${answer.purged} 条隔离记录。`], code: 0 };
  }
}
