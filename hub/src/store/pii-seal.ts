// Residents' personal fields (the schemas' `pii` marks) sealed at rest in the hub's database with
// the hub key (AES-256-GCM), so a stolen database dump or backup does not reveal residents'
// phones, ID numbers or addresses. The key lives in a file beside the data (`hub-key`, 0600),
// never in the database; the database keeps only the key's id, so a hub started with the wrong
// key refuses to start instead of writing with two keys.
//
// A sealed value is the string "yhk1:" + base64(iv ‖ ciphertext ‖ tag) of the value's JSON.
// Unsealed values (from before sealing, or a raw read) pass through `open` unchanged.

import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { PII_FIELDS } from '#shared/schema/pii';
import type { CollectionName } from '#shared/domain/vocab';

const PREFIX = 'yhk1:';

export class HubKeyError extends Error {}

export interface PiiSealer {
  /** Short id of the key (part of its sha256), stored in hub_meta and in backups. */
  readonly keyId: string;
  seal<T extends Record<string, unknown>>(collection: string, doc: T): T;
  open<T extends Record<string, unknown>>(collection: string, doc: T): T;
  /** Opens every sealed top-level value, whatever the collection. */
  openAll<T extends Record<string, unknown>>(doc: T): T;
}

export function generateHubKey(): Buffer {
  return randomBytes(32);
}

export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update('yishi-hub-key:').update(key).digest('hex').slice(0, 16);
}

export const isSealed = (value: unknown): boolean => typeof value === 'string' && value.startsWith(PREFIX);

export function createSealer(key: Buffer): PiiSealer {
  if (key.length !== 32) throw new HubKeyError('服务器密钥必须是 32 字节');
  const fieldsOf = (collection: string) => PII_FIELDS[collection as CollectionName] ?? [];
  const sealValue = (value: unknown) => {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    return PREFIX + Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64');
  };
  const openValue = (value: string): unknown => {
    const raw = Buffer.from(value.slice(PREFIX.length), 'base64');
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(raw.length - 16));
    try {
      const text = Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]);
      return JSON.parse(text.toString('utf8')) as unknown;
    } catch {
      throw new HubKeyError('个人信息无法用当前的服务器密钥解密');
    }
  };
  const map = <T extends Record<string, unknown>>(
    collection: string,
    doc: T,
    fn: (value: unknown) => unknown,
    applies: (value: unknown) => boolean,
  ): T => {
    const fields = fieldsOf(collection);
    if (!fields.some((f) => applies(doc[f]))) return doc;
    const out: Record<string, unknown> = { ...doc };
    for (const f of fields) if (applies(doc[f])) out[f] = fn(doc[f]);
    return out as T;
  };
  return {
    keyId: keyIdOf(key),
    seal: (collection, doc) => map(collection, doc, sealValue, (v) => v !== undefined && !isSealed(v)),
    open: (collection, doc) => map(collection, doc, (v) => openValue(v as string), isSealed),
    openAll(doc) {
      if (!Object.values(doc).some(isSealed)) return doc;
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(doc)) out[k] = isSealed(v) ? openValue(v as string) : v;
      return out as typeof doc;
    },
  };
}
