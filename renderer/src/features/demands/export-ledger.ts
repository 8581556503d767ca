import type ExcelJS from 'exceljs';
import { can, type Actor } from '#shared/domain/permissions/index';
import type { DemandDoc } from '#shared/schema/index';
import type { YishiDatabase } from '../../db/create-database';
import { saveWorkbook } from '../exports';
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

/** Whether the actor may export residents' personal data in full: read it and export it. */
export const mayExportPii = (actor: Actor, scope: string): boolean =>
  can(actor, 'pii.read', { scope, collection: 'demands' }) &&
  can(actor, 'export.pii', { scope, collection: 'demands' });

/**
 * Exports the demands of the current (filtered) ledger in its order. Personal data is masked
 * unless the person asked for the full export and may have it; the export goes through the one
 * exporter (no formulas, audit trail).
 */
export async function exportLedger(
  db: YishiDatabase,
  actor: Actor,
  scope: string,
  ids: readonly string[],
  labels: ExportLabels,
  fileName: string,
  full = false,
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
  const masked = !(full && mayExportPii(actor, scope));
  const { default: excelJs } = await loadExcel();
  const workbook = buildLedgerWorkbook(excelJs, demands, { pii: !masked }, labels);
  const saved = await saveWorkbook(workbook, fileName, {
    db,
    author: { deviceId: actor.id },
    scope,
    collection: 'demands',
    action: 'demand.export',
    what: `需求台账 ${demands.length} 条`,
    pii: masked ? 'masked' : 'full',
  });
  return { saved, count: demands.length, masked };
}
