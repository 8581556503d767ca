import { GENDERS, PERSON_ROLES, VULNERABILITIES } from '#shared/domain/vocab';
import {
  BASE_PROPERTIES,
  BASE_REQUIRED,
  conflictsProp,
  enumProp,
  idProp,
  initialsProp,
  nameProp,
  pii,
  scopeProp,
  textProp,
  timeProp,
} from './base';
import type { FromSchema } from './from-schema';
import { addInitials, type Migrations } from './migration-steps';

/** Residents, leaders and workers; a role is held over a place for a term (appointed → ceased). */
export const peopleSchema = {
  title: 'people',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...BASE_PROPERTIES,
    name: nameProp,
    initials: initialsProp,
    placeId: idProp,
    gender: enumProp(GENDERS),
    birthYear: { type: 'integer', minimum: 1900, maximum: 2100, multipleOf: 1 },
    phone: pii({ type: 'string', maxLength: 32 }),
    idNumber: pii({ type: 'string', maxLength: 32 }),
    addressDetail: pii(textProp),
    roles: {
      type: 'array',
      maxItems: 100,
      items: {
        type: 'object',
        properties: {
          role: enumProp(PERSON_ROLES),
          placeScope: scopeProp,
          appointedAt: timeProp,
          ceasedAt: timeProp,
        },
        required: ['role', 'placeScope', 'appointedAt'],
        additionalProperties: false,
      },
    },
    vulnerabilities: { type: 'array', maxItems: 10, items: enumProp(VULNERABILITIES) },
    organizationId: idProp,
    active: { type: 'boolean' },
    conflicts: conflictsProp,
  },
  required: [...BASE_REQUIRED, 'name', 'initials', 'placeId', 'roles', 'vulnerabilities', 'active'],
  indexes: ['scope', 'placeId', 'initials'],
  additionalProperties: false,
} as const;

export type PersonDoc = FromSchema<typeof peopleSchema>;
export type PersonRoleTerm = PersonDoc['roles'][number];

/** Steps from each older version of this schema to the next (see migration-steps.ts). */
// v1: pickers search by pinyin initials, which version 0 did not store.
export const peopleMigrations: Migrations = { 1: addInitials('person') };
