import { describe, expect, it } from 'vitest';
import { createBrowserSecrets } from './browser-secrets';
import { MemoryStorage } from './memory-storage.testing';

describe('browser-mode secrets', () => {
  it('round-trips a secret sealed under the passphrase and never stores it in clear', async () => {
    const storage = new MemoryStorage();
    const secrets = createBrowserSecrets(storage, () => 'correct horse battery');
    await secrets.set('hub.token', 'tok-123456');
    expect(await secrets.get('hub.token')).toBe('tok-123456');
    const raw = [...Array(storage.length).keys()].map((i) => storage.getItem(storage.key(i) ?? '')).join('|');
    expect(raw).not.toContain('tok-123456');
  });

  it('cannot open a secret with another passphrase', async () => {
    const storage = new MemoryStorage();
    await createBrowserSecrets(storage, () => 'first passphrase').set('hub.token', 'secret');
    await expect(createBrowserSecrets(storage, () => 'other passphrase').get('hub.token')).rejects.toThrow();
  });

  it('refuses to work before the passphrase is known, and forgets deleted secrets', async () => {
    const storage = new MemoryStorage();
    await expect(createBrowserSecrets(storage, () => null).set('a', 'b')).rejects.toThrow('口令');
    const secrets = createBrowserSecrets(storage, () => 'passphrase!');
    await secrets.set('a', 'b');
    await secrets.delete('a');
    expect(await secrets.get('a')).toBeNull();
  });
});
