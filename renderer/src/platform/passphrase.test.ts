import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { keyRingStore, WrongPassphraseError } from './key-ring';
import { createDeviceLock } from './passphrase';
import { MemoryStorage } from './memory-storage.testing';

const PASSPHRASE = 'correct horse battery';
const DB = 'yishi';

/** One browser profile: IndexedDB and localStorage survive a browser restart, sessionStorage does not. */
function profile() {
  const idb = new IDBFactory();
  const local = new MemoryStorage();
  let session = new MemoryStorage();
  const migrated: string[] = [];
  const start = () =>
    createDeviceLock({
      rings: keyRingStore(idb),
      session,
      local,
      migrateSecrets: async (passphrase) => void migrated.push(passphrase),
    });
  return {
    idb,
    local,
    get session() {
      return session;
    },
    migrated,
    /** A reload: the same tab session. */
    reload: start,
    /** Closing the browser and opening it again. */
    restartBrowser() {
      session = new MemoryStorage();
      return start();
    },
  };
}

const encrypt = (key: CryptoKey, iv: Uint8Array<ArrayBuffer>) =>
  crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode('x'));

describe('device lock', () => {
  it('keeps non-extractable keys across a reload, locks when the browser session ends', async () => {
    const p = profile();
    const first = p.reload();
    expect(first.mayBeUnlocked()).toBe(false);
    expect(first.wasSet()).toBe(false);
    const { keys, rekey } = await first.unlock(DB, PASSPHRASE);
    expect(rekey).toBeUndefined();
    expect(keys.field.extractable).toBe(false);
    expect(keys.secrets.extractable).toBe(false);
    expect(first.current()).toBe(keys);

    const reloaded = p.reload();
    expect(reloaded.mayBeUnlocked()).toBe(true);
    const restored = await reloaded.restore(DB);
    // The very key that was derived: what it seals, the first one opens.
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const sealed = await encrypt(restored!.keys.field, iv);
    await expect(crypto.subtle.decrypt({ name: 'AES-GCM', iv }, keys.field, sealed)).resolves.toBeDefined();

    const restarted = p.restartBrowser();
    expect(restarted.mayBeUnlocked()).toBe(false);
    expect(restarted.wasSet()).toBe(true);
    expect(await restarted.restore(DB)).toBeNull();
    // The keys are gone from IndexedDB, the salt and check value stay.
    const record = await keyRingStore(p.idb).read(DB);
    expect(record?.keys).toBeUndefined();
    expect(record?.salt.length).toBe(16);
    await expect(restarted.unlock(DB, 'not the passphrase')).rejects.toBeInstanceOf(WrongPassphraseError);
    const again = await restarted.unlock(DB, PASSPHRASE);
    const sealedAgain = await encrypt(again.keys.field, iv);
    expect(new Uint8Array(sealedAgain)).toEqual(new Uint8Array(sealed));
  });

  it('gives each database its own random salt', async () => {
    const a = profile();
    const b = profile();
    await a.reload().unlock(DB, PASSPHRASE);
    await b.reload().unlock(DB, PASSPHRASE);
    const saltA = (await keyRingStore(a.idb).read(DB))!.salt;
    const saltB = (await keyRingStore(b.idb).read(DB))!.salt;
    expect([...saltA]).not.toEqual([...saltB]);
  });

  it('stores the passphrase nowhere, and takes the one an older version left in the session once', async () => {
    const p = profile();
    // What the version before the key ring left behind: the passphrase in sessionStorage.
    p.local.setItem('yishi.passphrase-set', '1');
    p.session.setItem('yishi.passphrase', PASSPHRASE);
    const lock = p.reload();
    expect(lock.mayBeUnlocked()).toBe(true);
    const unlocked = await lock.restore(DB);
    expect(p.session.getItem('yishi.passphrase')).toBeNull();
    // That database was sealed under the passphrase: it is re-keyed before it opens.
    expect(unlocked?.rekey?.passphrase).toBe(PASSPHRASE);
    expect(await keyRingStore(p.idb).read(DB)).toBeUndefined();
    await unlocked!.rekey!.verified();
    // Interrupted here: the next session needs the passphrase again, and takes the re-key up.
    expect(await p.restartBrowser().restore(DB)).toBeNull();
    const resumed = await p.reload().unlock(DB, PASSPHRASE);
    expect(resumed.rekey).toBeDefined();
    await resumed.rekey!.verified();
    await resumed.rekey!.done();
    expect(p.migrated).toEqual([PASSPHRASE]);
    expect((await p.reload().restore(DB))?.rekey).toBeUndefined();

    const stored = JSON.stringify([
      ...Array.from({ length: p.local.length }, (_, i) => p.local.getItem(p.local.key(i)!)),
      ...Array.from({ length: p.session.length }, (_, i) => p.session.getItem(p.session.key(i)!)),
    ]);
    expect(stored).not.toContain(PASSPHRASE);
    const record = await keyRingStore(p.idb).read(DB);
    const bytes = (u: Uint8Array) => Array.from(u, (b) => String.fromCharCode(b)).join('');
    expect(bytes(record!.salt) + bytes(record!.check)).not.toContain(PASSPHRASE);
  });

  it('forgets the ring of a wiped database', async () => {
    const p = profile();
    const lock = p.reload();
    await lock.unlock(DB, PASSPHRASE);
    await lock.forget(DB);
    expect(lock.current()).toBeNull();
    expect(lock.wasSet()).toBe(false);
    expect(await keyRingStore(p.idb).read(DB)).toBeUndefined();
    // A new passphrase makes a new database's ring.
    expect((await lock.unlock(DB, 'another passphrase')).rekey).toBeUndefined();
  });
});
