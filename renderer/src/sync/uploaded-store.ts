// Which photo bytes the hub already has, so a restart does not upload every photo again. The
// browser keeps the keys in the device's small local database (`yishi-local`); tests use memory.
// Losing the list costs only idempotent re-uploads.

import Dexie from 'dexie';
import type { Table } from 'dexie';
import { LOCAL_DATABASE_NAME } from './refused-store';

export interface UploadedAttachmentStore {
  has(key: string): Promise<boolean>;
  add(key: string): Promise<void>;
  clear(): Promise<void>;
}

export class MemoryUploadedAttachmentStore implements UploadedAttachmentStore {
  private readonly keys = new Set<string>();
  async has(key: string): Promise<boolean> {
    return this.keys.has(key);
  }
  async add(key: string): Promise<void> {
    this.keys.add(key);
  }
  async clear(): Promise<void> {
    this.keys.clear();
  }
}

class UploadedDatabase extends Dexie {
  uploadedAttachments!: Table<{ key: string }, string>;
  constructor(name: string) {
    super(name);
    // Version 1 (refused rows) belongs to refused-store.ts; both declare the whole schema.
    this.version(1).stores({ refusedRows: 'key, refusedAt, collection' });
    this.version(2).stores({ refusedRows: 'key, refusedAt, collection', uploadedAttachments: 'key' });
  }
}

export class DexieUploadedAttachmentStore implements UploadedAttachmentStore {
  private readonly db: UploadedDatabase;
  constructor(name: string = LOCAL_DATABASE_NAME) {
    this.db = new UploadedDatabase(name);
  }
  async has(key: string): Promise<boolean> {
    return (await this.db.uploadedAttachments.get(key)) !== undefined;
  }
  async add(key: string): Promise<void> {
    await this.db.uploadedAttachments.put({ key });
  }
  async clear(): Promise<void> {
    await this.db.uploadedAttachments.clear();
  }
}
