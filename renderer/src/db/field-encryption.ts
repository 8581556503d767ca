// Encryption of the PII fields a schema lists under `encrypted` (reporter phone, ID numbers,
// address details), as an RxDB storage wrapper. RxDB's crypto-js plugin derived a key for every
// single field value (EVP_BytesToKey, MD5) and ran AES in crypto-js's object model: profiled, that
// was 40 % of an initial sync and most of opening a large ledger. Here the key is derived once
// per database (PBKDF2-SHA256 through Web Crypto, which the browser, Electron and Node all have)
// and each value is sealed with XChaCha20-Poly1305 (@noble/ciphers, audited, synchronous) under a
// random 24-byte nonce, bound to its collection and field. Values written by the crypto-js plugin
// (no `y1:` prefix) are still read, so databases created before this change keep opening.

import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { randomBytes } from '@noble/ciphers/utils.js';
import { hasEncryption, wrapRxStorageInstance } from 'rxdb';
import type { RxJsonSchema, RxStorage, RxStorageInstanceCreationParams } from 'rxdb';
import { decryptString } from 'rxdb/plugins/encryption-crypto-js';

const PREFIX = 'y1:';
const NONCE_BYTES = 24;
const PBKDF2_ITERATIONS = 100_000;
const MIN_PASSWORD_LENGTH = 8;

// Chromium has Uint8Array#toBase64 / Uint8Array.fromBase64 (native, fast); Node 20 does not.
type Base64Native = { toBase64?: () => string };
type Base64Ctor = { fromBase64?: (text: string) => Uint8Array };

function toBase64(bytes: Uint8Array): string {
  const native = (bytes as Base64Native).toBase64;
  if (native) return native.call(bytes);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const native = (Uint8Array as Base64Ctor).fromBase64;
  if (native) return native(text);
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) out[i] = binary.charCodeAt(i);
  return out;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The 32-byte field key of one database: PBKDF2-SHA256 of the password, salted with its name. */
export async function deriveFieldKey(password: string, databaseName: string): Promise<Uint8Array> {
  const material = await crypto.subtle.importKey('raw', encoder.encode(password), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits(
    {
      name: 'PBKDF2',
      hash: 'SHA-256',
      salt: encoder.encode(`yishi-fields-v1:${databaseName}`),
      iterations: PBKDF2_ITERATIONS,
    },
    material,
    256,
  );
  return new Uint8Array(bits);
}

export interface FieldCipher {
  seal(collection: string, field: string, value: unknown): string;
  open(collection: string, field: string, sealed: string): unknown;
}

export function fieldCipher(key: Uint8Array, password: string): FieldCipher {
  const aad = (collection: string, field: string) => encoder.encode(`${collection}.${field}`);
  return {
    seal(collection, field, value) {
      const nonce = randomBytes(NONCE_BYTES);
      const sealed = xchacha20poly1305(key, nonce, aad(collection, field)).encrypt(
        encoder.encode(JSON.stringify(value)),
      );
      const out = new Uint8Array(NONCE_BYTES + sealed.length);
      out.set(nonce);
      out.set(sealed, NONCE_BYTES);
      return PREFIX + toBase64(out);
    },
    open(collection, field, sealed) {
      if (!sealed.startsWith(PREFIX)) return JSON.parse(decryptString(sealed, password)) as unknown;
      const bytes = fromBase64(sealed.slice(PREFIX.length));
      const plain = xchacha20poly1305(key, bytes.subarray(0, NONCE_BYTES), aad(collection, field)).decrypt(
        bytes.subarray(NONCE_BYTES),
      );
      return JSON.parse(decoder.decode(plain)) as unknown;
    },
  };
}

function withoutEncrypted(schema: RxJsonSchema<unknown>): RxJsonSchema<unknown> {
  const { encrypted: _encrypted, ...rest } = schema as RxJsonSchema<unknown> & { encrypted?: string[] };
  return rest as RxJsonSchema<unknown>;
}

/** The stored schema: encrypted fields are strings there, whatever they are in the document. */
function storedSchema(schema: RxJsonSchema<unknown>, fields: readonly string[]): RxJsonSchema<unknown> {
  const properties = { ...(schema.properties as Record<string, unknown>) };
  for (const field of fields) properties[field] = { type: 'string' };
  const { encrypted: _encrypted, ...rest } = schema as RxJsonSchema<unknown> & { encrypted?: string[] };
  return { ...rest, properties } as RxJsonSchema<unknown>;
}

/**
 * A collection's properties → its encrypted fields. RxDB's replication keeps a copy of every
 * document as the hub last had it, under `docData` of a meta instance whose schema lists the whole
 * `docData` as encrypted; with this the copy gets the same field-level sealing as the document
 * instead of one sealed blob per document (a tenth of the work on an initial sync).
 */
const encryptedByProperties = new WeakMap<object, readonly string[]>();

type Doc = Record<string, unknown>;

function sealFields(
  cipher: FieldCipher,
  where: string,
  fields: readonly string[],
  doc: Doc,
  seal: boolean,
): Doc {
  let out: Doc | undefined;
  for (const field of fields) {
    const value = doc[field];
    if (value === undefined) continue;
    out ??= { ...doc };
    out[field] = seal ? cipher.seal(where, field, value) : cipher.open(where, field, value as string);
  }
  // Documents without PII fields pass through untouched (no copy).
  return out ?? doc;
}

/** Wraps a storage so that every collection's `encrypted` top-level fields are sealed at rest. */
export function fieldEncryptionStorage<I, C>(storage: RxStorage<I, C>): RxStorage<I, C> {
  const keys = new Map<string, Promise<Uint8Array>>();
  return {
    ...storage,
    async createStorageInstance<R>(params: RxStorageInstanceCreationParams<R, C>) {
      const schema = params.schema as RxJsonSchema<unknown> & { encrypted?: string[] };
      if (!hasEncryption(schema)) return storage.createStorageInstance(params);
      const password = params.password;
      if (typeof password !== 'string' || password.length < MIN_PASSWORD_LENGTH)
        throw new Error('本机数据库需要至少 8 个字符的密钥才能加密个人信息');
      const fields = schema.encrypted ?? [];
      if (fields.some((f) => f.includes('.')))
        throw new Error(`only top-level fields can be encrypted (${params.collectionName})`);
      const properties = schema.properties as Record<string, { properties?: object }>;
      encryptedByProperties.set(properties, fields);
      const docDataProperties =
        fields.length === 1 && fields[0] === 'docData' ? properties['docData']?.properties : undefined;
      const nested = docDataProperties ? encryptedByProperties.get(docDataProperties) : undefined;
      const cacheKey = `${params.databaseName}\u0000${password}`;
      let key = keys.get(cacheKey);
      if (!key) {
        key = deriveFieldKey(password, params.databaseName);
        keys.set(cacheKey, key);
      }
      const cipher = fieldCipher(await key, password);
      const collection = params.collectionName;
      const instance = await storage.createStorageInstance({
        ...params,
        schema: (nested ? withoutEncrypted(schema) : storedSchema(schema, fields)) as never,
      });
      const nestedWhere = `${collection}.docData`;
      const transform = (doc: Doc, seal: boolean): Doc => {
        if (!nested) return sealFields(cipher, collection, fields, doc, seal);
        const data = doc['docData'];
        if (data === undefined || data === null) return doc;
        // A copy sealed whole (by the crypto-js plugin) still opens.
        if (!seal && typeof data === 'string') return sealFields(cipher, collection, fields, doc, false);
        return { ...doc, docData: sealFields(cipher, nestedWhere, nested, data as Doc, seal) };
      };
      return wrapRxStorageInstance(
        params.schema as never,
        instance as never,
        (doc: Doc) => transform(doc, true) as never,
        (doc: Doc) => transform(doc, false) as never,
      ) as never;
    },
  };
}
