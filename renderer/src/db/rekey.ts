// A database sealed before the key ring (its PII under keys derived from the passphrase itself,
// and RxDB keeping a hash of the passphrase) is sealed again, once, under the key ring's key, so
// that no later session needs the passphrase. It runs at the unlock that typed the passphrase,
// before RxDB opens the database, on the raw storage: every stored row still holding an older
// value is opened and sealed again in place (same revision, same write time: for RxDB and the
// replication nothing changed). An interrupted run is taken up at the next unlock; rows already
// sealed under the ring are skipped. Finally the passphrase hash leaves the storage token.
import {
  INTERNAL_STORAGE_NAME,
  INTERNAL_STORE_SCHEMA,
  STORAGE_TOKEN_DOCUMENT_ID,
  defaultHashSha256,
  getAllCollectionDocuments,
  getChangedDocumentsSince,
  getPrimaryFieldOfPrimaryKey,
  hasEncryption,
  randomToken,
} from 'rxdb';
import type { RxJsonSchema, RxStorage, RxStorageInstance } from 'rxdb';
import { WrongPassphraseError } from '../platform/key-ring';
import { fieldEncryptionStorage, storedRowNeedsRekey } from './field-encryption';

const PAGE = 500;

type Doc = Record<string, unknown>;
type Instance = RxStorageInstance<Doc, unknown, unknown, unknown>;
type Schema = RxJsonSchema<Doc>;

export interface RekeyOptions {
  /** The raw storage (Dexie in the app). */
  storage: RxStorage<unknown, unknown>;
  databaseName: string;
  passphrase: string;
  /** The key ring's field key. */
  ring: CryptoKey;
  /** Called once the passphrase proved right, before anything is written. */
  verified(): Promise<void>;
}

export async function rekeyDatabase(options: RekeyOptions): Promise<void> {
  const { storage, databaseName, passphrase } = options;
  const base = {
    databaseName,
    databaseInstanceToken: randomToken(10),
    multiInstance: false,
    devMode: false,
    options: {},
  };
  const internal = (await storage.createStorageInstance({
    ...base,
    collectionName: INTERNAL_STORAGE_NAME,
    schema: INTERNAL_STORE_SCHEMA,
  })) as unknown as Instance;
  try {
    const [token] = await internal.findDocumentsById([STORAGE_TOKEN_DOCUMENT_ID], false);
    const data = token?.['data'] as { passwordHash?: string } | undefined;
    if (data?.passwordHash && data.passwordHash !== (await defaultHashSha256(JSON.stringify(passphrase))))
      throw new WrongPassphraseError();
    await options.verified();
    if (!token) return;
    const wrapped = fieldEncryptionStorage(storage, { ring: options.ring, rekeyFrom: passphrase });
    const collections = await getAllCollectionDocuments(internal as never);
    for (const { data: collection } of collections) {
      const schema = collection.schema as Schema;
      if (!hasEncryption(schema)) continue;
      await rekeyInstance(wrapped, { ...base, collectionName: collection.name, schema: schema as never });
      for (const connected of collection.connectedStorages) {
        await rekeyInstance(wrapped, {
          ...base,
          collectionName: connected.collectionName,
          schema: withDocDataOf(connected.schema as Schema, schema) as never,
        });
      }
    }
    const { passwordHash: _hash, ...withoutHash } = data ?? {};
    await internal.bulkWrite(
      [{ previous: token, document: { ...token, data: withoutHash } as never }],
      'yishi-rekey',
    );
  } finally {
    await internal.close();
  }
}

/**
 * A replication meta schema seals its `docData` field by field when `docData` has the very
 * properties object of its collection's schema (field-encryption.ts); the stored copy is a clone.
 */
function withDocDataOf(meta: Schema, collection: Schema): Schema {
  const properties = meta.properties as Record<string, Record<string, unknown>>;
  const docData = properties['docData'];
  if (!docData?.['properties']) return meta;
  return {
    ...meta,
    properties: { ...properties, docData: { ...docData, properties: collection.properties } },
  } as Schema;
}

type CreationParams = Parameters<RxStorage<unknown, unknown>['createStorageInstance']>[0];

async function rekeyInstance(wrapped: RxStorage<unknown, unknown>, params: CreationParams): Promise<void> {
  if (!hasEncryption(params.schema as Schema)) return;
  const instance = (await wrapped.createStorageInstance(params)) as unknown as Instance & {
    originalStorageInstance: Instance;
  };
  const primary = getPrimaryFieldOfPrimaryKey((params.schema as Schema).primaryKey as never) as string;
  try {
    const raw = instance.originalStorageInstance;
    let checkpoint: unknown;
    for (;;) {
      const page = await getChangedDocumentsSince(raw, PAGE, checkpoint);
      const ids = page.documents
        .filter((d) => storedRowNeedsRekey(instance, d))
        .map((d) => String(d[primary]));
      if (ids.length > 0) {
        const plain = await instance.findDocumentsById(ids, true);
        const rows = plain.map((d) => ({ previous: d, document: d }));
        const result = await instance.bulkWrite(rows as never, 'yishi-rekey');
        if (result.error.length > 0)
          throw new Error(`重新加密 ${params.collectionName} 失败（${result.error.length} 条）`);
      }
      if (page.documents.length < PAGE) break;
      checkpoint = page.checkpoint;
    }
  } finally {
    await instance.close();
  }
}
