import { CASE_KINDS, CASE_STATES } from '#shared/domain/vocab';
import {
  BASE_PROPERTIES,
  BASE_REQUIRED,
  conflictsProp,
  enumProp,
  idProp,
  longTextProp,
  timeProp,
  titleProp,
} from './base';
import type { FromSchema } from './from-schema';
import { type Migrations } from './migration-steps';

/** 成果 archive: 经验, 案例 and 故事, generated from the record and edited by people. */
export const casesSchema = {
  title: 'cases',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...BASE_PROPERTIES,
    kind: enumProp(CASE_KINDS),
    title: titleProp,
    body: longTextProp,
    topicId: idProp,
    status: enumProp(CASE_STATES),
    generatedAt: timeProp,
    conflicts: conflictsProp,
  },
  required: [...BASE_REQUIRED, 'kind', 'title', 'body', 'status'],
  indexes: ['scope', ['kind', 'scope']],
  additionalProperties: false,
} as const;

export type CaseDoc = FromSchema<typeof casesSchema>;

/** Steps from each older version of this schema to the next (see migration-steps.ts). */
export const casesMigrations: Migrations = {};
