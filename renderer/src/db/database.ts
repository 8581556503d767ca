import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import type { RxError } from 'rxdb';
import { platform, WrongPassphraseError } from '../platform';
import type { Unlocked } from '../platform';
import { createYishiDatabase } from './create-database';
import { rekeyDatabase } from './rekey';
import type { YishiDatabase } from './create-database';

export const DATABASE_NAME = 'yishi';
const DEVICE_KEY_SECRET = 'db.key';

export { WrongPassphraseError };

/** The OS keychain's device key, or the key ring a passphrase unlocked. */
export type DatabaseKey = { password: string } | { unlocked: Unlocked };

function randomKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Electron keeps a random device key in the OS keychain; it is created on first start. */
export async function deviceKeyFromKeychain(): Promise<string> {
  const existing = await platform.getSecret(DEVICE_KEY_SECRET);
  if (existing) return existing;
  const key = randomKey();
  await platform.setSecret(DEVICE_KEY_SECRET, key);
  return key;
}

/** Opens this device's database on IndexedDB. Several windows share it; one is elected leader. */
export async function openLocalDatabase(key: DatabaseKey): Promise<YishiDatabase> {
  const devTools = import.meta.env.DEV ? (await import('./dev-mode')).devTools() : undefined;
  const storage = getRxStorageDexie();
  const unlocked = 'unlocked' in key ? key.unlocked : undefined;
  if (unlocked?.rekey) {
    // A database from before the key ring: sealed again under it, once, with the typed passphrase.
    const { rekey, keys } = unlocked;
    await rekeyDatabase({
      storage,
      databaseName: DATABASE_NAME,
      passphrase: rekey.passphrase,
      ring: keys.field,
      verified: rekey.verified,
    });
    await rekey.done();
  }
  try {
    const db = await createYishiDatabase({
      name: DATABASE_NAME,
      storage,
      ...('unlocked' in key ? { ring: { ring: key.unlocked.keys.field } } : { password: key.password }),
      multiInstance: true,
      devTools,
    });
    // Ask the browser not to evict what people typed when the disk fills up.
    void navigator.storage?.persist?.().catch(() => false);
    return db;
  } catch (error) {
    if ((error as RxError).code === 'DB1') throw new WrongPassphraseError();
    throw error;
  }
}
