// Sealing a device backup with the passphrase a person typed: PBKDF2-SHA256 over a random salt
// gives 512 bits, the first half is the AES-256-GCM key, the second half's SHA-256 is stored as
// `check` so that a wrong passphrase is told apart from a damaged or altered file. The header (device,
// manifest, seal parameters) is GCM's additional data: changing any of it fails the opening.
// Web Crypto only: the same code runs in Electron, in browser mode and in Node's tests.

import {
  DEVICE_BACKUP_FORMAT,
  DEVICE_BACKUP_VERSION,
  headerText,
  mismatchedCollections,
} from '#shared/protocol/device-backup';
import type {
  BackupDevice,
  BackupFile,
  BackupHeader,
  BackupManifest,
  BackupPayload,
} from '#shared/protocol/device-backup';

/** OWASP's figure for PBKDF2-HMAC-SHA256 (2023). */
export const BACKUP_ITERATIONS = 600_000;
export const MIN_BACKUP_PASSPHRASE = 8;

const encoder = new TextEncoder();

export function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(text);
}

export function fromBase64(text: string): Uint8Array | null {
  try {
    const raw = atob(text);
    const out = new Uint8Array(raw.length);
    for (let i = 0; i < raw.length; i += 1) out[i] = raw.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

function hex(bytes: ArrayBuffer): string {
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Hex SHA-256 of UTF-8 text: the manifest's digest. */
export async function sha256Text(text: string): Promise<string> {
  return hex(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
}

async function deriveKeys(
  passphrase: string,
  salt: Uint8Array,
  iterations: number,
): Promise<{ key: CryptoKey; check: string }> {
  const material = await crypto.subtle.importKey('raw', encoder.encode(passphrase), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = new Uint8Array(
    await crypto.subtle.deriveBits(
      { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
      material,
      512,
    ),
  );
  const key = await crypto.subtle.importKey('raw', bits.slice(0, 32), 'AES-GCM', false, [
    'encrypt',
    'decrypt',
  ]);
  const check = hex(await crypto.subtle.digest('SHA-256', bits.slice(32)));
  return { key, check };
}

export interface SealInput {
  createdAt: string;
  device: BackupDevice;
  manifest: BackupManifest;
  payload: BackupPayload;
  passphrase: string;
  iterations?: number;
  /** Random bytes (tests pass their own). */
  random?: (length: number) => Uint8Array;
}

export async function sealBackup(input: SealInput): Promise<BackupFile> {
  const random = input.random ?? ((n: number) => crypto.getRandomValues(new Uint8Array(n)));
  const salt = random(16);
  const iv = random(12);
  const iterations = input.iterations ?? BACKUP_ITERATIONS;
  const { key, check } = await deriveKeys(input.passphrase, salt, iterations);
  const header: BackupHeader = {
    format: DEVICE_BACKUP_FORMAT,
    version: DEVICE_BACKUP_VERSION,
    createdAt: input.createdAt,
    device: input.device,
    manifest: input.manifest,
    seal: {
      kdf: 'PBKDF2-SHA256',
      iterations,
      salt: toBase64(salt),
      cipher: 'AES-256-GCM',
      iv: toBase64(iv),
      check,
    },
  };
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv: iv as BufferSource, additionalData: encoder.encode(headerText(header)) },
    key,
    encoder.encode(JSON.stringify(input.payload)),
  );
  return { ...header, sealed: toBase64(new Uint8Array(sealed)) };
}

export type OpenOutcome = { payload: BackupPayload } | { error: 'passphrase' | 'damaged' | 'digests' };

/**
 * Opens a backup and checks every collection against the manifest; nothing is trusted (or written
 * by the caller) unless all of it holds.
 */
export async function openBackup(file: BackupFile, passphrase: string): Promise<OpenOutcome> {
  const salt = fromBase64(file.seal.salt);
  const iv = fromBase64(file.seal.iv);
  const sealed = fromBase64(file.sealed);
  if (!salt || !iv || !sealed || iv.length !== 12) return { error: 'damaged' };
  const { key, check } = await deriveKeys(passphrase, salt, file.seal.iterations);
  if (check !== file.seal.check) return { error: 'passphrase' };
  let text: string;
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: iv as BufferSource, additionalData: encoder.encode(headerText(file)) },
      key,
      sealed as BufferSource,
    );
    text = new TextDecoder().decode(plain);
  } catch {
    return { error: 'damaged' };
  }
  let payload: BackupPayload;
  try {
    payload = JSON.parse(text) as BackupPayload;
  } catch {
    return { error: 'damaged' };
  }
  if (typeof payload !== 'object' || payload === null) return { error: 'damaged' };
  payload.documents ??= {};
  payload.unsynced ??= {};
  payload.photos ??= {};
  const bad = await mismatchedCollections(payload, file.manifest, sha256Text);
  return bad.length > 0 ? { error: 'digests' } : { payload };
}
