// The lock of a passphrase database. The passphrase is typed, used once to derive the key ring
// (key-ring.ts) and then dropped: no storage ever holds it. The keys stay in IndexedDB while a mark
// in this tab's sessionStorage says the browser session is unlocked, so a reload keeps the app
// unlocked and closing the browser locks it again (a session without the mark drops the keys).
import {
  WrongPassphraseError,
  checkOpens,
  deriveRingKeys,
  newSalt,
  sealCheck,
  type KeyRingStore,
  type RingKeys,
  type RingRecord,
} from './key-ring';

export const MIN_PASSPHRASE_LENGTH = 8;
const SESSION_MARK = 'yishi.unlocked';
/** Where versions before the key ring kept the passphrase itself: taken once, then removed. */
const OLD_SESSION_PASSPHRASE = 'yishi.passphrase';
const SET_MARK = 'yishi.passphrase-set';

export interface Unlocked {
  keys: RingKeys;
  /**
   * Set when the database was sealed before the key ring, under the passphrase itself: db/rekey.ts
   * checks the passphrase against it (then `verified`, before it rewrites anything), seals it
   * again under `keys`, then `done`.
   */
  rekey?: { passphrase: string; verified(): Promise<void>; done(): Promise<void> };
}

export interface LockEnvironment {
  rings: KeyRingStore;
  session: Storage;
  local: Storage;
  /** Seals the secrets kept under the passphrase before the key ring again, under the ring's key. */
  migrateSecrets(passphrase: string, keys: RingKeys): Promise<void>;
}

export function createDeviceLock({ rings, session, local, migrateSecrets }: LockEnvironment) {
  let current: RingKeys | null = null;
  // One change of the ring at a time: a lock at start never overtakes the unlock that follows it.
  let queue: Promise<unknown> = Promise.resolve();
  const serial =
    <A extends unknown[], T>(fn: (...args: A) => Promise<T>) =>
    (...args: A): Promise<T> => {
      const run = queue.then(() => fn(...args));
      queue = run.catch(() => undefined);
      return run;
    };
  const opened = (keys: RingKeys) => {
    session.setItem(SESSION_MARK, '1');
    local.setItem(SET_MARK, '1');
    current = keys;
  };
  const dropKeys = async (name: string) => {
    current = null;
    session.removeItem(SESSION_MARK);
    const record = await rings.read(name);
    if (record?.keys) await rings.write(name, { ...record, keys: undefined });
  };
  const rekeyed = (name: string, record: RingRecord, passphrase: string, keys: RingKeys): Unlocked => ({
    keys,
    rekey: {
      passphrase,
      verified: () => rings.write(name, { ...record, keys }),
      async done() {
        await migrateSecrets(passphrase, keys);
        await rings.write(name, { ...record, keys, rekeyed: true });
        opened(keys);
      },
    },
  });

  const lock = {
    /** The keys while unlocked (secrets are sealed under `secrets`). */
    current: () => current,
    /** Whether this session may still be unlocked (then the app tries `restore` before asking). */
    mayBeUnlocked: () =>
      session.getItem(SESSION_MARK) === '1' || session.getItem(OLD_SESSION_PASSPHRASE) !== null,
    /** Whether this profile already has a database sealed with a passphrase. */
    wasSet: () => local.getItem(SET_MARK) === '1',

    /** The keys of this browser session after a reload, or null: then the passphrase is asked. */
    restore: serial(async (name: string): Promise<Unlocked | null> => {
      const old = session.getItem(OLD_SESSION_PASSPHRASE);
      if (old !== null) {
        session.removeItem(OLD_SESSION_PASSPHRASE);
        return unlock(name, old);
      }
      const record = await rings.read(name);
      if (session.getItem(SESSION_MARK) !== '1' || !record?.keys || !record.rekeyed) {
        // A new browser session (or a re-key not finished, which needs the passphrase): locked.
        await dropKeys(name);
        return null;
      }
      opened(record.keys);
      return { keys: record.keys };
    }),

    /** Derives the keys of a typed passphrase; throws WrongPassphraseError if it is not this database's. */
    unlock: serial((name: string, passphrase: string) => unlock(name, passphrase)),

    /** Locks: the keys are dropped, the salt and check value stay. */
    lock: serial(dropKeys),

    /** The database is gone (a wiped device): its ring goes too. */
    forget: serial(async (name: string): Promise<void> => {
      current = null;
      session.removeItem(SESSION_MARK);
      session.removeItem(OLD_SESSION_PASSPHRASE);
      local.removeItem(SET_MARK);
      await rings.remove(name);
    }),
  };

  async function unlock(name: string, passphrase: string): Promise<Unlocked> {
    const record = await rings.read(name);
    if (record) {
      const keys = await deriveRingKeys(passphrase, record.salt);
      if (!(await checkOpens(keys, name, record.check))) throw new WrongPassphraseError();
      if (!record.rekeyed) return rekeyed(name, record, passphrase, keys);
      await rings.write(name, { ...record, keys });
      opened(keys);
      return { keys };
    }
    const salt = newSalt();
    const keys = await deriveRingKeys(passphrase, salt);
    const fresh: RingRecord = { salt, check: await sealCheck(keys, name), rekeyed: true };
    // A database sealed before the key ring: its passphrase is checked by the re-key.
    if (local.getItem(SET_MARK) === '1') return rekeyed(name, { ...fresh, rekeyed: false }, passphrase, keys);
    await rings.write(name, { ...fresh, keys });
    opened(keys);
    return { keys };
  }
  return lock;
}

export type DeviceLock = ReturnType<typeof createDeviceLock>;
