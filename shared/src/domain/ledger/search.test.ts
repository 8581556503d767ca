import { describe, expect, it } from 'vitest';
import { LedgerSearch, type SearchableRow } from '#shared/domain/ledger/index';

interface Row extends SearchableRow {
  id: string;
}

const PLACES: Record<string, string> = {
  'xg.xgbl.xgbl45': '小关北里 45号院',
  'xg.hxnl.hxnl5': '惠新南里 5号院',
};

const rows: Row[] = [
  {
    id: 'a',
    scope: 'xg.xgbl.xgbl45',
    title: '电动车充电难',
    description: '楼下私拉飞线给电动车充电，存在安全隐患',
    reporterName: '王秀兰',
  },
  {
    id: 'b',
    scope: 'xg.hxnl.hxnl5',
    title: '楼道灯不亮',
    description: '3号楼2单元楼道灯坏了一个月，老人WiFi也连不上',
    reporterName: '周立',
    hotlineOrderNo: '2026112900123',
  },
  {
    id: 'c',
    scope: 'xg.hxnl.hxnl5',
    title: '电梯故障',
    description: '电梯经常停在半层',
    reporterName: '单雄信',
  },
];

const search = () => new LedgerSearch<Row>((scope) => PLACES[scope] ?? '');
const ids = (typed: string) =>
  search()
    .filter(rows, typed)
    .map((r) => r.id);

describe('LedgerSearch', () => {
  it('finds the title by characters, initials and full pinyin', () => {
    expect(ids('充电')).toEqual(['a']);
    expect(ids('ddc')).toEqual(['a']);
    expect(ids('diandongche')).toEqual(['a']);
    expect(ids('dianti')).toEqual(['c']);
  });

  it('finds the reporter by name, full pinyin and initials, every reading of a surname', () => {
    expect(ids('王秀兰')).toEqual(['a']);
    expect(ids('zhouli')).toEqual(['b']);
    expect(ids('wxl')).toEqual(['a']);
    expect(ids('shanxiongxin')).toEqual(['c']);
  });

  it('finds the place by its names along the path', () => {
    expect(ids('45号院')).toEqual(['a']);
    expect(ids('xgbl45')).toEqual(['a']);
    expect(ids('huixinnanli')).toEqual(['b', 'c']);
  });

  it('finds the content and the 12345 order number as typed, letters in any case', () => {
    expect(ids('私拉飞线')).toEqual(['a']);
    expect(ids('00123')).toEqual(['b']);
    expect(ids('wifi')).toEqual(['b']);
  });

  it('needs every word, each in any field', () => {
    expect(ids('hxnl 电梯')).toEqual(['c']);
    expect(ids('zhouli 电梯')).toEqual([]);
  });

  it('lists every row, in order, when nothing is typed', () => {
    expect(ids('')).toEqual(['a', 'b', 'c']);
    expect(ids('   ')).toEqual(['a', 'b', 'c']);
  });

  it('sees a changed demand (a new row object) with its new title', () => {
    const s = search();
    s.prepare(rows);
    expect(s.filter(rows, 'dianti').map((r) => r.id)).toEqual(['c']);
    const changed = rows.map((r) => (r.id === 'c' ? { ...r, title: '水管漏水' } : r));
    expect(s.filter(changed, 'dianti').map((r) => r.id)).toEqual([]);
    expect(s.filter(changed, 'shuiguan').map((r) => r.id)).toEqual(['c']);
  });
});
