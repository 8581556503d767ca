import { ORGANIZATION_KINDS } from '#shared/domain/vocab';
import {
  BASE_PROPERTIES,
  BASE_REQUIRED,
  conflictsProp,
  enumProp,
  initialsProp,
  nameProp,
  scopeProp,
  titleProp,
} from './base';
import type { FromSchema } from './from-schema';
import { type Migrations } from './migration-steps';

/** 物业, 产权单位, social organisations, 街道科室 …; `serves` lists the scopes they work for. */
export const organizationsSchema = {
  title: 'organizations',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...BASE_PROPERTIES,
    kind: enumProp(ORGANIZATION_KINDS),
    name: titleProp,
    initials: { ...initialsProp, maxLength: 200 },
    contacts: {
      type: 'array',
      maxItems: 50,
      items: {
        type: 'object',
        properties: {
          name: nameProp,
          title: nameProp,
          // A work contact published for residents, so it stays plain (unlike people's phones).
          phone: { type: 'string', maxLength: 32 },
        },
        required: ['name', 'title', 'phone'],
        additionalProperties: false,
      },
    },
    serves: { type: 'array', maxItems: 1000, items: scopeProp },
    conflicts: conflictsProp,
  },
  required: [...BASE_REQUIRED, 'kind', 'name', 'initials', 'contacts', 'serves'],
  indexes: ['scope', ['kind', 'scope']],
  additionalProperties: false,
} as const;

export type OrganizationDoc = FromSchema<typeof organizationsSchema>;

/** Steps from each older version of this schema to the next (see migration-steps.ts). */
export const organizationsMigrations: Migrations = {};
