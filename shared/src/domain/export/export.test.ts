import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { maskedForExport, maskQuotedPii, neutraliseTable, neutraliseText, startsLikeFormula } from './index';

describe('formula neutralising (OWASP CSV injection)', () => {
  it('prefixes every text that starts like a formula and leaves the rest alone', () => {
    expect(
      ['=1+1', '+86 138', '-2', '@SUM(A1)', '\tx', '\rx', '＝HYPERLINK()', '普通文字', '', "'=x", '1-2'].map(
        neutraliseText,
      ),
    ).toEqual([
      "'=1+1",
      "'+86 138",
      "'-2",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
      "'＝HYPERLINK()",
      '普通文字',
      '',
      "'=x",
      '1-2',
    ]);
    expect(neutraliseTable([['=a', 'b']])).toEqual([["'=a", 'b']]);
  });

  it('never leaves a cell that starts like a formula, whatever the text', () => {
    fc.assert(fc.property(fc.string(), (text) => !startsLikeFormula(neutraliseText(text))));
  });
});

describe('masking an export', () => {
  it('masks the fields the schema marks as PII, the name and phones in the text', () => {
    const shown = maskedForExport('demands', {
      reporterName: '王秀英',
      reporterPhone: '138-0000-0001',
      addressDetail: '3号楼2单元401',
      description: '请回电 13900001234',
      title: '电梯停运',
    });
    expect(shown).toEqual({
      reporterName: '王**',
      reporterPhone: '138****0001',
      addressDetail: '3号楼****',
      description: '请回电 139****1234',
      title: '电梯停运',
    });
  });
});

describe('masking a refusal message', () => {
  it('masks the phone, address and name it quotes', () => {
    expect(maskQuotedPii('联系电话“13700001234”不是有效的电话号码')).toBe(
      '联系电话“137****1234”不是有效的电话号码',
    );
    expect(maskQuotedPii('联系电话“1370000”不是有效的电话号码')).toBe('联系电话“*****00”不是有效的电话号码');
    expect(maskQuotedPii('未知社区“和平里社区”，地址“北京市东城区和平里北街5号院1号楼”也无法匹配')).toBe(
      '未知社区“和平里社区”，地址“北京****”也无法匹配',
    );
  });
});
