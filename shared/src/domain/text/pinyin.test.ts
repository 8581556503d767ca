import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { initials, matchesQuery } from '#shared/domain/text/pinyin';

describe('initials', () => {
  it('reads place names character by character, keeping digits', () => {
    expect(initials('惠新南里5号院')).toBe('hxnl5hy');
    expect(initials('高原街社区')).toBe('gyjsq');
    expect(initials('小关北里45号院')).toBe('xgbl45hy');
  });

  it('reads surnames the way names are said', () => {
    expect(initials('单雄信', 'person')).toBe('sxx');
    expect(initials('曾小贤', 'person')).toBe('zxx');
    expect(initials('单雄信')).toBe('dxx');
  });

  it('lowercases Latin letters and drops spaces and punctuation', () => {
    expect(initials('A座 3单元（东）')).toBe('az3dyd');
    expect(initials('')).toBe('');
  });

  it('always yields lowercase letters and digits, never longer than the name', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (name) => {
        const out = initials(name);
        expect(out).toMatch(/^[a-z0-9]*$/);
        expect(out.length).toBeLessThanOrEqual([...name].length);
      }),
    );
  });
});

describe('matchesQuery', () => {
  const name = '惠新南里5号院';
  const ini = initials(name);

  it('matches a substring of the name', () => {
    expect(matchesQuery(name, ini, '南里')).toBe(true);
    expect(matchesQuery(name, ini, '北里')).toBe(false);
  });

  it('matches a prefix or substring of the initials, ignoring case and spaces', () => {
    expect(matchesQuery(name, ini, 'hxnl')).toBe(true);
    expect(matchesQuery(name, ini, ' HXNL5 ')).toBe(true);
    expect(matchesQuery(name, ini, 'nl5')).toBe(true);
    expect(matchesQuery(name, ini, 'hxbl')).toBe(false);
  });

  it('matches everything with an empty query', () => {
    expect(matchesQuery(name, ini, '  ')).toBe(true);
  });

  it('finds every name by any prefix of its initials', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }), fc.nat(), (text, cut) => {
        const ini = initials(text);
        expect(matchesQuery(text, ini, ini.slice(0, cut % (ini.length + 1)))).toBe(true);
      }),
    );
  });
});

describe('pickers find people by full pinyin as well as initials and characters', () => {
  it('matches wang, zhouli, wxl and 王', () => {
    expect(matchesQuery('王秀兰', 'wxl', 'wang')).toBe(true);
    expect(matchesQuery('周丽', 'zl', 'zhouli')).toBe(true);
    expect(matchesQuery('周丽', 'zl', 'ZhouLi')).toBe(true);
    expect(matchesQuery('王秀兰', 'wxl', 'wxl')).toBe(true);
    expect(matchesQuery('王秀兰', 'wxl', '王')).toBe(true);
    expect(matchesQuery('王秀兰', 'wxl', 'zhou')).toBe(false);
  });
});
