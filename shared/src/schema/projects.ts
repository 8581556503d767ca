import { CONSULTATION_PHASES, FUND_SOURCES, PROJECT_KINDS, PROJECT_STATES } from '#shared/domain/vocab';
import {
  BASE_PROPERTIES,
  BASE_REQUIRED,
  conflictsProp,
  countProp,
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

/** 微实事/微项目: fund source, budget (fen), approval, milestones, spending and acceptance. */
export const projectsSchema = {
  title: 'projects',
  // v1: the replicated `photos` list of the attachments.
  // v2: why a project was accepted without a consultation during or after it.
  version: 2,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...BASE_PROPERTIES,
    kind: enumProp(PROJECT_KINDS),
    title: titleProp,
    description: textProp,
    topicIds: idListProp,
    fundSource: enumProp(FUND_SOURCES),
    year: { type: 'integer', minimum: 2000, maximum: 2100, multipleOf: 1 },
    budgetFen: countProp,
    status: enumProp(PROJECT_STATES),
    feasibility: textProp,
    approvalMeetingId: idProp,
    approvalRecordId: idProp,
    milestones: {
      type: 'array',
      maxItems: 100,
      items: {
        type: 'object',
        properties: { id: idProp, title: titleProp, dueAt: timeProp, doneAt: timeProp },
        required: ['id', 'title', 'dueAt'],
        additionalProperties: false,
      },
    },
    spending: {
      type: 'array',
      maxItems: 1000,
      items: {
        type: 'object',
        properties: {
          id: idProp,
          at: timeProp,
          amountFen: countProp,
          note: textProp,
          receiptCount: countProp,
        },
        required: ['id', 'at', 'amountFen', 'note'],
        additionalProperties: false,
      },
    },
    consultations: {
      type: 'array',
      maxItems: 100,
      items: {
        type: 'object',
        properties: { phase: enumProp(CONSULTATION_PHASES), meetingId: idProp },
        required: ['phase', 'meetingId'],
        additionalProperties: false,
      },
    },
    acceptedAt: timeProp,
    missingConsultationReason: textProp,
    publishedAt: timeProp,
    photos: photosProp,
    conflicts: conflictsProp,
  },
  required: [
    ...BASE_REQUIRED,
    'kind',
    'title',
    'description',
    'topicIds',
    'fundSource',
    'year',
    'budgetFen',
    'status',
    'milestones',
    'spending',
    'consultations',
  ],
  indexes: ['scope', ['status', 'scope'], ['year', 'scope'], ['fundSource', 'year']],
  // Receipt photos of the spending entries (compressed JPEG), stored and synced with the project.
  attachments: {},
  additionalProperties: false,
} as const;

export type ProjectDoc = FromSchema<typeof projectsSchema>;
export type Milestone = ProjectDoc['milestones'][number];
export type Spending = ProjectDoc['spending'][number];

/** Steps from each older version of this schema to the next (see migration-steps.ts). */
// v1 and v2 only add optional fields.
export const projectsMigrations: Migrations = { 1: keep, 2: keep };
