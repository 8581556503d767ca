import { describe, expect, it } from 'vitest';
import { categoryFor, classPath, DEFAULT_CLASS_MAPPING, unmappedClasses } from './classes';
import { importDocuments } from './documents';
import { callbackResultOf, resolvedOf, responseOf } from './handling';
import { cityStatus, planImport, statusMerge } from './plan';
import type { HotlineDemand, RowResult } from './rows';
import { parseDue } from './values';

describe('the city handling results', () => {
  it('reads 是否解决, 回访结果 and 响应情况 in the spellings exports use, refusing the rest', () => {
    expect(['是', '已解决', '否', '未解决', '', '也许'].map(resolvedOf)).toEqual([
      true,
      true,
      false,
      false,
      undefined,
      null,
    ]);
    expect(['满意', '基本满意', '不满意', '未联系上', '无人接听', '', '好'].map(callbackResultOf)).toEqual([
      'satisfied',
      'basicallySatisfied',
      'unsatisfied',
      'unreachable',
      'unreachable',
      undefined,
      null,
    ]);
    expect(['及时响应', '超时响应', '未响应', '', '很快'].map(responseOf)).toEqual([
      'inTime',
      'late',
      'none',
      undefined,
      null,
    ]);
  });

  it('counts 办理时限 in working days from dispatch, a bare number being working days', () => {
    // Fri 2026-10-09 10:00 Beijing; the National Day make-up Saturday 10-10 is a working day.
    const dispatched = '2026-10-09T02:00:00.000Z';
    expect(parseDue('5', dispatched)).toBe(parseDue('5个工作日', dispatched));
    expect(parseDue('1', '2026-03-06T01:30:00.000Z')).toBe('2026-03-09T01:30:00.000Z');
    expect(parseDue('尽快', dispatched)).toBeNull();
  });
});

describe('the classification table', () => {
  it('maps a class from its deepest known level and guesses only when nothing is mapped', () => {
    expect(classPath('城乡建设', ' 房屋管理 ', '')).toBe('城乡建设/房屋管理');
    expect(categoryFor('城乡建设/房屋管理/电梯维修', DEFAULT_CLASS_MAPPING, '独居老人电梯坏了')).toEqual({
      category: 'housingRepair',
      guessed: false,
    });
    // Only 城乡建设/房屋管理 is known: the deeper class falls back to it.
    expect(categoryFor('城乡建设/房屋管理/屋顶漏雨', DEFAULT_CLASS_MAPPING).category).toBe('housingRepair');
    expect(categoryFor('', DEFAULT_CLASS_MAPPING, '楼下停车乱')).toEqual({
      category: 'parking',
      guessed: true,
    });
    expect(
      unmappedClasses(['城管/噪声/施工', '城管/噪声/施工', '', '城乡建设/物业管理'], DEFAULT_CLASS_MAPPING),
    ).toEqual([{ path: '城管/噪声/施工', rows: 2, guess: 'neighbourDispute' }]);
  });
});

const base: HotlineDemand = {
  hotlineOrderNo: 'A1',
  placeId: 'y1',
  scope: 'xg.hxl.hxl2',
  title: '电梯停运',
  description: '电梯停运',
  type: 'complaint',
  category: 'housingRepair',
  urgency: 'normal',
  receivedAt: '2026-03-01T01:00:00.000Z',
  vulnerable: false,
};
const done: Partial<HotlineDemand> = {
  hotlineFinishedAt: '2026-03-03T08:00:00.000Z',
  hotlineCallback: 'satisfied',
  hotlineResolved: true,
};
const ok = (rowNumber: number, demand: HotlineDemand): RowResult => ({
  ok: true,
  rowNumber,
  demand,
  placeName: '院',
});
const CTX = { now: '2026-03-10T00:00:00.000Z', by: 'street-pc' };

describe('a newer export of a stored order', () => {
  it('takes the city status while nobody moved it, keeps a local one, and flags both moving', () => {
    expect(cityStatus(base)).toBe('received');
    expect(cityStatus({ ...base, ...done, hotlineCallback: undefined })).toBe('resolved');
    expect(cityStatus({ ...base, ...done })).toBe('closed');
    const next = { ...base, ...done };
    expect(statusMerge({ id: 'd', status: 'received', ...base }, next).kind).toBe('take');
    expect(statusMerge({ id: 'd', status: 'inTopic', ...base }, base).kind).toBe('keep');
    expect(statusMerge({ id: 'd', status: 'inTopic', ...base }, next).kind).toBe('conflict');
  });

  it('writes the closed order with its times, and the conflict beside the kept local status', () => {
    const created = importDocuments(planImport([ok(2, { ...base, ...done })], new Map()), new Map(), CTX);
    expect(created).toEqual([
      expect.objectContaining({
        id: 'hotline-A1',
        status: 'closed',
        resolvedAt: done.hotlineFinishedAt,
        closedAt: done.hotlineFinishedAt,
        source: 'hotline',
      }),
    ]);
    const stored = {
      ...(created[0] as NonNullable<(typeof created)[0]>),
      status: 'inTopic' as const,
      topicId: 't1',
    };
    const reopened = { ...base, hotlineResult: '重新派单' };
    const plan = planImport([ok(2, reopened)], new Map([['A1', stored]]));
    expect(plan.conflicts).toEqual([
      {
        rowNumber: 2,
        id: 'hotline-A1',
        orderNo: 'A1',
        field: 'status',
        local: 'inTopic',
        incoming: 'received',
      },
    ]);
    const [written] = importDocuments(plan, new Map([['A1', stored]]), CTX);
    expect(written).toMatchObject({ status: 'inTopic', topicId: 't1', hotlineResult: '重新派单' });
    expect(written?.hotlineCallback).toBeUndefined();
    expect(written?.conflicts).toEqual([
      expect.objectContaining({ field: 'status', localValue: 'inTopic', remoteValue: 'received' }),
    ]);
  });
});
