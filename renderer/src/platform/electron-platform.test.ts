import { describe, expect, it } from 'vitest';
import type { YishiBridge } from '#shared/bridge/contract';
import { createElectronPlatform, KeychainUnavailableError } from './electron-platform';
import { MemoryStorage } from './memory-storage.testing';

/** A bridge whose keychain works or not; it keeps what it was given. */
function bridge(keychain: boolean) {
  const kept = new Map<string, string>();
  const api = {
    getSecret: async (name: string) => kept.get(name) ?? null,
    setSecret: async (name: string, value: string) => {
      if (!keychain) return { status: 'unavailable' as const };
      kept.set(name, value);
      return { status: 'saved' as const };
    },
    deleteSecret: async (name: string) => void kept.delete(name),
  };
  return { api: api as unknown as YishiBridge, kept };
}

describe('Electron secrets', () => {
  it('keeps secrets in the OS keychain when it works, and needs no passphrase', async () => {
    const { api, kept } = bridge(true);
    const storage = new MemoryStorage();
    const platform = createElectronPlatform(api, storage, () => null);
    await platform.setSecret('device.key', 'k-1');
    expect(kept.get('device.key')).toBe('k-1');
    expect(platform.usesPassphrase).toBe(false);
    expect(storage.length).toBe(0);
  });

  it('falls back to a passphrase where the OS has no keychain, then seals secrets under its key ring', async () => {
    const { api, kept } = bridge(false);
    const storage = new MemoryStorage();
    let ringKey: CryptoKey | null = null;
    const platform = createElectronPlatform(api, storage, () => ringKey);
    await expect(platform.setSecret('device.key', 'k-1')).rejects.toBeInstanceOf(KeychainUnavailableError);
    // The next start asks for a passphrase instead of failing.
    expect(platform.usesPassphrase).toBe(true);
    ringKey = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
      'encrypt',
      'decrypt',
    ]);
    await platform.setSecret('hub.token', 'tok-123456');
    expect(kept.size).toBe(0);
    expect(
      JSON.stringify(
        Object.fromEntries(
          Array.from({ length: storage.length }, (_, i) => [i, storage.getItem(storage.key(i) ?? '')]),
        ),
      ),
    ).not.toContain('tok-123456');
    expect(await platform.getSecret('hub.token')).toBe('tok-123456');
    await platform.deleteSecret('hub.token');
    expect(await platform.getSecret('hub.token')).toBeNull();
  });
});
