import type { CollectionName } from '#shared/domain/vocab';
import { initials, type NameKind } from '#shared/domain/text/pinyin';
import { NAME_MAX } from './base';

/**
 * A schema-version step in RxDB's migrationStrategies shape: the key is the version a document
 * is migrated TO, the function receives it at the previous version. Pure, so the hub can run the
 * same steps on documents pushed by devices that have not updated yet.
 */
export type MigrationStep = (oldDoc: Record<string, unknown>) => Record<string, unknown>;
export type Migrations = Record<number, MigrationStep>;

function addInitials(kind: NameKind): MigrationStep {
  return (oldDoc) => {
    const name = typeof oldDoc.name === 'string' ? oldDoc.name : '';
    return { ...oldDoc, initials: initials(name, kind).slice(0, NAME_MAX) };
  };
}

const keep: MigrationStep = (oldDoc) => ({ ...oldDoc });

export const MIGRATIONS: Record<CollectionName, Migrations> = {
  // v1: pickers search by pinyin initials, which version 0 did not store.
  places: { 1: addInitials('plain') },
  people: { 1: addInitials('person') },
  organizations: {},
  // v1 only adds the optional `photos` list: documents stay as they are.
  demands: { 1: keep },
  topics: {},
  meetings: {},
  meetingRecords: {},
  tasks: {},
  followUps: {},
  projects: { 1: keep },
  cases: {},
  auditTrail: {},
};

/** Applies every step from `fromVersion` up to `toVersion` (what RxDB does on open). */
export function migrateDoc(
  collection: CollectionName,
  doc: Record<string, unknown>,
  fromVersion: number,
  toVersion: number,
): Record<string, unknown> {
  let current = doc;
  for (let version = fromVersion + 1; version <= toVersion; version += 1) {
    const step = MIGRATIONS[collection][version];
    if (!step) throw new Error(`No migration of ${collection} to version ${version}`);
    current = step(current);
  }
  return current;
}
