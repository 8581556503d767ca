// Reading the values of one work-order cell: times as Beijing wall-clock, deadlines, phone
// numbers, and the 12345 wording of type, category and urgency in the app's vocabularies.
import type { DemandCategory, DemandType, Urgency } from '#shared/domain/vocab';
import { CHINA_CALENDAR, type WorkingCalendar } from '#shared/domain/calendar/calendar';
import { addHours } from '#shared/domain/calendar/days';

const HOUR = 3_600_000;
const BEIJING_OFFSET = 8 * HOUR;
/** Excel's day 0 is 1899-12-30 (it counts the 1900 leap day that never was). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

const DATE_TIME =
  /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT\u3000]*(\d{1,2})\s*[:：时点]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2})(?:\.\d+)?\s*秒?)?\s*分?)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})?)?$/;

function beijingInstant(parts: readonly (string | undefined)[]): string | undefined {
  const [y, mo, d, h = '0', mi = '0', s = '0'] = parts.map((p) => (p === undefined ? undefined : Number(p)));
  if (y === undefined || mo === undefined || d === undefined) return undefined;
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || hour > 23 || minute > 59 || second > 59) return undefined;
  const wall = Date.UTC(y, mo - 1, d, hour, minute, second);
  const check = new Date(wall);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return undefined; // 2月30日
  return new Date(wall - BEIJING_OFFSET).toISOString();
}

/**
 * A work-order time as an ISO instant. Times without a zone are Beijing time (as every 12345
 * export writes them); an Excel serial number (a date cell exported as a number) is understood too.
 */
export function parseHotlineTime(text: string): string | undefined {
  const value = text.trim();
  if (value === '') return undefined;
  const m = DATE_TIME.exec(value);
  if (m) return beijingInstant(m.slice(1));
  const c = COMPACT.exec(value);
  if (c) return beijingInstant(c.slice(1));
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value)) {
    const ms = Date.parse(value);
    return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
  }
  if (/^\d{5}(\.\d+)?$/.test(value)) {
    const serial = Number(value);
    if (serial < 20_000 || serial > 80_000) return undefined;
    const wall = EXCEL_EPOCH + Math.round(serial * 86_400) * 1000;
    return new Date(wall - BEIJING_OFFSET).toISOString();
  }
  return undefined;
}

/**
 * 办理时限: a time, or a span from the start of handling — the dispatch time when the export has
 * one, else the receipt time ("3天", "48小时", "5个工作日"; a bare number is working days, as the
 * city's exports write it). Returns `undefined` for an empty cell and `null` for one that cannot
 * be read.
 */
export function parseDue(
  text: string,
  startedAt: string,
  calendar: WorkingCalendar = CHINA_CALENDAR,
): string | undefined | null {
  const value = text.trim();
  if (value === '') return undefined;
  const span = /^(\d{1,3})\s*(个)?\s*(工作日|天|日|小时|时|h)?$/i.exec(value);
  if (span) {
    const n = Number(span[1]);
    const unit = span[3] ?? '工作日';
    if (unit === '工作日') return calendar.addWorkingDays(startedAt, n);
    if (unit === '天' || unit === '日') return addHours(startedAt, n * 24);
    return addHours(startedAt, n);
  }
  return parseHotlineTime(value) ?? null;
}

// The phone rule is the ledger's, shared with intake.
export { normalisePhone } from '#shared/domain/ledger/fields';

const TYPE_WORDS: readonly (readonly [string, DemandType])[] = [
  ['咨询', 'inquiry'],
  ['求助', 'help'],
  ['投诉', 'complaint'],
  ['举报', 'report'],
  ['建议', 'suggestion'],
  ['意见', 'suggestion'],
];

export function demandTypeOf(text: string): DemandType | undefined {
  const value = text.trim();
  for (const [word, type] of TYPE_WORDS) if (value.includes(word)) return type;
  return (['inquiry', 'help', 'complaint', 'report', 'suggestion'] as const).find((t) => t === value);
}

// Checked in order: the more specific class first (垃圾分类 before 环境, 电动车充电 before 电气).
const CATEGORY_WORDS: readonly (readonly [RegExp, DemandCategory])[] = [
  [/垃圾分类|分类投放|桶站/, 'wasteSorting'],
  [/电动(自行)?车|充电/, 'evCharging'],
  [/停车|车位|僵尸车|占道/, 'parking'],
  [/老旧小区|综合整治|加装电梯|改造/, 'oldEstateRenovation'],
  [/物业/, 'propertyService'],
  [/环境|卫生|保洁|垃圾|异味|清运/, 'sanitation'],
  [/漏雨|漏水|房屋|墙皮|屋面|维修/, 'housingRepair'],
  [/供暖|暖气|供热|电气|线路|燃气|停电|路灯|楼道灯/, 'electricHeating'],
  [/纠纷|邻里|噪音|噪声|扰民|养犬|宠物/, 'neighbourDispute'],
  [/养老|助残|助餐|老人|残疾|无障碍/, 'elderlyDisabledCare'],
  [/治安|消防|安全|盗|监控/, 'safetyFire'],
  [/绿化|树木|绿地|园林/, 'greening'],
  [/设施|座椅|健身|道路|井盖/, 'publicFacilities'],
];

/** The demand category for a 12345 问题分类 (a path such as "城乡建设/物业管理/保洁"); 'other' if none fits. */
export function demandCategoryOf(...texts: readonly string[]): DemandCategory {
  for (const text of texts) {
    for (const [pattern, category] of CATEGORY_WORDS) if (pattern.test(text)) return category;
  }
  return 'other';
}

export function urgencyOf(text: string): Urgency | undefined {
  const value = text.trim();
  if (value === '' || /^(一般|普通|正常|常规|否|normal)$/i.test(value)) return 'normal';
  if (/特急|特别紧急|非常紧急|critical/i.test(value)) return 'critical';
  if (/紧急|加急|急|urgent|是/i.test(value)) return 'urgent';
  return undefined;
}

/** Words in a work order that mark a vulnerable resident (独居老人, 残疾, 低保 …), raising its priority. */
export function mentionsVulnerable(text: string): boolean {
  return /独居|孤寡|高龄|失能|残疾|残障|轮椅|低保|重病|卧床|空巢/.test(text);
}
