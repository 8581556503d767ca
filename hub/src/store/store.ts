// The hub's storage: one interface, two backends (PGlite in a data folder, PostgreSQL by URL).
// Both run the same SQL through a Driver; the backend differs only in connection and LISTEN.

import type { CollectionName } from '#shared/domain/vocab';
import type { Checkpoint, DeviceInfo, Doc } from '#shared/protocol/v1';
import type { DatabaseKind, Driver } from '../db/driver';
import { migrate } from '../db/migrations';
import { openPgliteDriver } from '../db/pglite-driver';
import { openPostgresDriver } from '../db/postgres-driver';
import type { Logger } from '../log';
import { generateHubId } from '../secrets';
import * as attachments from './attachments-sql';
import type { AttachmentInput, StoredAttachment } from './attachments-sql';
import * as bundles from './bundles-sql';
import type { BundleOutcomes, ImportedBundle } from './bundles-sql';
import * as devices from './devices-sql';
import type { AuditEntry, EnrollCodeInput, QuarantineEntry, RedeemInput, RedeemResult } from './devices-sql';
import * as documents from './documents-sql';
import { createSealer } from './pii-seal';
import { adoptHubKey, sealedStore } from './sealed-store';
import * as quarantine from './quarantine-sql';
import type { QuarantineRecord, QuarantineSummary } from './quarantine-sql';
import type { ChangeNotice, ChangedDoc, PushPlan, QuarantinedRow, SeedOutcome } from './documents-sql';

export type { AttachmentInput, StoredAttachment };
export type { QuarantineRecord, QuarantineSummary };
export type { BundleOutcomes, ImportedBundle };
export type {
  AuditEntry,
  ChangeNotice,
  ChangedDoc,
  PushPlan,
  QuarantineEntry,
  QuarantinedRow,
  RedeemResult,
  SeedOutcome,
};

export interface Store {
  readonly kind: DatabaseKind;
  readonly hubId: string;
  /**
   * Changes when the hub is restored from a backup ('0' until then): the sequence may have gone
   * back, so a device that sees a new epoch pulls from the beginning and pushes what it holds.
   */
  readonly epoch: string;
  /** Id of the hub key sealing personal fields at rest; null for raw access without the key. */
  readonly piiKeyId: string | null;
  /** The database underneath, for backup and restore. */
  readonly driver: Driver;
  pull(
    collection: CollectionName,
    deviceScope: string,
    since: number,
    limit: number,
  ): Promise<{ documents: Doc[]; checkpoint: Checkpoint; more?: true }>;
  /** A first pull's page, newest first (`pullNewestDocuments`). */
  pullNewest(
    collection: CollectionName,
    deviceScope: string,
    before: number | null,
    limit: number,
  ): Promise<{ documents: Doc[]; high: number | null; low: number | null; more?: true }>;
  /** The write transaction of a push (see `writePush` in documents-sql); returns the highest sequence written. */
  writePush(
    collection: CollectionName,
    ids: string[],
    deviceId: string,
    now: Date,
    decide: (current: Map<string, Doc>) => PushPlan,
  ): Promise<number>;
  /** Per collection, what a pull from the beginning delivers to a device of this scope. */
  scopeCounts(deviceScope: string): Promise<Record<string, number>>;
  changesSince(seq: number, limit: number): Promise<ChangedDoc[]>;
  maxSeq(): Promise<number>;
  seed(
    docs: Array<{ collection: CollectionName; doc: Doc }>,
    same: (a: Doc, b: Doc) => boolean,
  ): Promise<SeedOutcome>;
  countDocuments(): Promise<number>;
  /** The hub's current state of one document (deleted ones included), or null. */
  document(collection: CollectionName, id: string): Promise<Doc | null>;
  /** Stores photo bytes; false when exactly these bytes were already stored (idempotent). */
  putAttachment(input: AttachmentInput): Promise<boolean>;
  attachment(
    collection: CollectionName,
    docId: string,
    attId: string,
    digest: string,
  ): Promise<StoredAttachment | null>;
  createEnrollCode(input: EnrollCodeInput): Promise<void>;
  redeemEnrollCode(input: RedeemInput): Promise<RedeemResult>;
  deviceByTokenHash(tokenHash: string): Promise<DeviceInfo | null>;
  touchDevice(deviceId: string, now: Date): Promise<void>;
  listDevices(): Promise<DeviceInfo[]>;
  revokeDevice(deviceId: string, now: Date): Promise<DeviceInfo | null>;
  /** Records the local id of a device enrolled before the hub asked for it (once); true when recorded. */
  claimLocalId(deviceId: string, localId: string): Promise<boolean>;
  /** Stores the bundle MAC key of a device that has none yet. */
  ensureBundleKey(deviceId: string, key: string): Promise<void>;
  deviceBundleKey(deviceId: string): Promise<{ device: DeviceInfo; bundleKey: string | null } | null>;
  findImportedBundle(deviceId: string, bundleId: string): Promise<ImportedBundle | null>;
  recordImportedBundle(
    deviceId: string,
    bundleId: string,
    now: Date,
    outcomes: BundleOutcomes,
  ): Promise<void>;
  audit(entry: AuditEntry): Promise<void>;
  listAudit(limit: number): Promise<AuditEntry[]>;
  listQuarantine(limit: number): Promise<QuarantineEntry[]>;
  quarantineSummary(): Promise<QuarantineSummary[]>;
  quarantineRecords(filter: { deviceId?: string; limit: number }): Promise<QuarantineRecord[]>;
  quarantineRecord(id: number): Promise<(QuarantineRecord & { row: unknown }) | null>;
  purgeQuarantine(filter: { deviceId?: string; before?: Date }): Promise<number>;
  /** When the device's push throttle (after overflowing its quarantine) ends; null: not throttled. */
  quarantineThrottledUntil(deviceId: string, now: Date): Promise<Date | null>;
  /** Deletes photo bytes unreferenced for longer than `graceMs` (see attachments-sql). */
  collectAttachments(now: Date, graceMs: number): Promise<{ deleted: number; bytes: number }>;
  getMeta(key: string): Promise<string | null>;
  /** Sets `key` unless it is already set; returns the stored value either way. */
  initMeta(key: string, value: string): Promise<string>;
  /** Change notices from every hub process on this database; `onGap` asks for a catch-up read. */
  subscribe(onNotice: (notice: ChangeNotice) => void, onGap: () => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

function parseNotice(payload: string): ChangeNotice | null {
  try {
    const v = JSON.parse(payload) as Partial<Record<string, unknown>>;
    if (v['t'] === 'docs' && typeof v['maxSeq'] === 'number') return { t: 'docs', maxSeq: v['maxSeq'] };
    if (v['t'] === 'revoke' && typeof v['deviceId'] === 'string')
      return { t: 'revoke', deviceId: v['deviceId'] };
  } catch {
    // Foreign payloads on the channel are ignored.
  }
  return null;
}

export interface StoreOptions {
  /** The hub key (32 bytes): personal fields are sealed with it at rest. Without: raw access. */
  piiKey?: Buffer;
}

/** Migrates the database behind `db` and wraps it; closes the driver if that fails. */
export async function storeOverDriver(db: Driver, options: StoreOptions = {}): Promise<Store> {
  const sealer = options.piiKey ? createSealer(options.piiKey) : null;
  try {
    await migrate(db);
    if (sealer) await adoptHubKey(db, sealer);
  } catch (err) {
    await db.close().catch(() => undefined);
    throw err;
  }
  const store = await plainStore(db);
  return sealer ? sealedStore(store, sealer) : store;
}

async function plainStore(db: Driver): Promise<Store> {
  const getMeta = async (key: string) =>
    (await db.query<{ value: string }>(`select value from hub_meta where key = $1`, [key]))[0]?.value ?? null;
  const initMeta = async (key: string, value: string) => {
    await db.query(`insert into hub_meta (key, value) values ($1, $2) on conflict (key) do nothing`, [
      key,
      value,
    ]);
    return (await getMeta(key)) ?? value;
  };
  const hubId = await initMeta('hub_id', generateHubId());
  const epoch = await initMeta('epoch', '0');
  return {
    kind: db.kind,
    hubId,
    epoch,
    piiKeyId: null,
    driver: db,
    pull: (collection, scope, since, limit) => documents.pullDocuments(db, collection, scope, since, limit),
    pullNewest: (collection, scope, before, limit) =>
      documents.pullNewestDocuments(db, collection, scope, before, limit),
    writePush: (collection, ids, deviceId, now, decide) =>
      documents.writePush(db, collection, ids, deviceId, now, decide),
    scopeCounts: (scope) => documents.scopeCounts(db, scope),
    changesSince: (seq, limit) => documents.changesSince(db, seq, limit),
    maxSeq: () => documents.maxSeq(db),
    seed: (docs, same) => documents.seedDocuments(db, docs, same),
    countDocuments: async () =>
      Number((await db.query<{ n: number | string }>(`select count(*) as n from documents`))[0]?.n ?? 0),
    document: (collection, id) => attachments.findDocument(db, collection, id),
    putAttachment: (input) => attachments.insertAttachment(db, input),
    attachment: (collection, docId, attId, digest) =>
      attachments.findAttachment(db, collection, docId, attId, digest),
    createEnrollCode: (input) => devices.insertEnrollCode(db, input),
    redeemEnrollCode: (input) => devices.redeemEnrollCode(db, input),
    deviceByTokenHash: (hash) => devices.findDeviceByToken(db, hash),
    touchDevice: (id, now) => devices.touchDevice(db, id, now),
    listDevices: () => devices.listDevices(db),
    revokeDevice: (id, now) => devices.revokeDevice(db, id, now),
    claimLocalId: (id, localId) => devices.claimLocalId(db, id, localId),
    ensureBundleKey: (id, key) => bundles.ensureBundleKey(db, id, key),
    deviceBundleKey: (id) => bundles.deviceBundleKey(db, id, () => devices.listDevices(db)),
    findImportedBundle: (id, bundleId) => bundles.findImportedBundle(db, id, bundleId),
    recordImportedBundle: (id, bundleId, now, outcomes) =>
      bundles.recordImportedBundle(db, id, bundleId, now, outcomes),
    audit: (entry) => devices.insertAudit(db, entry),
    listAudit: (limit) => devices.listAudit(db, limit),
    listQuarantine: (limit) => devices.listQuarantine(db, limit),
    quarantineSummary: () => quarantine.quarantineSummary(db),
    quarantineRecords: (filter) => quarantine.quarantineRecords(db, filter),
    quarantineRecord: (id) => quarantine.quarantineRecord(db, id),
    purgeQuarantine: (filter) => quarantine.purgeQuarantine(db, filter),
    quarantineThrottledUntil: (id, now) => quarantine.quarantineThrottledUntil(db, id, now),
    collectAttachments: (now, graceMs) => attachments.collectAttachments(db, now, graceMs),
    getMeta,
    initMeta,
    subscribe: (onNotice, onGap) =>
      db.listen(
        documents.CHANGES_CHANNEL,
        (payload) => {
          const notice = parseNotice(payload);
          if (notice) onNotice(notice);
        },
        onGap,
      ),
    close: () => db.close(),
  };
}

/** PGlite in `dataDir` (undefined: in memory, for tests). */
export async function openPgliteStore(
  dataDir: string | undefined,
  options: StoreOptions = {},
): Promise<Store> {
  return storeOverDriver(await openPgliteDriver(dataDir), options);
}

export async function openPostgresStore(
  url: string,
  log: Logger,
  options: StoreOptions = {},
): Promise<Store> {
  return storeOverDriver(await openPostgresDriver(url, log), options);
}
