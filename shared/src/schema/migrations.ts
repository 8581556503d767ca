import type { CollectionName } from '#shared/domain/vocab';
import { auditTrailMigrations } from './audit-trail';
import { casesMigrations } from './cases';
import { demandsMigrations } from './demands';
import { followUpsMigrations } from './follow-ups';
import { meetingRecordsMigrations } from './meeting-records';
import { meetingsMigrations } from './meetings';
import type { Migrations } from './migration-steps';
import { organizationsMigrations } from './organizations';
import { peopleMigrations } from './people';
import { placesMigrations } from './places';
import { projectsMigrations } from './projects';
import { tasksMigrations } from './tasks';
import { topicsMigrations } from './topics';

export type { MigrationStep, Migrations } from './migration-steps';

/** Every collection's steps, by collection name; each collection keeps its own beside its schema. */
export const MIGRATIONS: Record<CollectionName, Migrations> = {
  places: placesMigrations,
  people: peopleMigrations,
  organizations: organizationsMigrations,
  demands: demandsMigrations,
  topics: topicsMigrations,
  meetings: meetingsMigrations,
  meetingRecords: meetingRecordsMigrations,
  tasks: tasksMigrations,
  followUps: followUpsMigrations,
  projects: projectsMigrations,
  cases: casesMigrations,
  auditTrail: auditTrailMigrations,
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
