// One spreadsheet row → the fields of a demand, or the reasons it cannot be one (in Chinese, per
// column, so a person can fix the file). Rows are independent: a bad row never stops the others.
import type { DemandCategory, DemandType, Urgency } from '#shared/domain/vocab';
import { HOTLINE_FIELD_LABELS, HOTLINE_FIELDS, type ColumnMapping, type HotlineField } from './fields';
import { categoryFor, classPath, DEFAULT_CLASS_MAPPING, type ClassMapping } from './classes';
import { readHandling, type HandlingFacts } from './handling-row';
import type { PlaceMatcher } from './places';
import { demandTypeOf, mentionsVulnerable, normalisePhone, parseHotlineTime, urgencyOf } from './values';

export interface RawRow {
  /** The row number a spreadsheet shows (the header is usually row 1). */
  readonly rowNumber: number;
  readonly cells: readonly string[];
}

export interface RawTable {
  readonly headers: readonly string[];
  readonly rows: readonly RawRow[];
}

/** The fields a 12345 import owns on a demand; everything else (topic, duplicate …) is the app's. */
export interface HotlineDemand extends HandlingFacts {
  readonly hotlineOrderNo: string;
  readonly placeId: string;
  readonly scope: string;
  readonly title: string;
  readonly description: string;
  readonly type: DemandType;
  readonly category: DemandCategory;
  readonly urgency: Urgency;
  readonly receivedAt: string;
  readonly reporterName?: string;
  readonly reporterPhone?: string;
  readonly addressDetail?: string;
  readonly vulnerable: boolean;
  /** The city's class path (一级/二级/三级分类 or 问题分类). */
  readonly hotlineCategory?: string;
  /** Present (true) when no mapped class decided the category and it was guessed from the text. */
  readonly categoryGuessed?: boolean;
}

export interface RowError {
  readonly rowNumber: number;
  /** The column header as the file has it (or the field's label when no column was mapped). */
  readonly column: string;
  readonly message: string;
}

export type RowResult =
  | {
      readonly ok: true;
      readonly rowNumber: number;
      readonly demand: HotlineDemand;
      readonly placeName: string;
    }
  | {
      readonly ok: false;
      readonly rowNumber: number;
      readonly orderNo?: string;
      readonly errors: readonly RowError[];
    };

export interface RowContext {
  readonly matcher: PlaceMatcher;
  /** The import time: a receipt time after it (plus a day of clock slack) is refused. */
  readonly now: string;
  /** Place names by id, for the preview. */
  readonly placeName?: (placeId: string) => string;
  /** The city's classes → categories; the built-in table when absent. */
  readonly classes?: ClassMapping;
}

const ORDER_NO = /^[A-Za-z0-9][A-Za-z0-9_-]{3,39}$/;
const TITLE_LIMIT = 200;
const TEXT_LIMIT = 4000;
const NAME_LIMIT = 64;
const DAY = 86_400_000;

/** The first non-empty row is the header; data rows keep their spreadsheet row numbers. */
export function tableFromRows(rows: readonly (readonly string[])[], firstRowNumber = 1): RawTable {
  const headerIndex = rows.findIndex((r) => r.some((c) => c.trim() !== ''));
  if (headerIndex < 0) return { headers: [], rows: [] };
  const headers = (rows[headerIndex] as readonly string[]).map((h) => h.trim());
  const data: RawRow[] = [];
  for (let i = headerIndex + 1; i < rows.length; i += 1) {
    const cells = rows[i] as readonly string[];
    if (cells.every((c) => c.trim() === '')) continue;
    data.push({ rowNumber: firstRowNumber + i, cells });
  }
  return { headers, rows: data };
}

/** A title from the first clause of the description when the file has none. */
export function titleFrom(description: string): string {
  const first = description.split(/[。！？!?\n；;]/)[0] ?? description;
  const clause = first.length > 30 ? `${first.slice(0, 29)}…` : first;
  return clause.trim() || '12345 工单';
}

export function readRow(
  row: RawRow,
  headers: readonly string[],
  mapping: ColumnMapping,
  ctx: RowContext,
): RowResult {
  const index = new Map(headers.map((h, i) => [h, i]));
  const errors: RowError[] = [];
  const column = (field: HotlineField) => mapping[field] ?? HOTLINE_FIELD_LABELS[field];
  const cell = (field: HotlineField): string => {
    const header = mapping[field];
    const i = header === undefined ? undefined : index.get(header);
    return i === undefined ? '' : (row.cells[i] ?? '').trim();
  };
  const fail = (field: HotlineField, message: string) =>
    errors.push({ rowNumber: row.rowNumber, column: column(field), message });

  const orderNo = cell('orderNo');
  if (orderNo === '') fail('orderNo', '缺少工单编号');
  else if (!ORDER_NO.test(orderNo))
    fail('orderNo', `工单编号“${orderNo}”格式不正确（应为 4–40 位字母或数字）`);

  const receivedText = cell('receivedAt');
  const receivedAt = parseHotlineTime(receivedText);
  if (receivedText === '') fail('receivedAt', '缺少受理时间');
  else if (!receivedAt) fail('receivedAt', `无法识别的受理时间“${receivedText}”（例如 2026-03-01 09:30）`);
  else if (Date.parse(receivedAt) > Date.parse(ctx.now) + DAY)
    fail('receivedAt', `受理时间“${receivedText}”晚于今天`);

  const description = cell('description');
  if (description === '') fail('description', '缺少诉求内容');
  else if (description.length > TEXT_LIMIT) fail('description', `诉求内容超过 ${TEXT_LIMIT} 字`);

  const typeText = cell('type');
  const type = typeText === '' ? 'complaint' : demandTypeOf(typeText);
  if (!type) fail('type', `无法识别的诉求类型“${typeText}”（应为咨询、求助、投诉、举报或建议）`);

  const urgencyText = cell('urgency');
  const urgency = urgencyOf(urgencyText);
  if (!urgency) fail('urgency', `无法识别的紧急程度“${urgencyText}”（应为一般、紧急或特急）`);

  const phone = normalisePhone(cell('reporterPhone'));
  if (phone === null) fail('reporterPhone', `联系电话“${cell('reporterPhone')}”不是有效的电话号码`);

  const reporterName = cell('reporterName');
  if (reporterName.length > NAME_LIMIT) fail('reporterName', '来电人姓名过长');

  const handling = receivedAt ? readHandling(cell, receivedAt, fail) : {};

  const community = cell('community');
  const courtyard = cell('courtyard');
  const address = cell('address');
  const match = ctx.matcher.match({ community, courtyard, address });
  if (!match) {
    if (community === '' && courtyard === '' && address === '')
      fail('address', '缺少所属社区和地址，无法确定地点');
    else if (community !== '' && !ctx.matcher.knowsCommunity(community))
      fail('community', `未知社区“${community}”，地址“${address || courtyard}”也无法匹配到本街道的院落`);
    else fail('address', `地址“${address || courtyard}”无法匹配到本街道的地点`);
  }

  if (errors.length > 0 || !match || !receivedAt || !type || !urgency) {
    return { ok: false, rowNumber: row.rowNumber, ...(orderNo ? { orderNo } : {}), errors };
  }
  const titleText = cell('title');
  const hotlineCategory =
    classPath(cell('class1'), cell('class2'), cell('class3')) || classPath(cell('category'));
  const { category, guessed } = categoryFor(
    hotlineCategory,
    ctx.classes ?? DEFAULT_CLASS_MAPPING,
    titleText,
    description,
  );
  const demand: HotlineDemand = {
    hotlineOrderNo: orderNo,
    placeId: match.place.id,
    scope: match.place.scope,
    title: (titleText || titleFrom(description)).slice(0, TITLE_LIMIT),
    description,
    type,
    category,
    urgency,
    receivedAt,
    ...handling,
    ...(hotlineCategory ? { hotlineCategory: hotlineCategory.slice(0, 200) } : {}),
    ...(guessed ? { categoryGuessed: true } : {}),
    ...(reporterName ? { reporterName } : {}),
    ...(phone ? { reporterPhone: phone } : {}),
    ...(address ? { addressDetail: address.slice(0, TEXT_LIMIT) } : {}),
    vulnerable: mentionsVulnerable(description),
  };
  return {
    ok: true,
    rowNumber: row.rowNumber,
    demand,
    placeName: ctx.placeName?.(match.place.id) ?? match.place.name,
  };
}

/** Every row of a table, in file order. */
export function readRows(table: RawTable, mapping: ColumnMapping, ctx: RowContext): RowResult[] {
  return table.rows.map((row) => readRow(row, table.headers, mapping, ctx));
}

/** The city's class path of each row (一级/二级/三级分类, else 问题分类), in file order. */
export function classPaths(table: RawTable, mapping: ColumnMapping): string[] {
  const at = (field: HotlineField) =>
    mapping[field] === undefined ? -1 : table.headers.indexOf(mapping[field]);
  const columns = (['class1', 'class2', 'class3'] as const).map(at);
  const category = at('category');
  const text = (cells: readonly string[], i: number) => (i < 0 ? '' : (cells[i] ?? ''));
  return table.rows.map(
    (row) => classPath(...columns.map((i) => text(row.cells, i))) || classPath(text(row.cells, category)),
  );
}

/** The fields a mapping leaves without a column (for the mapping step's hints). */
export function unmappedFields(mapping: ColumnMapping): HotlineField[] {
  return HOTLINE_FIELDS.filter((f) => !mapping[f]);
}
