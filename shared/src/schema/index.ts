// Public entry of the data model: schemas, derived document types, migrations and the plain
// JSON Schema for validators. Import as `#shared/schema/index`.
export { SCHEMAS, type AnyDoc, type DocOf, type DocTypes, type SchemaOf } from './schemas';
export { auditTrailSchema, type AuditEntryDoc } from './audit-trail';
export { casesSchema, type CaseDoc } from './cases';
export { demandsSchema, type DemandDoc } from './demands';
export { followUpsSchema, type FollowUpDoc } from './follow-ups';
export { meetingRecordsSchema, type MeetingRecordDoc } from './meeting-records';
export { meetingsSchema, type MeetingDoc } from './meetings';
export { organizationsSchema, type OrganizationDoc } from './organizations';
export { peopleSchema, type PersonDoc } from './people';
export { placesSchema, type PlaceDoc } from './places';
export { projectsSchema, type ProjectDoc } from './projects';
export { tasksSchema, type TaskDoc } from './tasks';
export { topicsSchema, type TopicDoc } from './topics';
export type { PersonRoleTerm } from './people';
export type { Escalation, Stakeholder } from './topics';
export type { AgendaItem, MeetingNotification, RosterEntry } from './meetings';
export type { TaskParty } from './tasks';
export type { Milestone, Spending } from './projects';
export type { FromSchema, JsonValue } from './from-schema';
export { MIGRATIONS, migrateDoc, type MigrationStep, type Migrations } from './migrations';
export { PII_FIELDS, holdsPii, isPiiField, keepWithheldPii, withoutPii } from './pii';
export { RXDB_SCHEMAS, type RxdbSchemaOf } from './device-schemas';
export { jsonSchemaForValidation, RXDB_ONLY_KEYS, type ValidationSchema } from './validation';
