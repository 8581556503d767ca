import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSecretStore, SECRETS_FILE, type SafeStorageApi } from './secrets';

// A stand-in for the OS keychain: XOR with a key the file never contains.
function fakeSafeStorage(
  available = true,
  backend = 'gnome_libsecret',
): SafeStorageApi & { encryptions: number } {
  const key = 0x5a;
  const fake = {
    encryptions: 0,
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString(plain: string) {
      fake.encryptions += 1;
      return Buffer.from(Buffer.from(plain, 'utf8').map((b) => b ^ key));
    },
    decryptString(encrypted: Buffer) {
      return Buffer.from(encrypted.map((b) => b ^ key)).toString('utf8');
    },
  };
  return fake;
}

let dir: string;
let filePath: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'yishi-secrets-'));
  filePath = join(dir, 'nested', SECRETS_FILE);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('secret store', () => {
  it('round-trips a secret through safeStorage and keeps only ciphertext on disk', async () => {
    const store = createSecretStore({ safeStorage: fakeSafeStorage(), filePath, platform: 'win32' });
    expect(await store.set('hub.token', '令牌-abc123')).toEqual({ status: 'stored' });
    expect(await store.get('hub.token')).toBe('令牌-abc123');
    const onDisk = await readFile(filePath, 'utf8');
    expect(onDisk).not.toContain('abc123');
    const parsed = JSON.parse(onDisk) as { version: number; secrets: Record<string, string> };
    expect(parsed.version).toBe(1);
    expect(Object.keys(parsed.secrets)).toEqual(['hub.token']);
    expect(Buffer.from(parsed.secrets['hub.token'] ?? '', 'base64').length).toBeGreaterThan(0);
  });

  it('persists across store instances and keeps other secrets on delete', async () => {
    const safeStorage = fakeSafeStorage();
    const first = createSecretStore({ safeStorage, filePath, platform: 'linux' });
    await first.set('hub.token', 't');
    await first.set('device.key', 'k');
    const second = createSecretStore({ safeStorage, filePath, platform: 'linux' });
    expect(await second.get('device.key')).toBe('k');
    await second.delete('hub.token');
    expect(await second.get('hub.token')).toBeNull();
    expect(await first.get('device.key')).toBe('k');
  });

  it('answers null for unknown names, including Object.prototype keys', async () => {
    const store = createSecretStore({ safeStorage: fakeSafeStorage(), filePath, platform: 'win32' });
    expect(await store.get('missing')).toBeNull();
    await store.set('a', '1');
    expect(await store.get('constructor')).toBeNull();
    expect(await store.get('tostring')).toBeNull();
  });

  it('serialises concurrent writes so none is lost', async () => {
    const store = createSecretStore({ safeStorage: fakeSafeStorage(), filePath, platform: 'win32' });
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.set(`k${i}`, `v${i}`)));
    const values = await Promise.all(Array.from({ length: 20 }, (_, i) => store.get(`k${i}`)));
    expect(values).toEqual(Array.from({ length: 20 }, (_, i) => `v${i}`));
  });

  it('refuses to store when encryption is unavailable', async () => {
    const safeStorage = fakeSafeStorage(false);
    const store = createSecretStore({ safeStorage, filePath, platform: 'win32' });
    expect(store.isAvailable()).toBe(false);
    expect(await store.set('hub.token', 'secret')).toEqual({ status: 'unavailable' });
    expect(safeStorage.encryptions).toBe(0);
    await expect(stat(filePath)).rejects.toThrow();
  });

  it("treats Linux's basic_text backend as unavailable", async () => {
    const store = createSecretStore({
      safeStorage: fakeSafeStorage(true, 'basic_text'),
      filePath,
      platform: 'linux',
    });
    expect(await store.set('hub.token', 'secret')).toEqual({ status: 'unavailable' });
    const windows = createSecretStore({
      safeStorage: fakeSafeStorage(true, 'basic_text'),
      filePath,
      platform: 'win32',
    });
    expect(windows.isAvailable()).toBe(true);
  });

  it('refuses to decrypt without encryption but still deletes', async () => {
    await createSecretStore({ safeStorage: fakeSafeStorage(), filePath, platform: 'win32' }).set(
      'hub.token',
      't',
    );
    const locked = createSecretStore({ safeStorage: fakeSafeStorage(false), filePath, platform: 'win32' });
    await expect(locked.get('hub.token')).rejects.toThrow(/unavailable/);
    await locked.delete('hub.token');
    expect(await locked.get('hub.token')).toBeNull();
  });

  it('reports a corrupt file instead of overwriting it', async () => {
    await writeFile(join(dir, 'bad.json'), '{oops');
    const store = createSecretStore({
      safeStorage: fakeSafeStorage(),
      filePath: join(dir, 'bad.json'),
      platform: 'win32',
    });
    await expect(store.set('a', 'b')).rejects.toThrow();
    expect(await readFile(join(dir, 'bad.json'), 'utf8')).toBe('{oops');
  });
});
