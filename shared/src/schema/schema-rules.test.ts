import { describe, expect, it } from 'vitest';
import type { RxJsonSchema } from 'rxdb';
import { checkSchema } from 'rxdb/plugins/dev-mode';
import { COLLECTION_NAMES, type CollectionName } from '#shared/domain/vocab';
import { MIGRATIONS, PII_FIELDS, RXDB_SCHEMAS, SCHEMAS, type DocTypes } from '#shared/schema/index';
import { BASE_REQUIRED } from '#shared/schema/base';

type Json = Record<string, unknown>;

// Compile-time: every schema is assignable to RxDB's own schema type for its derived doc type.
const typed: { [C in CollectionName]: RxJsonSchema<DocTypes[C]> } = SCHEMAS;

/** The fields the data-model contract (docs/data-model.md) names, minus the base fields. */
const CONTRACT: Record<CollectionName, string[]> = {
  places: ['kind', 'name', 'parentId', 'code', 'initials', 'order', 'venueType', 'address'],
  people: [
    'name',
    'initials',
    'placeId',
    'gender',
    'birthYear',
    'phone',
    'idNumber',
    'addressDetail',
    'roles',
    'vulnerabilities',
    'organizationId',
    'active',
  ],
  organizations: ['kind', 'name', 'initials', 'contacts', 'serves'],
  demands: [
    'placeId',
    'title',
    'description',
    'type',
    'category',
    'source',
    'urgency',
    'status',
    'receivedAt',
    'dueAt',
    'hotlineOrderNo',
    'hotlineDispatchedAt',
    'hotlineUnit',
    'hotlineFinishedAt',
    'hotlineResult',
    'hotlineResolved',
    'hotlineCallback',
    'hotlineResponse',
    'hotlineCategory',
    'categoryGuessed',
    'topicId',
    'duplicateOf',
    'reporterName',
    'reporterPhone',
    'addressDetail',
    'vulnerable',
    'reasonable',
    'unreasonableEvidence',
    'answer',
    'respondedAt',
    'resolvedAt',
    'closedAt',
    'reopenedCount',
    'photos',
  ],
  topics: [
    'title',
    'description',
    'category',
    'level',
    'originScope',
    'originLevel',
    'track',
    'status',
    'demandIds',
    'priority',
    'order',
    'stakeholders',
    'escalations',
    'deadlineAt',
    'quickAnswer',
    'answeredAt',
    'meetingIds',
    'decision',
    'dropReason',
  ],
  meetings: [
    'kind',
    'title',
    'venueId',
    'seriesId',
    'carriedOverFrom',
    'startsAt',
    'durationMinutes',
    'status',
    'agenda',
    'roster',
    'quorumNumerator',
    'quorumDenominator',
    'defaultRule',
    'defaultBase',
    'proxyLimit',
    'chairVotes',
    'startedAt',
    'startedEarly',
    'notifications',
    'noticePrintedAt',
    'minutesText',
    'minutesApprovedAt',
    'minutesApprovedBy',
    'minutesApproverName',
    'publishedAt',
  ],
  meetingRecords: [
    'meetingId',
    'kind',
    'at',
    'by',
    'personId',
    'proxyForId',
    'name',
    'walkIn',
    'agendaItemId',
    'voteId',
    'motion',
    'origin',
    'yes',
    'no',
    'abstain',
    'rule',
    'base',
    'result',
    'text',
    'parties',
    'correctsId',
    'durationSeconds',
  ],
  tasks: [
    'topicId',
    'meetingId',
    'decisionRecordId',
    'redirectedFromTaskId',
    'demandIds',
    'title',
    'description',
    'classification',
    'level',
    'status',
    'parties',
    'assignedAt',
    'dueAt',
    'finishedAt',
    'acceptedAt',
    'closedAt',
    'escalationLevel',
    'withdrawnReason',
    'photos',
  ],
  followUps: [
    'kind',
    'subjectCollection',
    'subjectId',
    'at',
    'by',
    'note',
    'outcome',
    'toLevel',
    'demandId',
    'photoCount',
  ],
  projects: [
    'kind',
    'title',
    'description',
    'topicIds',
    'fundSource',
    'year',
    'budgetFen',
    'status',
    'feasibility',
    'approvalMeetingId',
    'approvalRecordId',
    'milestones',
    'spending',
    'consultations',
    'acceptedAt',
    'missingConsultationReason',
    'publishedAt',
    'photos',
  ],
  cases: ['kind', 'title', 'body', 'topicId', 'status', 'generatedAt'],
  // `collection` is reserved by RxDB, hence `targetCollection`.
  auditTrail: ['at', 'actor', 'device', 'action', 'targetCollection', 'targetId', 'detail'],
};

const ENCRYPTED: Partial<Record<CollectionName, string[]>> = {
  people: ['phone', 'idNumber', 'addressDetail'],
  demands: ['reporterPhone', 'addressDetail'],
};

const APPEND_ONLY: CollectionName[] = ['meetingRecords', 'followUps', 'auditTrail'];

function indexedFields(schema: Json): string[] {
  const indexes = (schema.indexes ?? []) as (string | string[])[];
  return [...new Set(indexes.flatMap((index) => (Array.isArray(index) ? index : [index])))];
}

describe('collection schemas', () => {
  it('are at most 12, one per collection name', () => {
    expect(Object.keys(SCHEMAS).sort()).toEqual([...COLLECTION_NAMES].sort());
    expect(COLLECTION_NAMES.length).toBeLessThanOrEqual(12);
    expect(Object.keys(typed)).toHaveLength(COLLECTION_NAMES.length);
  });

  for (const name of COLLECTION_NAMES) {
    describe(name, () => {
      const schema = SCHEMAS[name] as unknown as Json;
      const properties = schema.properties as Record<string, Json>;
      const required = schema.required as string[];

      it('passes RxDB dev-mode checkSchema', () => {
        expect(() => checkSchema(RXDB_SCHEMAS[name] as unknown as RxJsonSchema<unknown>)).not.toThrow();
      });

      it('has the RxDB shape and a migration for every version step', () => {
        expect(schema.primaryKey).toBe('id');
        expect(schema.type).toBe('object');
        expect(schema.title).toBe(name);
        expect(schema.additionalProperties).toBe(false);
        const version = schema.version as number;
        expect(Number.isInteger(version) && version >= 0).toBe(true);
        const steps = Object.keys(MIGRATIONS[name])
          .map(Number)
          .sort((a, b) => a - b);
        expect(steps).toEqual(Array.from({ length: version }, (_, i) => i + 1));
      });

      it('carries the base fields, all required', () => {
        for (const field of BASE_REQUIRED) {
          expect(properties[field], field).toBeDefined();
          expect(required).toContain(field);
        }
        expect(properties.id?.maxLength).toBe(64);
        expect(properties.scope?.maxLength).toBe(200);
      });

      it('has every field of the contract and no other', () => {
        const own = Object.keys(properties).filter(
          (key) => !(BASE_REQUIRED as readonly string[]).includes(key),
        );
        const expected = [...CONTRACT[name], ...(APPEND_ONLY.includes(name) ? [] : ['conflicts'])];
        expect(own.sort()).toEqual(expected.sort());
        for (const field of required) expect(properties[field], field).toBeDefined();
      });

      it('indexes scope, with indexable bounds on every indexed field', () => {
        const fields = indexedFields(schema);
        expect(fields).toContain('scope');
        for (const field of fields) {
          const part = properties[field];
          expect(part, field).toBeDefined();
          if (part?.type === 'string') {
            expect(part.maxLength, field).toBeGreaterThan(0);
            expect(part.maxLength as number, field).toBeLessThanOrEqual(2048);
          } else if (part?.type === 'integer' || part?.type === 'number') {
            expect([part.minimum, part.maximum, part.multipleOf].every(Number.isFinite), field).toBe(true);
          } else {
            expect(part?.type, field).toBe('boolean');
            expect(required, field).toContain(field);
          }
        }
      });

      it('indexes required fields only (the Dexie storage refuses optional ones: DXE1)', () => {
        for (const field of indexedFields(schema)) expect(required, field).toContain(field);
      });

      it('marks exactly the PII of the contract, top-level and unindexed, and nothing else', () => {
        const marked = PII_FIELDS[name];
        expect([...marked].sort()).toEqual([...(ENCRYPTED[name] ?? [])].sort());
        const indexed = indexedFields(schema);
        for (const field of marked) {
          expect(properties[field]?.pii, field).toBe(true);
          expect(indexed).not.toContain(field);
        }
        expect(JSON.stringify(schema.required)).not.toContain('"pii"');
      });

      it('gives RxDB the marked fields as its `encrypted` list and no `pii` key', () => {
        const rx = RXDB_SCHEMAS[name] as unknown as Json;
        expect(rx.encrypted).toEqual(PII_FIELDS[name].length > 0 ? [...PII_FIELDS[name]] : undefined);
        const rxProperties = rx.properties as Record<string, Json>;
        for (const [field, part] of Object.entries(properties)) {
          const { pii: _mark, ...rest } = part;
          expect(rxProperties[field], field).toEqual(rest);
        }
        expect({ ...rx, properties: undefined, encrypted: undefined }).toEqual({
          ...schema,
          properties: undefined,
        });
      });
    });
  }

  it('keeps the fields ledgers filter on indexed', () => {
    expect(indexedFields(SCHEMAS.demands)).toEqual(
      expect.arrayContaining(['scope', 'status', 'category', 'source', 'receivedAt']),
    );
    expect(indexedFields(SCHEMAS.tasks)).toEqual(expect.arrayContaining(['scope', 'status', 'dueAt']));
    expect(indexedFields(SCHEMAS.topics)).toEqual(
      expect.arrayContaining(['scope', 'status', 'category', 'level']),
    );
    expect(indexedFields(SCHEMAS.followUps)).toEqual(expect.arrayContaining(['subjectId', 'at']));
    expect(indexedFields(SCHEMAS.meetingRecords)).toEqual(expect.arrayContaining(['meetingId']));
  });
});
