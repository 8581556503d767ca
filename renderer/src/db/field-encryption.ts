// Encryption of the PII fields a schema lists under `encrypted` (reporter phone, ID numbers,
// address details), as an RxDB storage wrapper; the cipher is field-cipher.ts. RxDB's own
// `wrapRxStorageInstance` seals and opens document by document, each with its own await, and opens
// every document it has just written again for the change event. This wrapper seals or opens all
// fields of a write or a read (a page of a sync, a query result) as one batch, and remembers which
// stored form belongs to which document, so that the change event of a write and the `previous`
// of an update need no cipher work at all.

import { BehaviorSubject, concatMap, filter, firstValueFrom, tap } from 'rxjs';
import { getPrimaryFieldOfPrimaryKey, hasEncryption } from 'rxdb';
import type {
  BulkWriteRow,
  EventBulk,
  RxJsonSchema,
  RxStorage,
  RxStorageChangeEvent,
  RxStorageInstance,
  RxStorageInstanceCreationParams,
} from 'rxdb';
import { deriveFieldCryptoKey, deriveFieldKey, fieldCipher, sealedUnderRing } from './field-cipher';
import type { CipherKeys, FieldCipher, FieldValue } from './field-cipher';

export { deriveFieldCryptoKey, deriveFieldKey, fieldCipher } from './field-cipher';
export type { FieldCipher } from './field-cipher';

const MIN_PASSWORD_LENGTH = 8;

type Doc = Record<string, unknown>;
type Instance = RxStorageInstance<Doc, unknown, unknown, unknown>;

function withoutEncrypted(schema: RxJsonSchema<unknown>): RxJsonSchema<unknown> {
  const { encrypted: _encrypted, ...rest } = schema as RxJsonSchema<unknown> & { encrypted?: string[] };
  return rest as RxJsonSchema<unknown>;
}

/** The stored schema: encrypted fields are strings there, whatever they are in the document. */
function storedSchema(schema: RxJsonSchema<unknown>, fields: readonly string[]): RxJsonSchema<unknown> {
  const properties = { ...(schema.properties as Record<string, unknown>) };
  for (const field of fields) properties[field] = { type: 'string' };
  return { ...withoutEncrypted(schema), properties } as RxJsonSchema<unknown>;
}

/**
 * A collection's properties → its encrypted fields. RxDB's replication keeps a copy of every
 * document as the hub last had it, under `docData` of a meta instance whose schema lists the whole
 * `docData` as encrypted; with this the copy gets the same field-level sealing as the document
 * instead of one sealed blob per document (a tenth of the work on an initial sync).
 */
const encryptedByProperties = new WeakMap<object, readonly string[]>();

/** Which fields of one storage instance's rows are sealed, and under which names. */
interface Plan {
  collection: string;
  fields: readonly string[];
  /** Set for a replication meta instance: the fields sealed inside `docData`. */
  nested: readonly string[] | undefined;
}

/** A value to seal or open, and the copied document it goes back into. */
interface Slot extends FieldValue {
  owner: Doc;
}

function copyFields(doc: Doc, fields: readonly string[], where: string): { out: Doc; slots: Slot[] } {
  let out: Doc | undefined;
  const slots: Slot[] = [];
  for (const field of fields) {
    const value = doc[field];
    if (value === undefined) continue;
    out ??= { ...doc };
    slots.push({ owner: out, where, field, value });
  }
  // Documents without PII fields pass through untouched (no copy).
  return { out: out ?? doc, slots };
}

function prepare(plan: Plan, doc: Doc, seal: boolean): { out: Doc; slots: Slot[] } {
  if (!plan.nested) return copyFields(doc, plan.fields, plan.collection);
  const data = doc['docData'];
  if (data === undefined || data === null) return { out: doc, slots: [] };
  // A copy sealed whole (by the crypto-js plugin) still opens.
  if (!seal && typeof data === 'string') return copyFields(doc, ['docData'], plan.collection);
  const inner = copyFields(data as Doc, plan.nested, `${plan.collection}.docData`);
  if (inner.slots.length === 0) return { out: doc, slots: [] };
  return { out: { ...doc, docData: inner.out }, slots: inner.slots };
}

/** Seals or opens the fields of a row set in one batch. */
/** Whether a stored row still holds a value sealed other than under the key ring's key. */
function needsRekeyOf(plan: Plan) {
  return (row: Doc): boolean => {
    if (!plan.nested) return plan.fields.some((f) => row[f] !== undefined && !sealedUnderRing(row[f]));
    const data = row['docData'];
    if (data === undefined || data === null) return false;
    if (typeof data === 'string') return true;
    return plan.nested.some((f) => (data as Doc)[f] !== undefined && !sealedUnderRing((data as Doc)[f]));
  };
}

const rekeyCheck = new WeakMap<object, (row: Doc) => boolean>();

/** For db/rekey.ts: whether a stored row of an instance this wrapper made must be sealed again. */
export function storedRowNeedsRekey(instance: object, row: Doc): boolean {
  return rekeyCheck.get(instance)?.(row) ?? false;
}

function batchTransformer(cipher: FieldCipher, plan: Plan) {
  /** stored → document and document → stored, for rows this wrapper sealed or opened. */
  const plainOf = new WeakMap<Doc, Doc>();
  const storedOf = new WeakMap<Doc, Doc>();
  return {
    plainOf,
    storedOf,
    async run(docs: readonly Doc[], seal: boolean): Promise<Doc[]> {
      const prepared = docs.map((d) => prepare(plan, d, seal));
      const slots = prepared.flatMap((p) => p.slots);
      if (slots.length === 0) return prepared.map((p) => p.out);
      const values = seal ? await cipher.sealAll(slots) : await cipher.openAll(slots);
      slots.forEach((slot, i) => {
        slot.owner[slot.field] = values[i];
      });
      return prepared.map((p, i) => {
        const doc = docs[i]!;
        if (p.out !== doc) {
          plainOf.set(seal ? p.out : doc, seal ? doc : p.out);
          storedOf.set(seal ? doc : p.out, seal ? p.out : doc);
        }
        return p.out;
      });
    },
  };
}

function wrapInstance(
  schema: RxJsonSchema<unknown>,
  instance: Instance,
  cipher: FieldCipher,
  plan: Plan,
): Instance {
  const batch = batchTransformer(cipher, plan);
  const fromStorage = (docs: readonly Doc[]) => batch.run(docs, false);
  /** Rows written and read by this wrapper are known; only the others are opened, together. */
  const openKnown = async (docs: ReadonlyArray<Doc | undefined>): Promise<Array<Doc | undefined>> => {
    const unknown = docs.filter((d): d is Doc => d !== undefined && d !== null && !batch.plainOf.has(d));
    const opened = await fromStorage(unknown);
    const byStored = new Map(unknown.map((d, i) => [d, opened[i]!]));
    return docs.map((d) => (d ? (batch.plainOf.get(d) ?? byStored.get(d) ?? d) : d));
  };
  const processing$ = new BehaviorSubject(0);
  const primaryPath = getPrimaryFieldOfPrimaryKey(schema.primaryKey as never) as string;
  const wrapped = {
    databaseName: instance.databaseName,
    internals: instance.internals,
    options: instance.options,
    schema,
    collectionName: instance.collectionName,
    cleanup: instance.cleanup.bind(instance),
    close: instance.close.bind(instance),
    count: instance.count.bind(instance),
    remove: instance.remove.bind(instance),
    getAttachmentData: instance.getAttachmentData.bind(instance),
    originalStorageInstance: instance,
    async bulkWrite(rows: Array<BulkWriteRow<Doc>>, context: string) {
      // The storage reads only `_rev` of `previous` (and passes it on in the change event): a
      // previous this wrapper wrote or read goes back as its stored row, not sealed again.
      const known = rows.map((r) => (r.previous ? batch.storedOf.get(r.previous) : undefined));
      const unknownPrevious = rows.flatMap((r, i) => (r.previous && !known[i] ? [r.previous] : []));
      const sealed = await batch.run([...rows.map((r) => r.document), ...unknownPrevious], true);
      let k = rows.length;
      const useRows = rows.map((r, i) =>
        r.previous ? { document: sealed[i]!, previous: known[i] ?? sealed[k++]! } : { document: sealed[i]! },
      );
      const result = await instance.bulkWrite(useRows as never, context);
      const byId = new Map(rows.map((r) => [String(r.document[primaryPath]), r]));
      const error = await Promise.all(
        result.error.map(async (e) => {
          const conflict = e as typeof e & { documentInDb?: Doc };
          const writeRow = byId.get(String(e.documentId)) ?? e.writeRow;
          if (!conflict.documentInDb) return { ...e, writeRow };
          const [inDb] = await openKnown([conflict.documentInDb]);
          return { ...e, writeRow, documentInDb: inDb };
        }),
      );
      // Every change event of this write is out before the write resolves, as RxDB requires.
      await firstValueFrom(processing$.pipe(filter((v) => v === 0)));
      return { error } as never;
    },
    async query(prepared: Parameters<Instance['query']>[0]) {
      const result = await instance.query(prepared);
      return { documents: (await openKnown(result.documents)) as Doc[] };
    },
    async findDocumentsById(ids: string[], withDeleted: boolean) {
      return (await openKnown(await instance.findDocumentsById(ids, withDeleted))) as Doc[];
    },
    getChangedDocumentsSince: instance.getChangedDocumentsSince
      ? async (limit: number, checkpoint?: unknown) => {
          const result = await instance.getChangedDocumentsSince!(limit, checkpoint);
          return { checkpoint: result.checkpoint, documents: (await openKnown(result.documents)) as Doc[] };
        }
      : undefined,
    changeStream() {
      return instance.changeStream().pipe(
        tap(() => processing$.next(processing$.getValue() + 1)),
        // In order: a later bulk never overtakes one still being opened.
        concatMap(async (bulk: EventBulk<RxStorageChangeEvent<Doc>, unknown>) => {
          const docs = bulk.events.flatMap((e) => [e.documentData, e.previousDocumentData]);
          const opened = await openKnown(docs as Array<Doc | undefined>);
          const events = bulk.events.map((e, i) => ({
            ...e,
            documentData: opened[2 * i] as never,
            previousDocumentData: opened[2 * i + 1] as never,
          }));
          return { ...bulk, events };
        }),
        tap(() => processing$.next(processing$.getValue() - 1)),
      );
    },
  };
  rekeyCheck.set(wrapped, needsRekeyOf(plan));
  return wrapped as unknown as Instance;
}

/** Where the keys of a passphrase database come from (platform/key-ring.ts). */
export interface RingKeyOptions {
  /** The key ring's field key: seals every new value (`y3:`). */
  ring: CryptoKey;
  /** The passphrase of a database sealed before the key ring, while db/rekey.ts re-seals it. */
  rekeyFrom?: string;
}

/**
 * Wraps a storage so that every collection's `encrypted` top-level fields are sealed at rest: under
 * the key ring's key when `keys` are given (the database's RxDB password is then unused), else
 * under a key derived from the database's password (the OS keychain's device key).
 */
export function fieldEncryptionStorage<I, C>(
  storage: RxStorage<I, C>,
  keys?: RingKeyOptions,
): RxStorage<I, C> {
  // One derivation per database and password, whatever the number of collections.
  const derived = new Map<string, Promise<NonNullable<CipherKeys['password']>>>();
  const passwordKeys = (text: string, databaseName: string) => {
    const cacheKey = `${databaseName}\u0000${text}`;
    let found = derived.get(cacheKey);
    if (!found) {
      let legacy: Promise<Uint8Array> | undefined;
      const legacyKey = () => (legacy ??= deriveFieldKey(text, databaseName));
      found = deriveFieldCryptoKey(text, databaseName).then((key) => ({ key, text, legacyKey }));
      derived.set(cacheKey, found);
    }
    return found;
  };
  const cipherKeys = async (password: unknown, databaseName: string): Promise<CipherKeys> => {
    const text = keys ? keys.rekeyFrom : password;
    if (keys && text === undefined) return { ring: keys.ring };
    if (typeof text !== 'string' || text.length < MIN_PASSWORD_LENGTH)
      throw new Error('本机数据库需要至少 8 个字符的密钥才能加密个人信息');
    return { ring: keys?.ring, password: await passwordKeys(text, databaseName) };
  };
  return {
    ...storage,
    async createStorageInstance<R>(params: RxStorageInstanceCreationParams<R, C>) {
      const schema = params.schema as RxJsonSchema<unknown> & { encrypted?: string[] };
      if (!hasEncryption(schema)) return storage.createStorageInstance(params);
      const cipher = fieldCipher(await cipherKeys(params.password, params.databaseName));
      const fields = schema.encrypted ?? [];
      if (fields.some((f) => f.includes('.')))
        throw new Error(`only top-level fields can be encrypted (${params.collectionName})`);
      const properties = schema.properties as Record<string, { properties?: object }>;
      encryptedByProperties.set(properties, fields);
      const docDataProperties =
        fields.length === 1 && fields[0] === 'docData' ? properties['docData']?.properties : undefined;
      const nested = docDataProperties ? encryptedByProperties.get(docDataProperties) : undefined;
      const instance = await storage.createStorageInstance({
        ...params,
        schema: (nested ? withoutEncrypted(schema) : storedSchema(schema, fields)) as never,
      });
      const plan = { collection: params.collectionName, fields, nested };
      return wrapInstance(params.schema as never, instance as unknown as Instance, cipher, plan) as never;
    },
  };
}
