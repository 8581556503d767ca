import {
  ORGANIZATION_KINDS,
  DEMAND_CATEGORIES,
  LEVELS,
  STAKEHOLDER_KINDS,
  TOPIC_STATES,
  TOPIC_TRACKS,
} from '#shared/domain/vocab';
import {
  BASE_PROPERTIES,
  BASE_REQUIRED,
  conflictsProp,
  enumProp,
  idListProp,
  idProp,
  nameProp,
  scopeProp,
  textProp,
  timeProp,
  titleProp,
} from './base';
import type { FromSchema } from './from-schema';
import { keep, type Migrations } from './migration-steps';

/** 议题: a class of demands to deliberate; escalations keep where it started (originScope/originLevel). */
export const topicsSchema = {
  title: 'topics',
  // v2: an escalation keeps the deadline the topic had below, and when the level above took it up.
  version: 2,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...BASE_PROPERTIES,
    title: titleProp,
    description: textProp,
    category: enumProp(DEMAND_CATEGORIES),
    level: enumProp(LEVELS),
    originScope: scopeProp,
    originLevel: enumProp(LEVELS),
    track: enumProp(TOPIC_TRACKS),
    status: enumProp(TOPIC_STATES),
    demandIds: idListProp,
    priority: { type: 'number', minimum: -1_000_000, maximum: 1_000_000 },
    order: { type: 'integer', minimum: 0, maximum: 1_000_000, multipleOf: 1 },
    stakeholders: {
      type: 'array',
      maxItems: 500,
      items: {
        type: 'object',
        properties: {
          kind: enumProp(STAKEHOLDER_KINDS),
          /** Which kind of organisation (物业服务企业, 产权单位 …) an organisation party is. */
          orgKind: enumProp(ORGANIZATION_KINDS),
          refId: idProp,
          name: { ...nameProp, maxLength: 200 },
        },
        required: ['kind', 'name'],
        additionalProperties: false,
      },
    },
    escalations: {
      type: 'array',
      maxItems: 10,
      items: {
        type: 'object',
        properties: {
          fromLevel: enumProp(LEVELS),
          toLevel: enumProp(LEVELS),
          fromScope: scopeProp,
          toScope: scopeProp,
          at: timeProp,
          by: idProp,
          reason: textProp,
          /** The deadline the topic had at the level it came from, shown beside the new one. */
          deadlineAt: timeProp,
          /** When (and by which device) the level above took the topic up; until then it is 已上报. */
          takenUpAt: timeProp,
          takenUpBy: idProp,
        },
        required: ['fromLevel', 'toLevel', 'fromScope', 'toScope', 'at', 'by', 'reason'],
        additionalProperties: false,
      },
    },
    deadlineAt: timeProp,
    quickAnswer: textProp,
    answeredAt: timeProp,
    meetingIds: idListProp,
    decision: textProp,
    dropReason: textProp,
    conflicts: conflictsProp,
  },
  required: [
    ...BASE_REQUIRED,
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
    'meetingIds',
  ],
  indexes: ['scope', ['status', 'scope'], ['category', 'scope'], ['level', 'scope']],
  additionalProperties: false,
} as const;

export type TopicDoc = FromSchema<typeof topicsSchema>;
export type Stakeholder = TopicDoc['stakeholders'][number];
export type Escalation = TopicDoc['escalations'][number];

/** Steps from each older version of this schema to the next (see migration-steps.ts). */
// v2 only adds optional fields to an escalation.
export const topicsMigrations: Migrations = { 1: keep, 2: keep };
