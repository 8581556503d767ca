import { describe, expect, it } from 'vitest';
import { createBrowserSecrets, migrateBrowserSecrets } from './browser-secrets';
import { MemoryStorage } from './memory-storage.testing';

const aesKey = () =>
  crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
const everything = (storage: Storage) =>
  Array.from({ length: storage.length }, (_, i) => storage.getItem(storage.key(i) ?? '')).join('|');

/** How secrets were sealed before the key ring: PBKDF2 of the passphrase with a stored salt. */
async function sealedTheOldWay(storage: Storage, passphrase: string, name: string, value: string) {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  storage.setItem('yishi.secret-salt', btoa(String.fromCharCode(...salt)));
  const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, [
    'deriveKey',
  ]);
  const key = await crypto.subtle.deriveKey(
    { name: 'PBKDF2', salt, iterations: 100_000, hash: 'SHA-256' },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt'],
  );
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(value)),
  );
  storage.setItem(
    `yishi.secret.${name}`,
    `${btoa(String.fromCharCode(...iv))}.${btoa(String.fromCharCode(...data))}`,
  );
}

describe('browser-mode secrets', () => {
  it('round-trips a secret sealed under the key ring key and never stores it in clear', async () => {
    const storage = new MemoryStorage();
    const key = await aesKey();
    const secrets = createBrowserSecrets(storage, () => key);
    await secrets.set('hub.token', 'tok-123456');
    expect(await secrets.get('hub.token')).toBe('tok-123456');
    expect(everything(storage)).not.toContain('tok-123456');
  });

  it('cannot open a secret with another key', async () => {
    const storage = new MemoryStorage();
    const first = await aesKey();
    const other = await aesKey();
    await createBrowserSecrets(storage, () => first).set('hub.token', 'secret');
    await expect(createBrowserSecrets(storage, () => other).get('hub.token')).rejects.toThrow();
  });

  it('refuses to work while locked, and forgets deleted secrets', async () => {
    const storage = new MemoryStorage();
    await expect(createBrowserSecrets(storage, () => null).set('a', 'b')).rejects.toThrow('口令');
    const key = await aesKey();
    const secrets = createBrowserSecrets(storage, () => key);
    await secrets.set('a', 'b');
    await secrets.delete('a');
    expect(await secrets.get('a')).toBeNull();
  });

  it('seals secrets from before the key ring again under the ring key, even after an interrupted run', async () => {
    const storage = new MemoryStorage();
    await sealedTheOldWay(storage, 'correct horse battery', 'hub.token', 'tok-old');
    const key = await aesKey();
    const secrets = createBrowserSecrets(storage, () => key);
    await expect(secrets.get('hub.token')).rejects.toThrow();
    // An earlier run already sealed this one again before it was interrupted.
    await secrets.set('other', 'already-new');
    await migrateBrowserSecrets(storage, 'correct horse battery', key);
    expect(await secrets.get('hub.token')).toBe('tok-old');
    expect(await secrets.get('other')).toBe('already-new');
    expect(storage.getItem('yishi.secret-salt')).toBeNull();
    // Nothing left to do: a second run changes nothing.
    const before = everything(storage);
    await migrateBrowserSecrets(storage, 'correct horse battery', key);
    expect(everything(storage)).toBe(before);
  });
});
