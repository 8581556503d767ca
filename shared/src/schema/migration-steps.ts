import { initials, type NameKind } from '#shared/domain/text/pinyin';
import { NAME_MAX } from './base';

/**
 * A schema-version step in RxDB's migrationStrategies shape: the key is the version a document
 * is migrated TO, the function receives it at the previous version. Pure, so the hub can run the
 * same steps on documents pushed by devices that have not updated yet. Each collection keeps its
 * own steps beside its schema.
 */
export type MigrationStep = (oldDoc: Record<string, unknown>) => Record<string, unknown>;
export type Migrations = Record<number, MigrationStep>;

/** v1 of places and people: pickers search by pinyin initials, which version 0 did not store. */
export function addInitials(kind: NameKind): MigrationStep {
  return (oldDoc) => {
    const name = typeof oldDoc.name === 'string' ? oldDoc.name : '';
    return { ...oldDoc, initials: initials(name, kind).slice(0, NAME_MAX) };
  };
}

/** A step that only adds optional fields: documents stay as they are. */
export const keep: MigrationStep = (oldDoc) => ({ ...oldDoc });
