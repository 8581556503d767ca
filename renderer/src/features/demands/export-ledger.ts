import type ExcelJS from 'exceljs';
import { can, type Actor } from '#shared/domain/permissions/index';
import type { DemandDoc } from '#shared/schema/index';
import type { YishiDatabase } from '../../db/create-database';
import { audit } from '../../db/write';
import { platform } from '../../platform';
import { buildLedgerWorkbook, type ExportLabels } from './export-workbook';

const CHUNK = 1000;

type ExcelModule = { default: typeof ExcelJS };

let excel: Promise<ExcelModule> | undefined;

/**
 * ExcelJS is large, so it is its own chunk; it is fetched in the background when the app starts,
 * because in browser mode a chunk cannot be fetched once the network is gone.
 */
function loadExcel(): Promise<ExcelModule> {
  excel ??= import('exceljs').catch((error: unknown) => {
    excel = undefined;
    throw error;
  });
  return excel;
}
void loadExcel().catch(() => undefined);

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
  const { default: excelJs } = await loadExcel();
  const workbook = buildLedgerWorkbook(excelJs, demands, { pii: !masked }, labels);
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
