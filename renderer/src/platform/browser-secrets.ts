// Browser mode has no OS keychain: secrets (the hub token) are sealed with AES-GCM under the key
// ring's secrets key (key-ring.ts, derived from the person's passphrase), so a copied profile folder
// does not leak them. Before the key ring they were sealed under a key derived from the passphrase
// with a salt kept here; `migrateBrowserSecrets` seals those again.

const PREFIX = 'yishi.secret.';
/** The salt of the key secrets were sealed under before the key ring. */
const SALT_KEY = 'yishi.secret-salt';
const encoder = new TextEncoder();
const decoder = new TextDecoder();

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const raw = atob(text);
  const out = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

async function oldKey(passphrase: string, salt: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', encoder.encode(passphrase), 'PBKDF2', false, [
    'deriveKey',
  ]);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', salt, iterations: 100_000, hash: 'SHA-256' },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

async function open(sealed: string, key: CryptoKey): Promise<string | null> {
  const [iv, data] = sealed.split('.');
  if (!iv || !data) return null;
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(iv) }, key, fromBase64(data));
  return decoder.decode(plain);
}

async function seal(value: string, key: CryptoKey): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, encoder.encode(value));
  return `${toBase64(iv)}.${toBase64(new Uint8Array(data))}`;
}

const secretNames = (storage: Storage) =>
  Array.from({ length: storage.length }, (_, i) => storage.key(i) ?? '').filter((k) => k.startsWith(PREFIX));

/**
 * Seals the secrets of a profile from before the key ring again under `key`. A secret that no
 * longer opens with the old key was already sealed again by an interrupted earlier run.
 */
export async function migrateBrowserSecrets(
  storage: Storage,
  passphrase: string,
  key: CryptoKey,
): Promise<void> {
  const salt = storage.getItem(SALT_KEY);
  if (!salt) return;
  const old = await oldKey(passphrase, fromBase64(salt));
  for (const name of secretNames(storage)) {
    const plain = await open(storage.getItem(name) ?? '', old).catch(() => null);
    if (plain !== null) storage.setItem(name, await seal(plain, key));
  }
  storage.removeItem(SALT_KEY);
}

export function createBrowserSecrets(storage: Storage, ringKey: () => CryptoKey | null) {
  function key(): CryptoKey {
    const k = ringKey();
    if (!k) throw new Error('本机数据口令尚未输入');
    return k;
  }
  return {
    async get(name: string): Promise<string | null> {
      const sealed = storage.getItem(PREFIX + name);
      if (!sealed) return null;
      return open(sealed, key());
    },
    async set(name: string, value: string): Promise<void> {
      storage.setItem(PREFIX + name, await seal(value, key()));
    },
    async delete(name: string): Promise<void> {
      storage.removeItem(PREFIX + name);
    },
  };
}
