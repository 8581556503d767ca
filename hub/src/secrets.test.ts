import { describe, expect, it } from 'vitest';
import {
  generateEnrollCode,
  generateToken,
  hashEnrollCode,
  hashToken,
  isExpired,
  normalizeEnrollCode,
} from './secrets';

describe('enrollment codes', () => {
  it('are short Crockford base32 and normalise from what a person types', () => {
    const code = generateEnrollCode();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    const canonical = normalizeEnrollCode(code);
    expect(canonical).toBe(code.replace('-', ''));
    expect(normalizeEnrollCode(` ${code.toLowerCase()} `)).toBe(canonical);
    expect(normalizeEnrollCode('oi1l0-abcde')).toBe('01110ABCDE');
    expect(normalizeEnrollCode('ABCDE-FGHJU')).toBeNull();
    expect(normalizeEnrollCode('short')).toBeNull();
    expect(normalizeEnrollCode('x'.repeat(1000))).toBeNull();
  });

  it('differ from one issue to the next and are stored only as hashes', () => {
    const codes = new Set(Array.from({ length: 200 }, generateEnrollCode));
    expect(codes.size).toBe(200);
    const hash = hashEnrollCode('ABCDEFGHJK');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain('ABCDEFGHJK');
    expect(hashEnrollCode('ABCDEFGHJK')).toBe(hash);
  });

  it('expire at their expiry instant', () => {
    const at = new Date('2026-03-02T10:00:00.000Z');
    expect(isExpired(at, new Date('2026-03-02T09:59:59.999Z'))).toBe(false);
    expect(isExpired(at, at)).toBe(true);
  });
});

describe('tokens', () => {
  it('carry 256 random bits and hash deterministically, separately from codes', () => {
    const token = generateToken();
    expect(token).toMatch(/^yst_[A-Za-z0-9_-]{43}$/);
    expect(generateToken()).not.toBe(token);
    expect(hashToken(token)).toBe(hashToken(token));
    expect(hashToken('ABCDEFGHJK')).not.toBe(hashEnrollCode('ABCDEFGHJK'));
  });
});
