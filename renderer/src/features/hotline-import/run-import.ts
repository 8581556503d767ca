// Running an import against the local database: read every row (in chunks, yielding to the UI),
// look up the work orders already held by number, plan, then write in batches with progress.
import type { ClassMapping } from '#shared/domain/hotline/classes';
import { importDocuments } from '#shared/domain/hotline/documents';
import { planImport, type ImportPlan } from '#shared/domain/hotline/plan';
import { createPlaceMatcher } from '#shared/domain/hotline/places';
import { readRow, type RawTable, type RowResult } from '#shared/domain/hotline/rows';
import type { ColumnMapping } from '#shared/domain/hotline/fields';
import type { DemandDoc } from '#shared/schema/index';
import type { YishiDatabase } from '../../db/create-database';
import { nowIso } from '../../db/ids';
import { audit, type Author } from '../../db/write';

export interface ImportProgress {
  phase: 'checking' | 'writing';
  done: number;
  total: number;
}

const READ_CHUNK = 500;
const LOOKUP_CHUNK = 400;
const WRITE_BATCH = 250;

/** Lets the browser paint and handle input between chunks of work. */
export const yieldToUi = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function loadMatcher(db: YishiDatabase) {
  const places = (await db.places.find().exec()).map((p) => p.toJSON());
  const names = new Map(places.map((p) => [p.id, p.name]));
  const byId = new Map(places.map((p) => [p.id, p]));
  // "惠新东街6号院 3号楼" reads better in a preview than "3号楼" alone.
  const placeName = (id: string) => {
    const parts: string[] = [];
    let place = byId.get(id);
    while (place && place.kind !== 'community' && place.kind !== 'street') {
      parts.unshift(place.name);
      place = place.parentId ? byId.get(place.parentId) : undefined;
    }
    return parts.length > 0 ? parts.join(' ') : (names.get(id) ?? id);
  };
  return { matcher: createPlaceMatcher(places), placeName };
}

async function readAll(
  db: YishiDatabase,
  table: RawTable,
  mapping: ColumnMapping,
  classes: ClassMapping,
  onProgress: (p: ImportProgress) => void,
): Promise<RowResult[]> {
  const { matcher, placeName } = await loadMatcher(db);
  const ctx = { matcher, placeName, classes, now: nowIso() };
  const results: RowResult[] = [];
  for (let i = 0; i < table.rows.length; i += READ_CHUNK) {
    for (const row of table.rows.slice(i, i + READ_CHUNK))
      results.push(readRow(row, table.headers, mapping, ctx));
    onProgress({
      phase: 'checking',
      done: Math.min(i + READ_CHUNK, table.rows.length),
      total: table.rows.length,
    });
    await yieldToUi();
  }
  return results;
}

async function existingByOrderNo(db: YishiDatabase, orderNos: string[]): Promise<Map<string, DemandDoc>> {
  const found = new Map<string, DemandDoc>();
  for (let i = 0; i < orderNos.length; i += LOOKUP_CHUNK) {
    const docs = await db.demands
      .find({ selector: { hotlineOrderNo: { $in: orderNos.slice(i, i + LOOKUP_CHUNK) } } })
      .exec();
    for (const doc of docs) {
      const json = doc.toJSON() as DemandDoc;
      if (json.hotlineOrderNo) found.set(json.hotlineOrderNo, json);
    }
  }
  return found;
}

export interface ImportResult {
  plan: ImportPlan;
  fileName: string;
  rowCount: number;
}

export async function runImport(
  db: YishiDatabase,
  author: Author,
  homeScope: string,
  fileName: string,
  table: RawTable,
  mapping: ColumnMapping,
  classes: ClassMapping,
  onProgress: (p: ImportProgress) => void,
): Promise<ImportResult> {
  const rows = await readAll(db, table, mapping, classes, onProgress);
  const orderNos = [...new Set(rows.flatMap((r) => (r.ok ? [r.demand.hotlineOrderNo] : [])))];
  const existing = await existingByOrderNo(db, orderNos);
  const plan = planImport(rows, existing);
  const docs = importDocuments(plan, existing, { now: nowIso(), by: author.deviceId });
  for (let i = 0; i < docs.length; i += WRITE_BATCH) {
    const result = await db.demands.bulkUpsert(docs.slice(i, i + WRITE_BATCH));
    if (result.error.length > 0) throw new Error(`有 ${result.error.length} 条诉求写入失败`);
    onProgress({ phase: 'writing', done: Math.min(i + WRITE_BATCH, docs.length), total: docs.length });
    await yieldToUi();
  }
  await audit(db, author, homeScope, 'demand.import', {
    collection: 'demands',
    detail: `导入12345工单文件“${fileName}”：共 ${table.rows.length} 行，新增 ${plan.create.length}，更新 ${plan.update.length}，未变 ${plan.unchanged.length}，拒绝 ${plan.refused.length}，冲突 ${plan.conflicts.length}`,
  });
  return { plan, fileName, rowCount: table.rows.length };
}
