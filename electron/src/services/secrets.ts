import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { SetSecretResult } from '#shared/bridge/contract';

// The device key and the hub token, encrypted with the OS keychain through safeStorage and kept
// as base64 in a JSON file in userData. When the OS offers no real encryption the store refuses
// to write and the renderer falls back to its passphrase (docs/architecture.md).

export const SECRETS_FILE = 'secrets.json';

export interface SafeStorageApi {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Uint8Array;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?(): string;
}

export interface SecretStoreOptions {
  readonly safeStorage: SafeStorageApi;
  readonly filePath: string;
  /** process.platform: on Linux the 'basic_text' backend is a hard-coded key, not encryption. */
  readonly platform: string;
}

export interface SecretStore {
  get(name: string): Promise<string | null>;
  set(name: string, value: string): Promise<SetSecretResult>;
  delete(name: string): Promise<void>;
  isAvailable(): boolean;
}

interface SecretsFile {
  readonly version: 1;
  readonly secrets: Record<string, string>;
}

export function createSecretStore({ safeStorage, filePath, platform }: SecretStoreOptions): SecretStore {
  // One operation at a time, so two writes never interleave their read-modify-write.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  const isAvailable = () => {
    if (!safeStorage.isEncryptionAvailable()) return false;
    return !(platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text');
  };

  const load = async (): Promise<Map<string, string>> => {
    let raw: string;
    try {
      raw = await readFile(filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
      throw error;
    }
    const parsed = JSON.parse(raw) as Partial<SecretsFile>;
    const entries = Object.entries(parsed.secrets ?? {}).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    );
    return new Map(entries);
  };

  const save = async (secrets: Map<string, string>) => {
    const content: SecretsFile = { version: 1, secrets: Object.fromEntries(secrets) };
    await mkdir(dirname(filePath), { recursive: true });
    const temporary = `${filePath}.tmp`;
    await writeFile(temporary, JSON.stringify(content, null, 2), { mode: 0o600 });
    await rename(temporary, filePath);
  };

  return {
    isAvailable,

    get: (name) =>
      serial(async () => {
        const stored = (await load()).get(name);
        if (stored === undefined) return null;
        if (!isAvailable()) throw new Error('secrets: OS encryption is unavailable, cannot decrypt');
        return safeStorage.decryptString(Buffer.from(stored, 'base64'));
      }),

    set: (name, value) =>
      serial(async () => {
        if (!isAvailable()) return { status: 'unavailable' } as const;
        const secrets = await load();
        secrets.set(name, Buffer.from(safeStorage.encryptString(value)).toString('base64'));
        await save(secrets);
        return { status: 'stored' } as const;
      }),

    delete: (name) =>
      serial(async () => {
        const secrets = await load();
        if (secrets.delete(name)) await save(secrets);
      }),
  };
}
