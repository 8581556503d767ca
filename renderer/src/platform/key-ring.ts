// The key ring of a passphrase database (browser mode, and Electron without an OS keychain). The
// passphrase is used once, at unlock, to derive non-extractable Web Crypto keys (PBKDF2-SHA256 with
// a random salt of this database, then HKDF per purpose); the keys, never the passphrase, are kept
// in IndexedDB beside the database so that a reload stays unlocked. The salt and a check value
// (which tells a wrong passphrase) stay when the keys are dropped, so the same passphrase derives
// the same keys again.

const IDB_NAME = 'yishi-keys';
const STORE = 'rings';
const PBKDF2_ITERATIONS = 600_000;
const SALT_BYTES = 16;
const IV_BYTES = 12;
const CHECK_TEXT = 'yishi-key-check';
const encoder = new TextEncoder();

export class WrongPassphraseError extends Error {
  constructor() {
    super('wrong passphrase');
    this.name = 'WrongPassphraseError';
  }
}

export interface RingKeys {
  /** Seals the PII fields of the database (db/field-cipher.ts, `y3:`). */
  field: CryptoKey;
  /** Seals the secrets kept in localStorage (browser-secrets.ts). */
  secrets: CryptoKey;
}

export interface RingRecord {
  salt: Uint8Array<ArrayBuffer>;
  /** IV and AES-GCM of a fixed text under the field key: opens only with the right passphrase. */
  check: Uint8Array<ArrayBuffer>;
  /** False while a database sealed before the key ring is being sealed again (db/rekey.ts). */
  rekeyed: boolean;
  /** Present while the browser session is unlocked. */
  keys?: RingKeys;
}

export function newSalt(): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(SALT_BYTES));
}

/** The keys of one passphrase and salt; none of them can be exported. */
export async function deriveRingKeys(passphrase: string, salt: Uint8Array<ArrayBuffer>): Promise<RingKeys> {
  const base = await crypto.subtle.importKey('raw', encoder.encode(passphrase), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations: PBKDF2_ITERATIONS },
    base,
    256,
  );
  const root = await crypto.subtle.importKey('raw', bits, 'HKDF', false, ['deriveKey']);
  const purpose = (info: string) =>
    crypto.subtle.deriveKey(
      { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: encoder.encode(info) },
      root,
      { name: 'AES-GCM', length: 256 },
      false,
      ['encrypt', 'decrypt'],
    );
  return { field: await purpose('yishi-fields'), secrets: await purpose('yishi-secrets') };
}

export async function sealCheck(keys: RingKeys, databaseName: string): Promise<Uint8Array<ArrayBuffer>> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: encoder.encode(databaseName) },
    keys.field,
    encoder.encode(CHECK_TEXT),
  );
  const out = new Uint8Array(IV_BYTES + sealed.byteLength);
  out.set(iv);
  out.set(new Uint8Array(sealed), IV_BYTES);
  return out;
}

export async function checkOpens(keys: RingKeys, databaseName: string, check: Uint8Array): Promise<boolean> {
  try {
    await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: check.slice(0, IV_BYTES), additionalData: encoder.encode(databaseName) },
      keys.field,
      check.slice(IV_BYTES),
    );
    return true;
  } catch {
    return false;
  }
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/** The rings of this profile, one per database name, in their own IndexedDB database. */
export function keyRingStore(idb: IDBFactory) {
  let opened: Promise<IDBDatabase> | undefined;
  const db = () => {
    if (!opened) {
      const req = idb.open(IDB_NAME, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE);
      opened = request(req);
    }
    return opened;
  };
  const run = async <T>(mode: IDBTransactionMode, op: (store: IDBObjectStore) => IDBRequest<T>) => {
    const tx = (await db()).transaction(STORE, mode);
    // A write counts once its transaction has committed.
    const committed = new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    });
    const result = await request(op(tx.objectStore(STORE)));
    await committed;
    return result;
  };
  return {
    read: (name: string) => run('readonly', (s) => s.get(name) as IDBRequest<RingRecord | undefined>),
    write: async (name: string, record: RingRecord) =>
      void (await run('readwrite', (s) => s.put(record, name))),
    remove: async (name: string) => void (await run('readwrite', (s) => s.delete(name))),
  };
}

export type KeyRingStore = ReturnType<typeof keyRingStore>;
