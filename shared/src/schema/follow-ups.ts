import { FOLLOW_UP_KINDS, FOLLOW_UP_OUTCOMES, FOLLOW_UP_SUBJECTS, LEVELS } from '#shared/domain/vocab';
import { BASE_PROPERTIES, BASE_REQUIRED, countProp, enumProp, idProp, textProp, timeProp } from './base';
import type { FromSchema } from './from-schema';
import { type Migrations } from './migration-steps';

/**
 * Append-only 督/评 facts about a demand, topic, task or project: progress notes, escalations
 * (督办), inspections, acceptances and satisfaction call-backs (回访).
 */
export const followUpsSchema = {
  title: 'followUps',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...BASE_PROPERTIES,
    kind: enumProp(FOLLOW_UP_KINDS),
    subjectCollection: enumProp(FOLLOW_UP_SUBJECTS),
    subjectId: idProp,
    at: timeProp,
    by: idProp,
    note: textProp,
    // CallbackOutcome for a call-back, passed/failed for an inspection or acceptance.
    outcome: enumProp(FOLLOW_UP_OUTCOMES),
    toLevel: enumProp(LEVELS),
    demandId: idProp,
    photoCount: countProp,
  },
  required: [...BASE_REQUIRED, 'kind', 'subjectCollection', 'subjectId', 'at', 'by', 'note'],
  indexes: ['scope', ['subjectId', 'at'], ['kind', 'at']],
  additionalProperties: false,
} as const;

export type FollowUpDoc = FromSchema<typeof followUpsSchema>;

/** Steps from each older version of this schema to the next (see migration-steps.ts). */
export const followUpsMigrations: Migrations = {};
