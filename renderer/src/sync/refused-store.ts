// Rows the hub refused (outside the scope, beyond the role, failing the schema). They were not
// applied on the hub and must not be lost on the device either: a person sees them with the
// reason. They live outside RxDB (the app already uses all twelve collections it may open), in a
// separate small IndexedDB database in the browser and in memory in tests.

import Dexie from 'dexie';
import type { Table } from 'dexie';
import type { RefusalCode } from '#shared/protocol/v1';

export interface RefusedRowRecord {
  /** `${collection}:${id}:${refusedAt}`: every refusal is kept, also repeated ones. */
  key: string;
  collection: string;
  id: string;
  code: RefusalCode;
  /** Chinese, from the hub. */
  reason: string;
  refusedAt: string;
  /** The document state that was refused. */
  row: Record<string, unknown>;
}

export interface RefusedRowStore {
  add(records: RefusedRowRecord[]): Promise<void>;
  list(): Promise<RefusedRowRecord[]>;
  /** After a person dealt with a row (re-entered it correctly, or decided to drop it). */
  remove(key: string): Promise<void>;
  clear(): Promise<void>;
}

function byTime(a: RefusedRowRecord, b: RefusedRowRecord): number {
  return a.refusedAt < b.refusedAt
    ? -1
    : a.refusedAt > b.refusedAt
      ? 1
      : a.key < b.key
        ? -1
        : a.key > b.key
          ? 1
          : 0;
}

export class MemoryRefusedRowStore implements RefusedRowStore {
  private readonly rows = new Map<string, RefusedRowRecord>();
  async add(records: RefusedRowRecord[]): Promise<void> {
    for (const r of records) this.rows.set(r.key, structuredClone(r));
  }
  async list(): Promise<RefusedRowRecord[]> {
    return [...this.rows.values()].map((r) => structuredClone(r)).sort(byTime);
  }
  async remove(key: string): Promise<void> {
    this.rows.delete(key);
  }
  async clear(): Promise<void> {
    this.rows.clear();
  }
}

export const LOCAL_DATABASE_NAME = 'yishi-local';

class LocalDatabase extends Dexie {
  refusedRows!: Table<RefusedRowRecord, string>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ refusedRows: 'key, refusedAt, collection' });
    // v2: the photo uploads the hub acknowledged (uploaded-store.ts opens the same database).
    this.version(2).stores({ refusedRows: 'key, refusedAt, collection', uploadedAttachments: 'key' });
  }
}

/** The browser implementation on IndexedDB (`yishi-local`); wiping the device deletes it too. */
export class DexieRefusedRowStore implements RefusedRowStore {
  private readonly db: LocalDatabase;
  constructor(name: string = LOCAL_DATABASE_NAME) {
    this.db = new LocalDatabase(name);
  }
  async add(records: RefusedRowRecord[]): Promise<void> {
    await this.db.refusedRows.bulkPut(records);
  }
  async list(): Promise<RefusedRowRecord[]> {
    return (await this.db.refusedRows.orderBy('refusedAt').toArray()).sort(byTime);
  }
  async remove(key: string): Promise<void> {
    await this.db.refusedRows.delete(key);
  }
  async clear(): Promise<void> {
    await this.db.refusedRows.clear();
  }
  /** Closes and deletes the whole local database (used when a revoked device wipes its data). */
  async destroy(): Promise<void> {
    this.db.close();
    await Dexie.delete(this.db.name);
  }
}
