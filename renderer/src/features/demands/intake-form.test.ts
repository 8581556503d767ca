import { describe, expect, it } from 'vitest';
import { buildPlaceTree } from '#shared/domain/places/index';
import type { PlaceDoc } from '#shared/schema/index';
import {
  buildDemand,
  DEFAULT_REMEMBERED,
  effectiveCategory,
  emptyDraft,
  parseRemembered,
  suggestCategory,
  validateDraft,
} from './intake-form';
import { filterPlaceOptions, placeOptions } from './place-options';
import { fitWithin, photoAttachmentId } from './photos';

const AT = '2026-03-02T02:00:00.000Z'; // Monday 10:00 Beijing
const ctx = { id: 'demand-1', at: AT, deviceId: 'dev-1', place: { id: 'p-y2', scope: 'xg.gyj.y2' } };

describe('intake defaults', () => {
  it('remembers place and source, and falls back on anything unreadable', () => {
    expect(parseRemembered(JSON.stringify({ placeScope: 'xg.gyj.y2', source: 'hall' }))).toEqual({
      placeScope: 'xg.gyj.y2',
      source: 'hall',
    });
    expect(parseRemembered(JSON.stringify({ placeScope: 5, source: 'fax' }))).toEqual(DEFAULT_REMEMBERED);
    expect(parseRemembered('{not json')).toEqual(DEFAULT_REMEMBERED);
    expect(parseRemembered(null)).toEqual(DEFAULT_REMEMBERED);
    const draft = emptyDraft({ placeScope: 'xg.gyj.y2', source: 'phone' });
    expect(draft.placeScope).toBe('xg.gyj.y2');
    expect(draft.source).toBe('phone');
    expect(draft.description).toBe('');
  });
});

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
    const draft = { ...emptyDraft(DEFAULT_REMEMBERED), description: '停车难' };
    expect(effectiveCategory(draft)).toBe('parking');
    expect(effectiveCategory({ ...draft, category: 'other' })).toBe('other');
  });
});

describe('validation', () => {
  it('needs a place, a description and a category (chosen or suggested)', () => {
    expect(validateDraft(emptyDraft(DEFAULT_REMEMBERED))).toEqual({
      place: 'placeMissing',
      description: 'descriptionMissing',
      category: 'categoryMissing',
    });
    const ok = { ...emptyDraft({ placeScope: 'xg.gyj.y2', source: 'visit' }), description: '楼道堆物' };
    expect(validateDraft(ok)).toEqual({});
    expect(validateDraft({ ...ok, description: '想问问' })).toEqual({ category: 'categoryMissing' });
  });

  it('refuses what the 12345 import refuses: over-long text (never cut) and phones that are not phones', () => {
    const ok = { ...emptyDraft({ placeScope: 'xg.gyj.y2', source: 'visit' }), description: '楼道堆物' };
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
    ...emptyDraft({ placeScope: 'xg.gyj.y2', source: 'visit' as const }),
    description: '  市民反映：2号楼楼道灯坏了。晚上看不见台阶  ',
    reporterName: ' 王秀英 ',
    reporterPhone: '',
  };

  it('is received now, titled from the description, due in five working days', () => {
    const demand = buildDemand(draft, ctx);
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
    const demand = buildDemand({ ...draft, title: '楼道灯', urgency: 'urgent' }, ctx);
    expect(demand.title).toBe('楼道灯');
    expect(demand.dueAt).toBe('2026-03-03T02:00:00.000Z');
  });

  it('is a duplicate linked to the demand it repeats', () => {
    const demand = buildDemand({ ...draft, duplicateOf: { id: 'demand-0', title: '灯坏了' } }, ctx);
    expect(demand.status).toBe('duplicate');
    expect(demand.duplicateOf).toBe('demand-0');
  });
});

describe('place options of the intake picker', () => {
  const mk = (scope: string, kind: PlaceDoc['kind'], name: string, initials: string, order = 0): PlaceDoc => {
    const cut = scope.lastIndexOf('.');
    return {
      id: `p-${scope}`,
      scope,
      createdAt: AT,
      createdBy: 'd',
      updatedAt: AT,
      updatedBy: 'd',
      kind,
      name,
      parentId: cut < 0 ? null : `p-${scope.slice(0, cut)}`,
      code: scope.slice(cut + 1),
      initials,
      order,
    };
  };
  const tree = buildPlaceTree([
    mk('xg', 'street', '小关街道', 'xgjd'),
    mk('xg.gyj', 'community', '高原街社区', 'gyjsq', 1),
    mk('xg.gyj.v1', 'venue', '高原街社区议事厅', 'gyjsqyst', 100),
    mk('xg.gyj.y2', 'courtyard', '高原街2号院', 'gyj2hy', 1),
    mk('xg.gyj.y2.b1', 'building', '1号楼', '1hl', 1),
    mk('xg.gyj.y2.b1.e1', 'entrance', '1单元', '1dy', 1),
    mk('xg.gyj.y4', 'courtyard', '高原街4号院', 'gyj4hy', 2),
    mk('xg.gyj.y4.b1', 'building', '1号楼', '1hl', 1),
    mk('xg.hxl', 'community', '惠新里社区', 'hxlsq', 2),
  ]);

  it('labels each place with its path below the street and leaves venues out', () => {
    const options = placeOptions(tree, 'xg');
    expect(options.map((o) => o.label)).toContain('高原街社区 / 高原街2号院 / 1号楼 / 1单元');
    expect(options.some((o) => o.kind === 'venue')).toBe(false);
    expect(placeOptions(tree, 'xg.gyj.y4').map((o) => o.scope)).toEqual(['xg.gyj.y4', 'xg.gyj.y4.b1']);
  });

  it('finds places by name or pinyin initials, every term matching, courtyards first', () => {
    const options = placeOptions(tree, 'xg');
    const scopes = (q: string) => filterPlaceOptions(options, q).map((o) => o.scope);
    expect(scopes('gyj2')).toEqual(['xg.gyj.y2', 'xg.gyj.y2.b1', 'xg.gyj.y2.b1.e1']);
    expect(scopes('2号院 1号楼')).toEqual(['xg.gyj.y2.b1', 'xg.gyj.y2.b1.e1']);
    expect(scopes('4hy 1hl')).toEqual(['xg.gyj.y4.b1']);
    expect(scopes('惠新里')).toEqual(['xg.hxl']);
    expect(scopes('')).toEqual(['xg', 'xg.gyj', 'xg.hxl', 'xg.gyj.y2', 'xg.gyj.y4']);
    expect(filterPlaceOptions(options, '1', 2)).toHaveLength(2);
  });
});

describe('photos', () => {
  it('fit within 1600 px on the longer edge without enlarging', () => {
    expect(fitWithin(4000, 3000)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin(3000, 4000)).toEqual({ width: 1200, height: 1600 });
    expect(fitWithin(800, 600)).toEqual({ width: 800, height: 600 });
    expect(fitWithin(10000, 1)).toEqual({ width: 1600, height: 1 });
    expect(photoAttachmentId(0)).toBe('photo-1.jpg');
  });
});
