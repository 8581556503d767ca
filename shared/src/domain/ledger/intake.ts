// Intake (集): the category suggested by the text, validation with the 12345 import's limits, and
// the command that turns a valid draft into a demand with its audit entry. The permission check
// is the command's, so no screen can record a demand where the device may not.
import { CHINA_CALENDAR } from '#shared/domain/calendar/index';
import { auditEntry, change, newBase, refuse } from '#shared/domain/commands/index';
import type { Change, CommandContext, Decided } from '#shared/domain/commands/index';
import { can } from '#shared/domain/permissions/index';
import type { DemandCategory, DemandSource, DemandType, Urgency } from '#shared/domain/vocab';
import type { DemandDoc } from '#shared/schema/index';
import { dueAtFor } from './due';
import { DEMAND_TEXT_LIMITS, normalisePhone, textLength } from './fields';
import { titleFor } from './title';

export interface IntakeDraft {
  placeScope: string | null;
  description: string;
  type: DemandType;
  /** '' until chosen; the suggestion from the text stands in meanwhile. */
  category: DemandCategory | '';
  source: DemandSource;
  urgency: Urgency;
  vulnerable: boolean;
  title: string;
  reporterName: string;
  reporterPhone: string;
  addressDetail: string;
  duplicateOf: { id: string; title: string } | null;
}

// Words residents and workers use for each category.
const CATEGORY_WORDS: readonly [DemandCategory, readonly string[]][] = [
  ['evCharging', ['充电', '飞线', '电动车', '电瓶车']],
  ['wasteSorting', ['垃圾分类', '垃圾桶', '厨余', '桶站']],
  ['parking', ['停车', '车位', '占道', '僵尸车', '地锁']],
  ['oldEstateRenovation', ['加装电梯', '老旧小区', '改造', '外墙保温']],
  ['housingRepair', ['漏水', '渗水', '墙皮', '屋顶', '防水', '下水', '管道', '维修', '堵']],
  ['electricHeating', ['暖气', '供暖', '不热', '停电', '电路', '电线', '电表']],
  ['neighbourDispute', ['噪音', '邻居', '扰民', '吵', '纠纷', '宠物', '狗']],
  ['elderlyDisabledCare', ['老人', '助餐', '养老', '残疾', '轮椅', '独居', '助浴']],
  ['safetyFire', ['消防', '火', '治安', '偷', '盗', '可疑', '燃气', '煤气']],
  ['greening', ['绿化', '树', '草坪', '修剪', '花坛']],
  ['publicFacilities', ['路灯', '楼道灯', '健身器材', '座椅', '电梯', '道路', '井盖', '门禁']],
  ['sanitation', ['垃圾', '卫生', '清扫', '堆物', '异味', '老鼠', '蚊虫', '小广告']],
  ['propertyService', ['物业', '保安', '保洁', '物业费']],
];

/**
 * The category whose words occur most often in the text, if any. A tie goes to the word that
 * comes first: people name the matter before its consequences (楼道灯坏了，老人看不清).
 */
export function suggestCategory(text: string): DemandCategory | undefined {
  let best: DemandCategory | undefined;
  let bestHits = 0;
  let bestAt = Infinity;
  for (const [category, words] of CATEGORY_WORDS) {
    let hits = 0;
    let at = Infinity;
    for (const word of words) {
      const index = text.indexOf(word);
      if (index < 0) continue;
      hits += 1;
      at = Math.min(at, index);
    }
    if (hits > bestHits || (hits === bestHits && hits > 0 && at < bestAt)) {
      best = category;
      bestHits = hits;
      bestAt = at;
    }
  }
  return best;
}

/** The chosen category, else the suggestion. */
export function effectiveCategory(draft: IntakeDraft): DemandCategory | undefined {
  return draft.category === '' ? suggestCategory(draft.description) : draft.category;
}

export type IntakeError =
  'placeMissing' | 'descriptionMissing' | 'categoryMissing' | 'tooLong' | 'phoneInvalid';

export type IntakeField =
  'place' | 'description' | 'category' | 'title' | 'reporterName' | 'reporterPhone' | 'addressDetail';

/** What keeps a draft from being saved, by field; the same limits and phone rule as the 12345 import. */
export function validateDraft(draft: IntakeDraft): Partial<Record<IntakeField, IntakeError>> {
  const errors: Partial<Record<IntakeField, IntakeError>> = {};
  if (!draft.placeScope) errors.place = 'placeMissing';
  if (draft.description.trim().length === 0) errors.description = 'descriptionMissing';
  if (!effectiveCategory(draft)) errors.category = 'categoryMissing';
  for (const field of ['title', 'description', 'reporterName', 'addressDetail'] as const) {
    if (textLength(draft[field].trim()) > DEMAND_TEXT_LIMITS[field]) errors[field] = 'tooLong';
  }
  if (normalisePhone(draft.reporterPhone) === null) errors.reporterPhone = 'phoneInvalid';
  return errors;
}

/** Where a demand is recorded: the place picked in the form. */
export interface IntakePlace {
  readonly id: string;
  readonly scope: string;
}

/**
 * The demand a valid draft becomes: received now, due by the shared rule, or a duplicate linked
 * to the demand it repeats. Empty optional fields are left out rather than stored empty.
 */
function buildDemand(
  draft: IntakeDraft,
  category: DemandCategory,
  place: IntakePlace,
  ctx: CommandContext,
): DemandDoc {
  const description = draft.description.trim();
  const demand: DemandDoc = {
    ...newBase(ctx, 'demand', place.scope),
    placeId: place.id,
    title: titleFor(draft.title, description),
    description,
    type: draft.type,
    category,
    source: draft.source,
    urgency: draft.urgency,
    status: draft.duplicateOf ? 'duplicate' : 'received',
    receivedAt: ctx.now,
    dueAt: dueAtFor(
      { receivedAt: ctx.now, urgency: draft.urgency, category, vulnerable: draft.vulnerable },
      ctx.calendar ?? CHINA_CALENDAR,
    ),
    vulnerable: draft.vulnerable,
    reasonable: true,
    reopenedCount: 0,
  };
  if (draft.duplicateOf) demand.duplicateOf = draft.duplicateOf.id;
  const optional = {
    reporterName: draft.reporterName.trim(),
    reporterPhone: draft.reporterPhone.trim(),
    addressDetail: draft.addressDetail.trim(),
  };
  for (const [key, value] of Object.entries(optional) as [keyof typeof optional, string][])
    if (value.length > 0) demand[key] = value;
  return demand;
}

/** Records a demand at the place: the demand first, then its audit entry (the Change's order). */
export function recordDemand(
  draft: IntakeDraft,
  place: IntakePlace,
  ctx: CommandContext,
): Decided<{ change: Change; demand: DemandDoc }> {
  if (!can(ctx.actor, 'demand.create', { scope: place.scope, collection: 'demands' }))
    return refuse('本机角色不能在此地点登记诉求');
  if (Object.keys(validateDraft(draft)).length > 0) return refuse('登记内容不完整或有误，请按提示修改');
  const category = effectiveCategory(draft);
  if (!category) return refuse('请选择诉求类别');
  const demand = buildDemand(draft, category, place, ctx);
  const audit = auditEntry(ctx, {
    scope: demand.scope,
    action: demand.status === 'duplicate' ? 'demand.duplicate' : 'demand.create',
    collection: 'demands',
    id: demand.id,
    detail: demand.duplicateOf ? `重复于 ${demand.duplicateOf}` : demand.title,
  });
  return { ok: true, demand, change: change({ insert: { demands: [demand] }, audit: [audit] }) };
}
