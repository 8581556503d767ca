import { describe, it, expect } from 'vitest';
import { encryptString } from 'rxdb/plugins/encryption-crypto-js';
import { deriveFieldCryptoKey, deriveFieldKey, fieldCipher } from './field-cipher';
import type { FieldCipher } from './field-cipher';

const PASSWORD = 'device-key-0123456789';

/** Sealed by the XChaCha20-Poly1305 cipher this replaced (password PASSWORD, database 'yishi'). */
const V1_PHONE = 'y1:Sr5dEaM24rdcRtrmjKRaFvKA/nBoMINGlTfWmJe9IsuwIBPEOGsBLiQV1G3fivppS4OufnM=';
const V1_ADDRESS =
  'y1:qnlVUIjvV7xUmaAWJeUP2Fea4cPXiPKeZYtDkPjaSsagK+iMVpLYbxxRuHePCmWgdlHbPbeUh4Ujctd516oq18rLOqLNcDpOy09rWnsi3A==';

async function cipherFor(password = PASSWORD, database = 'yishi'): Promise<FieldCipher> {
  return fieldCipher(await passwordKeys(password, database));
}

const passwordKeys = async (password = PASSWORD, database = 'yishi') => ({
  password: {
    key: await deriveFieldCryptoKey(password, database),
    text: password,
    legacyKey: () => deriveFieldKey(password, database),
  },
});

const one = async (cipher: FieldCipher, where: string, field: string, value: unknown) =>
  (await cipher.sealAll([{ where, field, value }]))[0]!;
const open = async (cipher: FieldCipher, where: string, field: string, value: string) =>
  (await cipher.openAll([{ where, field, value }]))[0];

describe('field cipher', () => {
  it('seals a value so that only the same key opens it, with a fresh nonce every time', async () => {
    const cipher = await cipherFor();
    const [a, b] = await cipher.sealAll([
      { where: 'people', field: 'phone', value: '13900001234' },
      { where: 'people', field: 'phone', value: '13900001234' },
    ]);
    expect(a).toMatch(/^y2:/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('13900001234');
    expect(await cipher.openAll([a, b].map((value) => ({ where: 'people', field: 'phone', value })))).toEqual(
      ['13900001234', '13900001234'],
    );
    const other = await cipherFor('another-key-0123456789');
    await expect(open(other, 'people', 'phone', a!)).rejects.toThrow();
  });

  it('keeps its key inside Web Crypto', async () => {
    const key = await deriveFieldCryptoKey(PASSWORD, 'yishi');
    expect(key.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
  });

  it('binds a sealed value to its collection and field', async () => {
    const cipher = await cipherFor();
    const sealed = await one(cipher, 'people', 'idNumber', '110105195001011234');
    await expect(open(cipher, 'people', 'phone', sealed)).rejects.toThrow();
    await expect(open(cipher, 'demands', 'idNumber', sealed)).rejects.toThrow();
  });

  it('refuses a value altered by one bit', async () => {
    const cipher = await cipherFor();
    const sealed = await one(cipher, 'people', 'phone', '13900001234');
    const bytes = Uint8Array.from(atob(sealed.slice(3)), (c) => c.charCodeAt(0));
    bytes[bytes.length - 1]! ^= 1;
    const altered = 'y2:' + btoa(String.fromCharCode(...bytes));
    await expect(open(cipher, 'people', 'phone', altered)).rejects.toThrow();
  });

  it('keeps JSON values and Chinese text intact, in a batch of many', async () => {
    const cipher = await cipherFor();
    const values = ['5号楼2单元301', { building: 5, unit: 2 }, ['a', 1], 0, '', null, true];
    const many = Array.from({ length: 6000 }, (_, i) => values[i % values.length]);
    const items = many.map((value) => ({ where: 'demands', field: 'addressDetail', value }));
    const sealed = await cipher.sealAll(items);
    expect(new Set(sealed).size).toBe(many.length);
    expect(await cipher.openAll(sealed.map((value) => ({ ...items[0]!, value })))).toEqual(many);
  });

  it('derives a different key per database name', async () => {
    const sealed = await one(await cipherFor(), 'people', 'phone', '13900001234');
    await expect(open(await cipherFor(PASSWORD, 'yishi-other'), 'people', 'phone', sealed)).rejects.toThrow();
    const a = await deriveFieldKey(PASSWORD, 'yishi');
    expect([...a]).not.toEqual([...(await deriveFieldKey(PASSWORD, 'yishi-other'))]);
    expect(a).toHaveLength(32);
  });

  it('still opens values sealed with XChaCha20-Poly1305 (y1:), bound to their field as before', async () => {
    const cipher = await cipherFor();
    expect(await open(cipher, 'people', 'phone', V1_PHONE)).toBe('13900001234');
    expect(await open(cipher, 'demands.docData', 'addressDetail', V1_ADDRESS)).toEqual({
      building: 5,
      unit: 2,
      room: '301室',
    });
    await expect(open(cipher, 'people', 'idNumber', V1_PHONE)).rejects.toThrow();
    await expect(
      open(await cipherFor('another-key-0123456789'), 'people', 'phone', V1_PHONE),
    ).rejects.toThrow();
  });

  it('derives the y1 key only when a y1 value is met', async () => {
    let derived = 0;
    const cipher = fieldCipher({
      password: {
        key: await deriveFieldCryptoKey(PASSWORD, 'yishi'),
        text: PASSWORD,
        legacyKey: () => {
          derived += 1;
          return deriveFieldKey(PASSWORD, 'yishi');
        },
      },
    });
    await open(cipher, 'people', 'phone', await one(cipher, 'people', 'phone', 'x'));
    expect(derived).toBe(0);
    await cipher.openAll([V1_PHONE, V1_PHONE].map((value) => ({ where: 'people', field: 'phone', value })));
    expect(derived).toBe(1);
  });

  it('still opens values written by the earlier crypto-js encryption, beside newer ones', async () => {
    const cipher = await cipherFor();
    const legacy = encryptString(JSON.stringify('13900001234'), PASSWORD);
    const fresh = await one(cipher, 'people', 'phone', '13900005678');
    const items = [legacy, V1_PHONE, fresh].map((value) => ({ where: 'people', field: 'phone', value }));
    expect(await cipher.openAll(items)).toEqual(['13900001234', '13900001234', '13900005678']);
  });

  it('seals under the key ring key as y3, which needs that key and opens nothing older', async () => {
    const ring = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
      'encrypt',
      'decrypt',
    ]);
    const cipher = fieldCipher({ ring });
    const sealed = await one(cipher, 'people', 'phone', '13900001234');
    expect(sealed.startsWith('y3:')).toBe(true);
    expect(await open(cipher, 'people', 'phone', sealed)).toBe('13900001234');
    const other = fieldCipher({
      ring: await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']),
    });
    await expect(open(other, 'people', 'phone', sealed)).rejects.toThrow();
    // A y2 value under a ring-only cipher: refused with a clear message, never opened wrongly.
    const y2 = await one(await cipherFor(), 'people', 'phone', 'x');
    await expect(open(cipher, 'people', 'phone', y2)).rejects.toThrow('y2:');
    // While re-keying, both keys are held: old values open, new ones are sealed as y3.
    const both = fieldCipher({ ring, password: (await passwordKeys()).password });
    expect(await open(both, 'people', 'phone', y2)).toBe('x');
    expect((await one(both, 'people', 'phone', 'y')).startsWith('y3:')).toBe(true);
  });
});
