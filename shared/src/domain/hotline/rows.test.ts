import { describe, expect, it } from 'vitest';
import { autoMap, DEFAULT_PRESET, mappingProblems } from './fields';
import { createPlaceMatcher, type MatchablePlace } from './places';
import { readRows, tableFromRows, titleFrom } from './rows';

const P = (
  id: string,
  scope: string,
  kind: MatchablePlace['kind'],
  name: string,
  parentId: string | null,
) => ({
  id,
  scope,
  kind,
  name,
  parentId,
});
const PLACES: MatchablePlace[] = [
  P('s', 'xg', 'street', '小关街道', null),
  P('c1', 'xg.hxl', 'community', '惠新里社区', 's'),
  P('y1', 'xg.hxl.hxl2', 'courtyard', '惠新里2号院', 'c1'),
  P('y2', 'xg.hxl.hxl201', 'courtyard', '惠新里201号院', 'c1'),
  P('b1', 'xg.hxl.hxl201.b3', 'building', '3号楼', 'y2'),
  P('e1', 'xg.hxl.hxl201.b3.e2', 'entrance', '2单元', 'b1'),
  P('c2', 'xg.gyj', 'community', '高原街社区', 's'),
  P('y3', 'xg.gyj.gyj12', 'courtyard', '高原街12号院', 'c2'),
];

const HEADERS = [
  '工单编号',
  '受理时间',
  '诉求类型',
  '问题分类',
  '诉求内容',
  '所属社区',
  '地址',
  '来电人',
  '联系电话',
  '紧急程度',
  '办理时限',
];
const NOW = '2026-06-01T00:00:00.000Z';
const ctx = { matcher: createPlaceMatcher(PLACES), now: NOW };
const good = [
  'G2026030100001',
  '2026-03-01 09:30',
  '投诉',
  '物业管理',
  '楼道灯不亮，独居老人夜间出行不便。',
  '惠新里社区',
  '北京市朝阳区惠新里201号院3号楼2单元501',
  '王女士',
  '13900001234',
  '一般',
  '3个工作日',
];

function read(...rows: string[][]) {
  const table = tableFromRows([HEADERS, ...rows]);
  return readRows(table, autoMap(table.headers), ctx);
}

describe('column mapping', () => {
  it('maps the usual 12345 headers with the default preset', () => {
    const mapping = autoMap(HEADERS);
    expect(mapping.orderNo).toBe('工单编号');
    expect(mapping.description).toBe('诉求内容');
    expect(mapping.reporterPhone).toBe('联系电话');
    expect(mapping.courtyard).toBeUndefined();
    expect(mappingProblems(mapping, HEADERS)).toEqual([]);
  });

  it('finds aliases and tolerates spacing and colons', () => {
    const mapping = autoMap(['工单号', ' 问题描述 ', '来电时间：', '问题地址']);
    expect(mapping).toEqual({
      orderNo: '工单号',
      description: ' 问题描述 ',
      receivedAt: '来电时间：',
      address: '问题地址',
    });
  });

  it('prefers the preset column and never uses a header twice', () => {
    const preset = { ...DEFAULT_PRESET, mapping: { description: '反映内容', title: '内容' } };
    const mapping = autoMap(['反映内容', '内容', '工单编号'], preset);
    expect(mapping.description).toBe('反映内容');
    expect(mapping.title).toBe('内容');
  });

  it('explains what a mapping still lacks, in Chinese', () => {
    expect(mappingProblems({ orderNo: '工单编号' }, ['工单编号'])).toEqual([
      '请为“受理时间”选择一列',
      '请为“诉求内容”选择一列',
      '请至少为“所属社区”“所属小区”或“地址”选择一列，以便匹配地点',
    ]);
    expect(
      mappingProblems({ orderNo: 'A', receivedAt: 'A', description: 'B', address: 'C' }, ['A', 'B']),
    ).toEqual(['“A”列同时对应了“工单编号”和“受理时间”', '文件中没有“C”列']);
  });
});

describe('reading rows', () => {
  it('turns a good row into the demand fields of its entrance', () => {
    const [row] = read(good);
    expect(row).toMatchObject({ ok: true, rowNumber: 2 });
    if (!row?.ok) throw new Error('expected ok');
    expect(row.demand).toEqual({
      hotlineOrderNo: 'G2026030100001',
      hotlineCategory: '物业管理',
      // 物业管理 alone is no class of the table: the category is a guess from the words.
      categoryGuessed: true,
      placeId: 'e1',
      scope: 'xg.hxl.hxl201.b3.e2',
      title: '楼道灯不亮，独居老人夜间出行不便',
      description: '楼道灯不亮，独居老人夜间出行不便。',
      type: 'complaint',
      category: 'propertyService',
      urgency: 'normal',
      receivedAt: '2026-03-01T01:30:00.000Z',
      dueAt: '2026-03-04T01:30:00.000Z', // Sunday + 3 working days,
      reporterName: '王女士',
      reporterPhone: '139-0000-1234',
      addressDetail: '北京市朝阳区惠新里201号院3号楼2单元501',
      vulnerable: true,
    });
  });

  it('refuses bad rows with one Chinese reason per column, keeping the good ones', () => {
    const bad = [...good];
    bad[0] = '';
    bad[1] = '三月一号';
    bad[8] = '12345';
    const unknown = [...good];
    unknown[0] = 'G2026030100002';
    unknown[5] = '和平里社区';
    unknown[6] = '和平里北街5号院';
    const results = read(good, bad, unknown);
    expect(results.map((r) => r.ok)).toEqual([true, false, false]);
    const [, second, third] = results;
    expect(second?.ok === false && second.errors).toEqual([
      { rowNumber: 3, column: '工单编号', message: '缺少工单编号' },
      { rowNumber: 3, column: '受理时间', message: '无法识别的受理时间“三月一号”（例如 2026-03-01 09:30）' },
      { rowNumber: 3, column: '联系电话', message: '联系电话“12345”不是有效的电话号码' },
    ]);
    expect(third?.ok === false && third.errors).toEqual([
      {
        rowNumber: 4,
        column: '所属社区',
        message: '未知社区“和平里社区”，地址“和平里北街5号院”也无法匹配到本街道的院落',
      },
    ]);
  });

  it('refuses receipt times in the future and deadlines before receipt', () => {
    const future = [...good];
    future[1] = '2027-01-01 10:00';
    const early = [...good];
    early[10] = '2026-02-01 10:00';
    const [a, b] = read(future, early);
    expect(a?.ok === false && a.errors.map((e) => e.column)).toEqual(['受理时间']);
    expect(b?.ok === false && b.errors.map((e) => e.message)).toEqual(['办理时限早于受理时间']);
  });

  it('keeps spreadsheet row numbers across blank lines', () => {
    const table = tableFromRows([[], HEADERS, good, ['', ''], good]);
    expect(table.rows.map((r) => r.rowNumber)).toEqual([3, 5]);
  });

  it('makes a title from the first clause', () => {
    expect(titleFrom('暖气不热。希望尽快处理')).toBe('暖气不热');
    expect(titleFrom('一'.repeat(40))).toHaveLength(30);
  });
});

describe('place matching', () => {
  const m = createPlaceMatcher(PLACES);
  it('matches the courtyard whose number ends where the name ends', () => {
    expect(m.match({ address: '惠新里2号院5号楼' })?.place.id).toBe('y1');
    expect(m.match({ address: '惠新里201号' })?.place.id).toBe('y2');
    expect(m.match({ address: '惠新里201号3号楼2单元' })?.place.id).toBe('e1');
    expect(m.match({ address: '惠新里21号院' })).toBeUndefined();
    expect(m.match({ address: '高原街2号院' })).toBeUndefined();
  });
  it('falls back to the named community and looks inside it first', () => {
    expect(m.match({ community: '高原街社区居委会', address: '不详' })).toMatchObject({
      via: 'community',
      place: { id: 'c2' },
    });
    expect(m.match({ community: '高原街', address: '高原街12号院' })?.place.id).toBe('y3');
    expect(m.match({ courtyard: '惠新里201号院', address: '3号楼2单元' })?.place.id).toBe('e1');
    expect(m.knowsCommunity('惠新里')).toBe(true);
    expect(m.knowsCommunity('和平里社区')).toBe(false);
  });
  it('stops at the building when the entrance is not registered', () => {
    expect(m.match({ address: '惠新里201号院3号楼9单元' })?.place.id).toBe('b1');
    expect(m.match({ address: '惠新里201号院13号楼' })?.place.id).toBe('y2');
  });
});
