import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fromHex, hmacSha256, sameMac, sha256, toHex, utf8 } from './hmac';

describe('sha256 and hmac-sha256', () => {
  it('matches the FIPS 180-4 examples', () => {
    expect(toHex(sha256(utf8('abc')))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(toHex(sha256(utf8('')))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('matches RFC 4231 test case 2 and a key longer than a block', () => {
    expect(toHex(hmacSha256(utf8('Jefe'), utf8('what do ya want for nothing?')))).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
    const key = new Uint8Array(131).fill(0xaa);
    expect(toHex(hmacSha256(key, utf8('Test Using Larger Than Block-Size Key - Hash Key First')))).toBe(
      '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54',
    );
  });

  it('agrees with Node on Chinese text of every length around the block boundaries', () => {
    for (let n = 0; n < 140; n += 1) {
      const text = '议事'.repeat(n) + 'a'.repeat(n % 7) + '😀';
      expect(toHex(sha256(utf8(text)))).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
      expect(toHex(hmacSha256(utf8(`key${n}`), utf8(text)))).toBe(
        createHmac('sha256', `key${n}`).update(text, 'utf8').digest('hex'),
      );
    }
  });

  it('reads hex back and compares MACs', () => {
    expect(fromHex('00ff10')).toEqual(Uint8Array.from([0, 255, 16]));
    expect(fromHex('0g')).toBeNull();
    expect(fromHex('abc')).toBeNull();
    expect(sameMac('abcd', 'abcd')).toBe(true);
    expect(sameMac('abcd', 'abce')).toBe(false);
    expect(sameMac('abcd', 'abc')).toBe(false);
  });
});
