import { describe, it, expect } from 'vitest';
import { encryptString } from 'rxdb/plugins/encryption-crypto-js';
import { deriveFieldKey, fieldCipher } from './field-encryption';

const PASSWORD = 'device-key-0123456789';

describe('field encryption', () => {
  it('seals a value so that only the same key opens it, with a fresh nonce every time', async () => {
    const key = await deriveFieldKey(PASSWORD, 'yishi');
    const cipher = fieldCipher(key, PASSWORD);
    const a = cipher.seal('people', 'phone', '13900001234');
    const b = cipher.seal('people', 'phone', '13900001234');
    expect(a).toMatch(/^y1:/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('13900001234');
    expect(cipher.open('people', 'phone', a)).toBe('13900001234');
    expect(cipher.open('people', 'phone', b)).toBe('13900001234');
    const other = fieldCipher(await deriveFieldKey('another-key-0123456789', 'yishi'), PASSWORD);
    expect(() => other.open('people', 'phone', a)).toThrow();
  });

  it('binds a sealed value to its collection and field', async () => {
    const cipher = fieldCipher(await deriveFieldKey(PASSWORD, 'yishi'), PASSWORD);
    const sealed = cipher.seal('people', 'idNumber', '110105195001011234');
    expect(() => cipher.open('people', 'phone', sealed)).toThrow();
    expect(() => cipher.open('demands', 'idNumber', sealed)).toThrow();
  });

  it('keeps JSON values and Chinese text intact', async () => {
    const cipher = fieldCipher(await deriveFieldKey(PASSWORD, 'yishi'), PASSWORD);
    for (const value of ['5号楼2单元301', { building: 5, unit: 2 }, ['a', 1], 0, '']) {
      expect(cipher.open('demands', 'addressDetail', cipher.seal('demands', 'addressDetail', value))).toEqual(
        value,
      );
    }
  });

  it('derives a different key per database name', async () => {
    const a = await deriveFieldKey(PASSWORD, 'yishi');
    const b = await deriveFieldKey(PASSWORD, 'yishi-other');
    expect([...a]).not.toEqual([...b]);
    expect(a).toHaveLength(32);
  });

  it('still opens values written by the earlier crypto-js encryption', async () => {
    const cipher = fieldCipher(await deriveFieldKey(PASSWORD, 'yishi'), PASSWORD);
    const legacy = encryptString(JSON.stringify('13900001234'), PASSWORD);
    expect(cipher.open('people', 'phone', legacy)).toBe('13900001234');
  });
});
