import { can, type Actor } from '#shared/domain/permissions/index';
import type { DemandDoc } from '#shared/schema/index';
import type { YishiDatabase } from '../../db/create-database';
import { audit } from '../../db/write';
import { platform } from '../../platform';
import { buildLedgerWorkbook, type ExportLabels } from './export-workbook';

const CHUNK = 1000;

export interface ExportOutcome {
  saved: boolean;
  count: number;
  masked: boolean;
}

/**
 * Exports the demands of the current (filtered) ledger in its order. Personal data is masked
 * unless the actor may export it (`export.pii`), and a saved export is written to the audit trail.
 */
export async function exportLedger(
  db: YishiDatabase,
  actor: Actor,
  scope: string,
  ids: readonly string[],
  labels: ExportLabels,
  fileName: string,
): Promise<ExportOutcome> {
  const demands: DemandDoc[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const found = await db.demands.findByIds(chunk).exec();
    for (const id of chunk) {
      const doc = found.get(id);
      if (doc) demands.push(doc.toJSON() as DemandDoc);
    }
  }
  const masked = !can(actor, 'export.pii', { scope, collection: 'demands' });
  const { default: ExcelJS } = await import('exceljs');
  const workbook = buildLedgerWorkbook(ExcelJS, demands, { pii: !masked }, labels);
  const data = new Uint8Array(await workbook.xlsx.writeBuffer());
  const saved = await platform.saveFile(fileName, data, [{ name: 'Excel', extensions: ['xlsx'] }]);
  if (saved) {
    await audit(db, { deviceId: actor.id }, scope, 'demand.export', {
      collection: 'demands',
      detail: `${demands.length} 条${masked ? '，个人信息已脱敏' : '，含个人信息'}：${fileName}`,
    });
  }
  return { saved, count: demands.length, masked };
}
