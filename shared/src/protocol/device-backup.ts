// A device backup (备份本机数据): every local document of every collection, the changes the hub has
// not acknowledged yet and the photo bytes, sealed with a passphrase. This module decides what goes
// in, what a manifest says and whether a payload matches it; the sealing (PBKDF2 + AES-GCM through
// Web Crypto) lives with the device (renderer/src/features/device/backup-seal.ts). The file format
// is documented in docs/device-backup.md. Pure: the digest function is passed in.

import { COLLECTION_NAMES } from '#shared/domain/vocab';
import type { CollectionName } from '#shared/domain/vocab';
import { canonicalJson } from '#shared/sync/json';
import type { Doc, PushRow } from '#shared/protocol/v1';

export const DEVICE_BACKUP_FORMAT = 'yishi-device-backup';
export const DEVICE_BACKUP_VERSION = 1;

/** Hex SHA-256 of UTF-8 text (Web Crypto on the device, anything equivalent in tests). */
export type DigestText = (text: string) => Promise<string>;

/** Who made the backup: the device's settings without its hub token (that never leaves the keychain). */
export interface BackupDevice {
  deviceId: string;
  deviceName: string;
  deviceKind: string;
  homeScope: string;
  role: string;
  setupAt: string;
  /** The hub it synced with, for the person who restores; the restored device enrolls anew. */
  hub: { url: string; hubId: string; epoch?: string; deviceId: string; scope: string } | null;
}

export interface BackupPhoto {
  id: string;
  type: string;
  /** The bytes, base64. */
  data: string;
}

/** What the seal protects. */
export interface BackupPayload {
  /** Every stored document (not deleted) as the hub would see it, sorted by id. */
  documents: Partial<Record<CollectionName, Doc[]>>;
  /** Changes the hub has not acknowledged, as the push would send them (deletions included). */
  unsynced: Partial<Record<CollectionName, PushRow[]>>;
  /** Photo bytes by document id. */
  photos: Partial<Record<CollectionName, Record<string, BackupPhoto[]>>>;
}

export interface ManifestEntry {
  documents: number;
  unsynced: number;
  photos: number;
  /** Hex SHA-256 of the collection's canonical part of the payload (see `collectionPart`). */
  sha256: string;
}

export type BackupManifest = Partial<Record<CollectionName, ManifestEntry>>;

export interface BackupSeal {
  kdf: 'PBKDF2-SHA256';
  iterations: number;
  /** Base64 of the random salt. */
  salt: string;
  cipher: 'AES-256-GCM';
  /** Base64 of the random 96-bit nonce. */
  iv: string;
  /** Hex SHA-256 of the second half of the derived bits: tells a wrong passphrase from a damaged file. */
  check: string;
}

/** Everything but the sealed payload; all of it is authenticated as AES-GCM's additional data. */
export interface BackupHeader {
  format: typeof DEVICE_BACKUP_FORMAT;
  version: number;
  createdAt: string;
  device: BackupDevice;
  manifest: BackupManifest;
  seal: BackupSeal;
}

export interface BackupFile extends BackupHeader {
  /** Base64 of AES-GCM(JSON of the payload). */
  sealed: string;
}

/**
 * What counts as unsynced: on a device never enrolled with a hub, every document (the hub has none
 * of them); on an enrolled one, the rows the replication has yet to push (renderer/src/sync/pending.ts).
 */
export function unsyncedRows(
  enrolled: boolean,
  documents: readonly Doc[],
  pending: readonly PushRow[] | null,
): PushRow[] {
  if (!enrolled) return documents.map((doc) => ({ newDocumentState: doc, assumedMasterState: null }));
  if (pending === null) throw new Error('同步尚未启动，无法确定哪些修改还没有同步，请稍后再试。');
  return [...pending];
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The payload, in the one order its digests are taken in. */
export function makePayload(input: BackupPayload): BackupPayload {
  const payload: BackupPayload = { documents: {}, unsynced: {}, photos: {} };
  for (const name of COLLECTION_NAMES) {
    payload.documents[name] = [...(input.documents[name] ?? [])].sort(byId);
    payload.unsynced[name] = [...(input.unsynced[name] ?? [])].sort((a, b) =>
      byId(a.newDocumentState, b.newDocumentState),
    );
    const photos = input.photos[name];
    if (photos && Object.keys(photos).length > 0) payload.photos[name] = photos;
  }
  return payload;
}

/** The canonical text of one collection's part, which its manifest digest covers. */
export function collectionPart(payload: BackupPayload, name: CollectionName): string {
  return canonicalJson({
    collection: name,
    documents: payload.documents[name] ?? [],
    unsynced: payload.unsynced[name] ?? [],
    photos: payload.photos[name] ?? {},
  });
}

function photoCount(payload: BackupPayload, name: CollectionName): number {
  return Object.values(payload.photos[name] ?? {}).reduce((n, list) => n + list.length, 0);
}

export async function buildManifest(payload: BackupPayload, digest: DigestText): Promise<BackupManifest> {
  const manifest: BackupManifest = {};
  for (const name of COLLECTION_NAMES) {
    manifest[name] = {
      documents: payload.documents[name]?.length ?? 0,
      unsynced: payload.unsynced[name]?.length ?? 0,
      photos: photoCount(payload, name),
      sha256: await digest(collectionPart(payload, name)),
    };
  }
  return manifest;
}

/** The collections whose part of the payload does not match the manifest; empty when all do. */
export async function mismatchedCollections(
  payload: BackupPayload,
  manifest: BackupManifest,
  digest: DigestText,
): Promise<string[]> {
  const bad: string[] = [];
  const known = COLLECTION_NAMES as readonly string[];
  for (const key of new Set([
    ...Object.keys(manifest),
    ...Object.keys(payload.documents),
    ...Object.keys(payload.unsynced),
    ...Object.keys(payload.photos),
  ])) {
    if (!known.includes(key)) bad.push(key);
  }
  for (const name of COLLECTION_NAMES) {
    const entry = manifest[name];
    if (
      !entry ||
      entry.documents !== (payload.documents[name]?.length ?? 0) ||
      entry.unsynced !== (payload.unsynced[name]?.length ?? 0) ||
      entry.photos !== photoCount(payload, name) ||
      entry.sha256 !== (await digest(collectionPart(payload, name)))
    )
      bad.push(name);
  }
  return bad;
}

/** Totals for the person: how many documents, and how many of them wait for the hub. */
export function manifestTotals(manifest: BackupManifest): {
  documents: number;
  unsynced: number;
  photos: number;
} {
  const totals = { documents: 0, unsynced: 0, photos: 0 };
  for (const entry of Object.values(manifest)) {
    totals.documents += entry.documents;
    totals.unsynced += entry.unsynced;
    totals.photos += entry.photos;
  }
  return totals;
}

/** The bytes AES-GCM authenticates besides the payload: the whole header, canonically. */
export function headerText(file: BackupHeader): string {
  const { format, version, createdAt, device, manifest, seal } = file;
  return canonicalJson({ format, version, createdAt, device, manifest, seal });
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';

/** Reads a backup file's text; a Chinese message for anything that is not a backup this app can open. */
export function readBackupFile(text: string): { file: BackupFile } | { error: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { error: '这个文件不是议事的本机备份（无法读取）。' };
  }
  if (!isObject(value) || value['format'] !== DEVICE_BACKUP_FORMAT)
    return { error: '这个文件不是议事的本机备份。' };
  if (typeof value['version'] !== 'number' || value['version'] > DEVICE_BACKUP_VERSION)
    return { error: '这个备份由较新版本的议事生成，请先升级本机的议事再恢复。' };
  const seal = value['seal'];
  const device = value['device'];
  const manifest = value['manifest'];
  if (
    !isObject(seal) ||
    seal['kdf'] !== 'PBKDF2-SHA256' ||
    seal['cipher'] !== 'AES-256-GCM' ||
    typeof seal['iterations'] !== 'number' ||
    !Number.isInteger(seal['iterations']) ||
    seal['iterations'] < 100_000 ||
    seal['iterations'] > 10_000_000 ||
    !isString(seal['salt']) ||
    !isString(seal['iv']) ||
    !isString(seal['check']) ||
    !isObject(device) ||
    !isString(device['deviceId']) ||
    !isString(device['deviceName']) ||
    !isString(device['homeScope']) ||
    !isObject(manifest) ||
    !Object.values(manifest).every((e) => isObject(e) && isString(e['sha256'])) ||
    !isString(value['createdAt']) ||
    !isString(value['sealed'])
  )
    return { error: '备份文件不完整或已损坏，无法恢复。' };
  return { file: value as unknown as BackupFile };
}

/** What a restore writes: the documents, the deletions still to push, and the push bases. */
export interface RestorePlan {
  documents: Partial<Record<CollectionName, Doc[]>>;
  /** Unsynced deletions: written and then deleted locally, so that the push still sends them. */
  deletions: Partial<Record<CollectionName, Doc[]>>;
  /**
   * The master state each unsynced change started from. A restored device has no replication
   * history, so its first push of these rows names no assumed master and the hub answers with a
   * conflict; the conflict handler then merges against this base as the old device would have.
   */
  bases: Partial<Record<CollectionName, Record<string, Doc>>>;
}

export function planRestore(payload: BackupPayload): RestorePlan {
  const plan: RestorePlan = { documents: {}, deletions: {}, bases: {} };
  for (const name of COLLECTION_NAMES) {
    plan.documents[name] = payload.documents[name] ?? [];
    const deletions: Doc[] = [];
    const bases: Record<string, Doc> = {};
    for (const row of payload.unsynced[name] ?? []) {
      if (row.newDocumentState._deleted) deletions.push(row.newDocumentState);
      if (row.assumedMasterState) bases[row.newDocumentState.id] = row.assumedMasterState;
    }
    if (deletions.length > 0) plan.deletions[name] = deletions;
    if (Object.keys(bases).length > 0) plan.bases[name] = bases;
  }
  return plan;
}
