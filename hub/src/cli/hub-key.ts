// The hub key file: 32 random bytes (base64) that seal residents' personal fields in the database.
// Kept beside the data (`<data>/hub-key`, or HUB_KEY_FILE), readable by the hub's user only, and
// never in the database or its backups: a stolen dump or backup alone reveals no phone numbers.
// Every hub process on one PostgreSQL database needs the same file.

import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HubKeyError, generateHubKey } from '../store/pii-seal';

export function hubKeyPath(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  const configured = env['HUB_KEY_FILE'];
  return configured && configured.trim() !== '' ? configured.trim() : join(dataDir, 'hub-key');
}

/** Reads the hub key, creating it (0600) on first use. */
export function loadOrCreateHubKey(dataDir: string): Buffer {
  const path = hubKeyPath(dataDir);
  if (!existsSync(path)) {
    const key = generateHubKey();
    writeFileSync(path, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    return key;
  }
  chmodSync(path, 0o600);
  const key = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new HubKeyError(`服务器密钥文件 ${path} 已损坏（应为 32 字节的 base64）`);
  return key;
}

/** The key if its file exists (tests and tools that open a hub's database). */
export function readHubKey(dataDir: string): Buffer | undefined {
  return existsSync(hubKeyPath(dataDir)) ? loadOrCreateHubKey(dataDir) : undefined;
}
