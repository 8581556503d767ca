// Browser mode has no OS keychain: secrets (the hub token) are sealed with AES-GCM under a key
// derived from the person's passphrase, so a copied profile folder does not leak them.

const PREFIX = 'yishi.secret.';
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

function salt(storage: Storage): Uint8Array<ArrayBuffer> {
  const existing = storage.getItem(SALT_KEY);
  if (existing) return fromBase64(existing);
  const fresh = crypto.getRandomValues(new Uint8Array(16));
  storage.setItem(SALT_KEY, toBase64(fresh));
  return fresh;
}

async function deriveKey(passphrase: string, storage: Storage): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', encoder.encode(passphrase), 'PBKDF2', false, [
    'deriveKey',
  ]);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', salt: salt(storage), iterations: 100_000, hash: 'SHA-256' },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

export function createBrowserSecrets(storage: Storage, passphrase: () => string | null) {
  async function key(): Promise<CryptoKey> {
    const p = passphrase();
    if (!p) throw new Error('本机数据口令尚未输入');
    return deriveKey(p, storage);
  }
  return {
    async get(name: string): Promise<string | null> {
      const sealed = storage.getItem(PREFIX + name);
      if (!sealed) return null;
      const [iv, data] = sealed.split('.');
      if (!iv || !data) return null;
      const plain = await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: fromBase64(iv) },
        await key(),
        fromBase64(data),
      );
      return decoder.decode(plain);
    },
    async set(name: string, value: string): Promise<void> {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, await key(), encoder.encode(value));
      storage.setItem(PREFIX + name, `${toBase64(iv)}.${toBase64(new Uint8Array(data))}`);
    },
    async delete(name: string): Promise<void> {
      storage.removeItem(PREFIX + name);
    },
  };
}
