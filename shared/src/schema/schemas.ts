// The twelve collections: their schemas and document types, by collection name.
import type { CollectionName } from '#shared/domain/vocab';
import { auditTrailSchema, type AuditEntryDoc } from './audit-trail';
import { casesSchema, type CaseDoc } from './cases';
import { demandsSchema, type DemandDoc } from './demands';
import { followUpsSchema, type FollowUpDoc } from './follow-ups';
import { meetingRecordsSchema, type MeetingRecordDoc } from './meeting-records';
import { meetingsSchema, type MeetingDoc } from './meetings';
import { organizationsSchema, type OrganizationDoc } from './organizations';
import { peopleSchema, type PersonDoc } from './people';
import { placesSchema, type PlaceDoc } from './places';
import { projectsSchema, type ProjectDoc } from './projects';
import { tasksSchema, type TaskDoc } from './tasks';
import { topicsSchema, type TopicDoc } from './topics';

/** The document type of each collection. */
export interface DocTypes {
  places: PlaceDoc;
  people: PersonDoc;
  organizations: OrganizationDoc;
  demands: DemandDoc;
  topics: TopicDoc;
  meetings: MeetingDoc;
  meetingRecords: MeetingRecordDoc;
  tasks: TaskDoc;
  followUps: FollowUpDoc;
  projects: ProjectDoc;
  cases: CaseDoc;
  auditTrail: AuditEntryDoc;
}
export type DocOf<C extends CollectionName> = DocTypes[C];
export type AnyDoc = DocTypes[CollectionName];

export const SCHEMAS = {
  places: placesSchema,
  people: peopleSchema,
  organizations: organizationsSchema,
  demands: demandsSchema,
  topics: topicsSchema,
  meetings: meetingsSchema,
  meetingRecords: meetingRecordsSchema,
  tasks: tasksSchema,
  followUps: followUpsSchema,
  projects: projectsSchema,
  cases: casesSchema,
  auditTrail: auditTrailSchema,
} as const satisfies Record<CollectionName, { readonly version: number; readonly primaryKey: 'id' }>;

export type SchemaOf<C extends CollectionName> = (typeof SCHEMAS)[C];
