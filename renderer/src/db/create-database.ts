import { addRxPlugin, createRxDatabase } from 'rxdb';
import type { RxCollectionCreator, RxDatabase, RxStorage } from 'rxdb';
import { RxDBLeaderElectionPlugin } from 'rxdb/plugins/leader-election';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { RxDBLocalDocumentsPlugin } from 'rxdb/plugins/local-documents';
import { RxDBAttachmentsPlugin } from 'rxdb/plugins/attachments';
import { RxDBUpdatePlugin } from 'rxdb/plugins/update';
import { COLLECTION_NAMES } from '#shared/domain/vocab';
import type { CollectionName } from '#shared/domain/vocab';
import { MIGRATIONS, RXDB_SCHEMAS } from '#shared/schema/index';
import { yishiConflictHandler } from '../sync/conflict-handler';
import { attachSyncSession, createSyncSession } from '../sync/sync-session';
import type { SyncSession } from '../sync/sync-session';
import { RESTORED_BASES_ID } from '../sync/restored-bases';
import type { RestoredBaseMap } from '../sync/restored-bases';
import type { YishiCollections } from './types';
import type { DevTools } from './dev-mode';
import { fieldEncryptionStorage } from './field-encryption';
import type { RingKeyOptions } from './field-encryption';

addRxPlugin(RxDBLeaderElectionPlugin);
addRxPlugin(RxDBMigrationSchemaPlugin);
addRxPlugin(RxDBLocalDocumentsPlugin);
addRxPlugin(RxDBAttachmentsPlugin);
addRxPlugin(RxDBUpdatePlugin);

export type YishiDatabase = RxDatabase<YishiCollections>;

export interface CreateDatabaseOptions {
  name: string;
  /** The raw storage (Dexie in the app, memory in Node tests); encryption and validation wrap it here. */
  storage: RxStorage<unknown, unknown>;
  /**
   * Key for the PII fields: the OS keychain's device key (≥ 8 characters) in `password`, or, for a
   * passphrase database (browser mode, Electron without a keychain), the key ring's key in `ring`
   * (RxDB then has no password: the key ring's check value tells a wrong passphrase).
   */
  password?: string;
  ring?: RingKeyOptions;
  multiInstance?: boolean;
  /**
   * Schema validation and RxDB's dev-mode checks (from `./dev-mode`), for development and tests
   * only. It is passed in rather than imported so that production builds never contain dev-mode
   * (which also injects an outside iframe in browsers).
   */
  devTools?: DevTools;
  /** Shared by the conflict handlers and the sync client (default: a new one, found by `syncSessionOf`). */
  session?: SyncSession;
}

export function collectionCreators(session: SyncSession): Record<CollectionName, RxCollectionCreator> {
  const creators = {} as Record<CollectionName, RxCollectionCreator>;
  for (const name of COLLECTION_NAMES) {
    creators[name] = {
      // Its `encrypted` list is the schemas' PII list, which the field sealing below reads.
      schema: RXDB_SCHEMAS[name],
      migrationStrategies: MIGRATIONS[name],
      conflictHandler: yishiConflictHandler(name, session),
    } as RxCollectionCreator;
  }
  return creators;
}

/** Opens the local database with all twelve collections. The renderer and Node tests share it. */
export async function createYishiDatabase(options: CreateDatabaseOptions): Promise<YishiDatabase> {
  let storage = fieldEncryptionStorage(options.storage, options.ring);
  if (options.devTools) storage = options.devTools.wrapStorage(storage);
  const db = await createRxDatabase<YishiCollections>({
    name: options.name,
    storage,
    password: options.ring ? undefined : options.password,
    multiInstance: options.multiInstance ?? true,
    localDocuments: true,
    eventReduce: true,
    closeDuplicates: true,
  });
  const session = options.session ?? createSyncSession();
  attachSyncSession(db, session);
  session.restored.use({
    read: async () => (await db.getLocal<RestoredBaseMap>(RESTORED_BASES_ID))?.toJSON().data ?? null,
    remove: async () => {
      await (await db.getLocal(RESTORED_BASES_ID))?.remove();
    },
  });
  try {
    await db.addCollections(collectionCreators(session));
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
