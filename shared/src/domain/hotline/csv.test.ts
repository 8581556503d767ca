import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detectEncoding, isValidUtf8, parseCsv, sniffDelimiter, toCsv } from './csv';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('parseCsv (RFC 4180)', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const text = '工单编号,诉求内容\r\nA001,"楼道灯不亮，""声控""失灵"\r\nA002,"第一行\n第二行"\r\n';
    expect(parseCsv(text)).toEqual([
      ['工单编号', '诉求内容'],
      ['A001', '楼道灯不亮，"声控"失灵'],
      ['A002', '第一行\n第二行'],
    ]);
  });

  it('accepts LF, CR and a missing final line end, keeps empty fields and drops blank lines', () => {
    expect(parseCsv('a,b\nc,\r\r\n,d')).toEqual([
      ['a', 'b'],
      ['c', ''],
      ['', 'd'],
    ]);
  });

  it('strips a BOM left in decoded text', () => {
    expect(parseCsv('\ufeff工单编号\nX1')).toEqual([['工单编号'], ['X1']]);
  });

  it('round-trips whatever toCsv writes', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', '中', ',', '"', '\n', '\r\n', ' ', '1') });
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
        (rows) => {
          const kept = rows.filter((r) => !(r.length === 1 && r[0] === ''));
          expect(parseCsv(toCsv(kept))).toEqual(kept);
        },
      ),
    );
  });

  it('sniffs semicolon and tab separated exports', () => {
    expect(sniffDelimiter('a;b;c\n1;2;3')).toBe(';');
    expect(sniffDelimiter('a\tb\n1\t2')).toBe('\t');
    expect(sniffDelimiter('a,b')).toBe(',');
  });
});

describe('encoding detection', () => {
  it('takes a BOM for UTF-8 and skips it', () => {
    expect(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toEqual({
      encoding: 'utf-8',
      offset: 3,
    });
  });

  it('takes valid UTF-8 without BOM for UTF-8', () => {
    expect(detectEncoding(utf8('工单编号,受理时间'))).toEqual({ encoding: 'utf-8', offset: 0 });
  });

  it('takes GBK bytes (invalid as UTF-8) for GBK, and they decode to the Chinese text', () => {
    // "工单编号" in GBK
    const gbk = new Uint8Array([0xb9, 0xa4, 0xb5, 0xa5, 0xb1, 0xe0, 0xba, 0xc5]);
    const guess = detectEncoding(gbk);
    expect(guess.encoding).toBe('gbk');
    expect(new TextDecoder(guess.encoding).decode(gbk.subarray(guess.offset))).toBe('工单编号');
  });

  it('refuses overlong forms, surrogates and truncated sequences', () => {
    expect(isValidUtf8(new Uint8Array([0xc0, 0xaf]))).toBe(false);
    expect(isValidUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(false);
    expect(isValidUtf8(new Uint8Array([0xe5, 0xb7]))).toBe(false);
    expect(isValidUtf8(utf8('😀 ok'))).toBe(true);
  });
});
