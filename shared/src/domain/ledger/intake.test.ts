import { describe, expect, it } from 'vitest';
import type { CommandContext } from '#shared/domain/commands/index';
import { docsOf } from '#shared/domain/commands/index';
import type { DemandDoc } from '#shared/schema/index';
import { effectiveCategory, recordDemand, suggestCategory, validateDraft, type IntakeDraft } from './index';

const AT = '2026-03-02T02:00:00.000Z'; // Monday 10:00 Beijing
const PLACE = { id: 'p-y2', scope: 'xg.gyj.y2' };
const ctx: CommandContext = {
  actor: { id: 'dev-1', role: 'community-worker', scope: 'xg.gyj' },
  deviceId: 'dev-1',
  now: AT,
  newId: (prefix) => `${prefix}-1`,
};

const blank = (placeScope: string | null): IntakeDraft => ({
  placeScope,
  description: '',
  type: 'help',
  category: '',
  source: 'visit',
  urgency: 'normal',
  vulnerable: false,
  title: '',
  reporterName: '',
  reporterPhone: '',
  addressDetail: '',
  duplicateOf: null,
});

function recorded(draft: IntakeDraft): DemandDoc {
  const decided = recordDemand(draft, PLACE, ctx);
  if (!decided.ok) throw new Error(decided.message);
  return decided.demand;
}

describe('category suggestion', () => {
  it('suggests the category whose words occur most', () => {
    expect(suggestCategory('楼下电动车飞线充电很危险')).toBe('evCharging');
    expect(suggestCategory('小区东门停车太乱，车位不够')).toBe('parking');
    expect(suggestCategory('3号楼楼顶漏水')).toBe('housingRepair');
    expect(suggestCategory('想了解一下政策')).toBeUndefined();
    // A tie goes to what is named first.
    expect(suggestCategory('楼道灯坏了，老人看不清')).toBe('publicFacilities');
    expect(suggestCategory('老人反映楼道灯坏了')).toBe('elderlyDisabledCare');
  });

  it('lets a chosen category win over the suggestion', () => {
    const draft = { ...blank(null), description: '停车难' };
    expect(effectiveCategory(draft)).toBe('parking');
    expect(effectiveCategory({ ...draft, category: 'other' })).toBe('other');
  });
});

describe('validation', () => {
  it('needs a place, a description and a category (chosen or suggested)', () => {
    expect(validateDraft(blank(null))).toEqual({
      place: 'placeMissing',
      description: 'descriptionMissing',
      category: 'categoryMissing',
    });
    const ok = { ...blank('xg.gyj.y2'), description: '楼道堆物' };
    expect(validateDraft(ok)).toEqual({});
    expect(validateDraft({ ...ok, description: '想问问' })).toEqual({ category: 'categoryMissing' });
  });

  it('refuses what the 12345 import refuses: over-long text (never cut) and phones that are not phones', () => {
    const ok = { ...blank('xg.gyj.y2'), description: '楼道堆物' };
    expect(validateDraft({ ...ok, description: '楼道堆物'.padEnd(4000, '堆') })).toEqual({});
    expect(validateDraft({ ...ok, description: '楼道堆物'.padEnd(4001, '堆') })).toEqual({
      description: 'tooLong',
    });
    // Characters, not UTF-16 units: a rare character outside the basic plane counts once.
    expect(validateDraft({ ...ok, title: '𠀀'.repeat(200) })).toEqual({});
    expect(validateDraft({ ...ok, title: '题'.repeat(201) })).toEqual({ title: 'tooLong' });
    expect(validateDraft({ ...ok, reporterName: '王'.repeat(65) })).toEqual({ reporterName: 'tooLong' });
    expect(validateDraft({ ...ok, reporterPhone: '139 0000 1234' })).toEqual({});
    expect(validateDraft({ ...ok, reporterPhone: '010-12345678' })).toEqual({});
    expect(validateDraft({ ...ok, reporterPhone: '1390000123' })).toEqual({ reporterPhone: 'phoneInvalid' });
    expect(validateDraft({ ...ok, reporterPhone: '王先生' })).toEqual({ reporterPhone: 'phoneInvalid' });
  });
});

describe('the demand a draft becomes', () => {
  const draft = {
    ...blank('xg.gyj.y2'),
    description: '  市民反映：2号楼楼道灯坏了。晚上看不见台阶  ',
    reporterName: ' 王秀英 ',
    reporterPhone: '',
  };

  it('is received now, titled from the description, due in five working days', () => {
    const demand = recorded(draft);
    expect(demand).toMatchObject({
      id: 'demand-1',
      scope: 'xg.gyj.y2',
      placeId: 'p-y2',
      status: 'received',
      receivedAt: AT,
      createdAt: AT,
      createdBy: 'dev-1',
      title: '2号楼楼道灯坏了',
      description: '市民反映：2号楼楼道灯坏了。晚上看不见台阶',
      category: 'publicFacilities',
      source: 'visit',
      dueAt: '2026-03-09T02:00:00.000Z',
      reporterName: '王秀英',
      reasonable: true,
      reopenedCount: 0,
    });
    expect(demand).not.toHaveProperty('reporterPhone');
    expect(demand).not.toHaveProperty('duplicateOf');
  });

  it('uses the typed title and the urgency rule', () => {
    const demand = recorded({ ...draft, title: '楼道灯', urgency: 'urgent' });
    expect(demand.title).toBe('楼道灯');
    expect(demand.dueAt).toBe('2026-03-03T02:00:00.000Z');
  });

  it('is a duplicate linked to the demand it repeats', () => {
    const demand = recorded({ ...draft, duplicateOf: { id: 'demand-0', title: '灯坏了' } });
    expect(demand.status).toBe('duplicate');
    expect(demand.duplicateOf).toBe('demand-0');
  });
});

describe('recording a demand', () => {
  const draft = { ...blank('xg.gyj.y2'), description: '楼道堆物' };

  it('inserts the demand, then its audit entry', () => {
    const decided = recordDemand(draft, PLACE, ctx);
    if (!decided.ok) throw new Error(decided.message);
    expect(docsOf(decided.change, 'insert', 'demands')).toEqual([decided.demand]);
    expect(decided.change.audit).toMatchObject([
      { action: 'demand.create', targetId: 'demand-1', scope: 'xg.gyj.y2', detail: '楼道堆物' },
    ]);
    const duplicate = recordDemand({ ...draft, duplicateOf: { id: 'demand-0', title: '堆物' } }, PLACE, ctx);
    expect(duplicate.ok && duplicate.change.audit[0]?.action).toBe('demand.duplicate');
  });

  it('is refused where the device may not record, or for a draft that does not validate', () => {
    const viewer = { ...ctx, actor: { ...ctx.actor, role: 'viewer' as const } };
    expect(recordDemand(draft, PLACE, viewer)).toEqual({
      ok: false,
      message: '本机角色不能在此地点登记诉求',
    });
    const elsewhere = { ...ctx, actor: { ...ctx.actor, scope: 'xg.other' } };
    expect(recordDemand(draft, PLACE, elsewhere).ok).toBe(false);
    expect(recordDemand({ ...draft, reporterPhone: '王先生' }, PLACE, ctx).ok).toBe(false);
  });
});
