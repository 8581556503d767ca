// The cipher behind the PII fields (see field-encryption.ts). Each value is sealed on its own,
// authenticated and bound to its collection and field, with AES-256-GCM through Web Crypto under
// a non-extractable key: with a passphrase, the device's key ring key (`y3:`, PBKDF2 with a random
// salt, see platform/key-ring.ts); with the OS keychain's device password, a key derived once per
// database (`y2:`, PBKDF2-SHA256 of the password salted with the database name). Web Crypto does the cipher work off the main thread; the main thread
// only starts the operations and awaits them together, once per batch (a page of documents), so
// sealing no longer costs it per field. Profiled on a first sync, the synchronous
// XChaCha20-Poly1305 this replaces cost about 60 µs of main thread per field.
//
// Older values still open: `y1:` values (XChaCha20-Poly1305 under a key derived with the v1 salt,
// derived only when such a value is met) and values without a prefix (RxDB's crypto-js plugin).

import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { decryptString } from 'rxdb/plugins/encryption-crypto-js';

const V3 = 'y3:';
const V2 = 'y2:';
const V1 = 'y1:';
const IV_BYTES = 12;
const V1_NONCE_BYTES = 24;
const PBKDF2_ITERATIONS = 100_000;
/** getRandomValues fills at most 65,536 bytes per call. */
const MAX_RANDOM_BYTES = 65_536;

// Chromium has Uint8Array#toBase64 / Uint8Array.fromBase64 (native, fast); Node 20 does not.
type Base64Native = { toBase64?: () => string };
type Base64Ctor = { fromBase64?: (text: string) => Uint8Array<ArrayBuffer> };
type Bytes = Uint8Array<ArrayBuffer>;

function toBase64(bytes: Uint8Array): string {
  const native = (bytes as Base64Native).toBase64;
  if (native) return native.call(bytes);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Bytes {
  const native = (Uint8Array as Base64Ctor).fromBase64;
  if (native) return native(text);
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) out[i] = binary.charCodeAt(i);
  return out;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

async function passwordKey(password: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', encoder.encode(password), 'PBKDF2', false, [
    'deriveBits',
    'deriveKey',
  ]);
}

const pbkdf2 = (version: string, databaseName: string): Pbkdf2Params => ({
  name: 'PBKDF2',
  hash: 'SHA-256',
  salt: encoder.encode(`yishi-fields-${version}:${databaseName}`),
  iterations: PBKDF2_ITERATIONS,
});

/** The 32-byte XChaCha20 key of `y1:` values: PBKDF2-SHA256 of the password, v1 salt. */
export async function deriveFieldKey(password: string, databaseName: string): Promise<Uint8Array> {
  const bits = await crypto.subtle.deriveBits(pbkdf2('v1', databaseName), await passwordKey(password), 256);
  return new Uint8Array(bits);
}

/** The AES-GCM key of one database; it never leaves Web Crypto (not extractable). */
export async function deriveFieldCryptoKey(password: string, databaseName: string): Promise<CryptoKey> {
  return crypto.subtle.deriveKey(
    pbkdf2('v2', databaseName),
    await passwordKey(password),
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** Whether a stored value is sealed under the key ring's key (nothing left to re-key). */
export const sealedUnderRing = (value: unknown): boolean => typeof value === 'string' && value.startsWith(V3);

/** One field value to seal or open: where = the collection (or `<collection>.docData`). */
export interface FieldValue {
  where: string;
  field: string;
  value: unknown;
}

export interface FieldCipher {
  /** Seals every value; one await for the whole batch. */
  sealAll(items: readonly FieldValue[]): Promise<string[]>;
  /** Opens every sealed value (each `value` a string); fails if any was altered or misplaced. */
  openAll(items: readonly FieldValue[]): Promise<unknown[]>;
}

function randomIvs(count: number): Bytes {
  const out = new Uint8Array(count * IV_BYTES);
  for (let i = 0; i < out.length; i += MAX_RANDOM_BYTES)
    crypto.getRandomValues(out.subarray(i, Math.min(out.length, i + MAX_RANDOM_BYTES)));
  return out;
}

/** The keys a cipher holds; at least one of them. */
export interface CipherKeys {
  /** The key ring's key: seals new values (`y3:`) when present. */
  ring?: CryptoKey;
  /**
   * The device password (OS keychain), or a passphrase while its database is re-keyed: `key` opens
   * and seals `y2:` values, `legacyKey` (asked for once, on the first `y1:` value met) opens
   * XChaCha20 ones, `text` opens crypto-js ones.
   */
  password?: { key: CryptoKey; legacyKey: () => Promise<Uint8Array>; text: string };
}

function needKey<T>(key: T | undefined, format: string): T {
  // A ring database holds only `y3:` values once re-keyed (db/rekey.ts); anything else is a bug.
  if (key === undefined) throw new Error(`本机数据含有无法用当前密钥打开的加密字段（${format}）`);
  return key;
}

export function fieldCipher(keys: CipherKeys): FieldCipher {
  const sealKey = keys.ring ?? needKey(keys.password, V2).key;
  const sealPrefix = keys.ring ? V3 : V2;
  const aads = new Map<string, Bytes>();
  const aad = (where: string, field: string) => {
    const name = `${where}.${field}`;
    let bytes = aads.get(name);
    if (!bytes) {
      bytes = encoder.encode(name);
      aads.set(name, bytes);
    }
    return bytes;
  };
  let legacy: Promise<Uint8Array> | undefined;
  const openV1 = async (item: FieldValue, text: string) => {
    legacy ??= needKey(keys.password, V1).legacyKey();
    const bytes = fromBase64(text.slice(V1.length));
    const plain = xchacha20poly1305(
      await legacy,
      bytes.subarray(0, V1_NONCE_BYTES),
      aad(item.where, item.field),
    ).decrypt(bytes.subarray(V1_NONCE_BYTES));
    return JSON.parse(decoder.decode(plain)) as unknown;
  };
  const openGcm = async (item: FieldValue, text: string, key: CryptoKey) => {
    const bytes = fromBase64(text.slice(V2.length));
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: bytes.subarray(0, IV_BYTES), additionalData: aad(item.where, item.field) },
      key,
      bytes.subarray(IV_BYTES),
    );
    return JSON.parse(decoder.decode(plain)) as unknown;
  };
  return {
    async sealAll(items) {
      if (items.length === 0) return [];
      const ivs = randomIvs(items.length);
      const sealed = await Promise.all(
        items.map((item, i) =>
          crypto.subtle.encrypt(
            {
              name: 'AES-GCM',
              iv: ivs.subarray(i * IV_BYTES, (i + 1) * IV_BYTES),
              additionalData: aad(item.where, item.field),
            },
            sealKey,
            encoder.encode(JSON.stringify(item.value)),
          ),
        ),
      );
      return sealed.map((cipherText, i) => {
        const out = new Uint8Array(IV_BYTES + cipherText.byteLength);
        out.set(ivs.subarray(i * IV_BYTES, (i + 1) * IV_BYTES));
        out.set(new Uint8Array(cipherText), IV_BYTES);
        return sealPrefix + toBase64(out);
      });
    },
    async openAll(items) {
      return Promise.all(
        items.map((item) => {
          const text = item.value;
          if (typeof text !== 'string') throw new Error(`${item.where}.${item.field}: not sealed`);
          if (text.startsWith(V3)) return openGcm(item, text, needKey(keys.ring, V3));
          if (text.startsWith(V2)) return openGcm(item, text, needKey(keys.password, V2).key);
          if (text.startsWith(V1)) return openV1(item, text);
          return JSON.parse(decryptString(text, needKey(keys.password, 'crypto-js').text)) as unknown;
        }),
      );
    },
  };
}
