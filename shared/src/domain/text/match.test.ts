import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { pinyin } from 'pinyin-pro';
import { matchesSearch, matchesText, searchText, textQuery } from '#shared/domain/text/match';
import { initials } from '#shared/domain/text/pinyin';

describe('matchesText', () => {
  it('finds a name by characters, full pinyin, initials and a mix', () => {
    for (const typed of [
      '王',
      '秀兰',
      'wang',
      'wangxiulan',
      'wxl',
      'xl',
      'wangxl',
      '王xl',
      'WXL',
      'wang xiu lan',
      'xiul',
    ]) {
      expect(matchesText('王秀兰', typed), typed).toBe(true);
    }
    expect(matchesText('周立', 'zhouli')).toBe(true);
    expect(matchesText('周立', 'zhl')).toBe(true);
  });

  it('refuses what is not there', () => {
    for (const typed of ['zhouli', 'wxk', 'wangxiulana', '李', 'lanxiu', 'xwl']) {
      expect(matchesText('王秀兰', typed), typed).toBe(false);
    }
  });

  it('accepts every reading of a character (surnames, polyphones) and ü typed as v or u', () => {
    expect(matchesText('单雄信', 'shanxx')).toBe(true);
    expect(matchesText('单雄信', 'dxx')).toBe(true);
    expect(matchesText('曾小贤', 'zengxiaoxian')).toBe(true);
    expect(matchesText('重庆', 'chongqing')).toBe(true);
    expect(matchesText('吕大妈', 'lvdm')).toBe(true);
    expect(matchesText('吕大妈', 'ludama')).toBe(true);
  });

  it('reads place names with digits and Latin letters, full-width or not', () => {
    expect(matchesText('惠新南里5号院', 'hxnl5')).toBe(true);
    expect(matchesText('惠新南里5号院', 'nl5')).toBe(true);
    expect(matchesText('小关北里45号院', 'xiaoguanbeili45')).toBe(true);
    expect(matchesText('Ａ座３单元', 'az3dy')).toBe(true);
    expect(matchesText('A座 3单元（东）', 'az3dyd')).toBe(true);
  });

  it('matches every term of a query anywhere, and an empty query matches all', () => {
    expect(matchesText('楼道灯不亮 王秀兰', 'ldd wxl')).toBe(true);
    expect(matchesText('楼道灯不亮', '  ')).toBe(true);
    expect(matchesText('楼道灯不亮', 'ldd zl')).toBe(false);
  });
});

describe('searchText', () => {
  it('never lets a match run from one field into the next', () => {
    const row = searchText('电梯故障', '王秀兰');
    expect(matchesSearch(row, textQuery('dtgz'))).toBe(true);
    expect(matchesSearch(row, textQuery('wxl'))).toBe(true);
    expect(matchesSearch(row, textQuery('gzw'))).toBe(false);
    expect(matchesSearch(row, textQuery('障王'))).toBe(false);
  });

  it('leaves out missing fields', () => {
    expect([...searchText('a', undefined, '', 'b').units].length).toBe(3);
  });
});

const hanChar = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((code) => String.fromCharCode(code));
const hanName = fc.array(hanChar, { minLength: 1, maxLength: 8 }).map((chars) => chars.join(''));

describe('matcher properties', () => {
  it('finds every name by itself, its initials and its contextual full pinyin', () => {
    fc.assert(
      fc.property(hanName, (name) => {
        expect(matchesText(name, name)).toBe(true);
        const first = initials(name);
        if (first.length > 0) expect(matchesText(name, first)).toBe(true);
        const full = pinyin(name, { toneType: 'none', type: 'array', v: true }).join('');
        if (/^[a-z]+$/.test(full)) expect(matchesText(name, full)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('finds a name inside a longer text by the name’s initials', () => {
    fc.assert(
      fc.property(hanName, hanName, hanName, (before, name, after) => {
        const first = initials(name);
        if (first.length > 0) expect(matchesText(before + name + after, first)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('never throws, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.string({ maxLength: 60 }), (typed, text) => {
        expect(typeof matchesText(text, typed)).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });
});
