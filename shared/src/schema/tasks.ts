import {
  LEVELS,
  PARTY_STATES,
  TASK_CLASSIFICATIONS,
  TASK_PARTY_KINDS,
  TASK_STATES,
} from '#shared/domain/vocab';
import {
  BASE_PROPERTIES,
  BASE_REQUIRED,
  conflictsProp,
  enumProp,
  idListProp,
  idProp,
  textProp,
  timeProp,
  titleProp,
} from './base';
import type { FromSchema } from './from-schema';
import { photosProp } from './photos';
import { keep, type Migrations } from './migration-steps';

/** 办: a decision split into the work of one or more responsible parties, with a due date. */
export const tasksSchema = {
  title: 'tasks',
  // v1: a redirected party's successor task, the task a redirection came from, the withdrawn
  // state, and the replicated `photos` list of the evidence photos (进展/完成/验收).
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...BASE_PROPERTIES,
    topicId: idProp,
    meetingId: idProp,
    decisionRecordId: idProp,
    redirectedFromTaskId: idProp,
    demandIds: idListProp,
    title: titleProp,
    description: textProp,
    classification: enumProp(TASK_CLASSIFICATIONS),
    level: enumProp(LEVELS),
    status: enumProp(TASK_STATES),
    parties: {
      type: 'array',
      maxItems: 50,
      items: {
        type: 'object',
        properties: {
          partyId: idProp,
          organizationId: idProp,
          name: titleProp,
          kind: enumProp(TASK_PARTY_KINDS),
          state: enumProp(PARTY_STATES),
          reason: textProp,
          redirectedTo: titleProp,
          redirectedToOrganizationId: idProp,
          successorTaskId: idProp,
          updatedAt: timeProp,
        },
        required: ['partyId', 'name', 'kind', 'state', 'updatedAt'],
        additionalProperties: false,
      },
    },
    assignedAt: timeProp,
    dueAt: timeProp,
    finishedAt: timeProp,
    acceptedAt: timeProp,
    closedAt: timeProp,
    escalationLevel: { type: 'integer', minimum: 0, maximum: 2, multipleOf: 1 },
    withdrawnReason: textProp,
    photos: photosProp,
    conflicts: conflictsProp,
  },
  required: [
    ...BASE_REQUIRED,
    'demandIds',
    'title',
    'description',
    'classification',
    'level',
    'status',
    'parties',
    'assignedAt',
    'dueAt',
    'escalationLevel',
  ],
  indexes: ['scope', ['status', 'dueAt'], 'dueAt', ['level', 'scope']],
  // Evidence photos of the follow-ups (compressed JPEG), stored and synced with the task; each
  // attachment id starts with the id of the follow-up it belongs to.
  attachments: {},
  additionalProperties: false,
} as const;

export type TaskDoc = FromSchema<typeof tasksSchema>;
export type TaskParty = TaskDoc['parties'][number];

/** Steps from each older version of this schema to the next (see migration-steps.ts). */
// v1 only adds optional fields and a state.
export const tasksMigrations: Migrations = { 1: keep };
