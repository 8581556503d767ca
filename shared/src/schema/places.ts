import { PLACE_KINDS } from '#shared/domain/vocab';
import {
  BASE_PROPERTIES,
  BASE_REQUIRED,
  conflictsProp,
  enumProp,
  initialsProp,
  nameProp,
  textProp,
} from './base';
import type { FromSchema } from './from-schema';
import { addInitials, type Migrations } from './migration-steps';

/** The 街道→社区→院→楼→门(→层) tree and the venues hanging under it; `scope` is the node's own path. */
export const placesSchema = {
  title: 'places',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...BASE_PROPERTIES,
    kind: enumProp(PLACE_KINDS),
    name: nameProp,
    // Only the root street has no parent.
    parentId: { type: ['string', 'null'], maxLength: 64 },
    // The last segment of `scope`.
    code: { type: 'string', maxLength: 32, pattern: '^[a-z0-9]+$' },
    initials: initialsProp,
    order: { type: 'integer', minimum: 0, maximum: 100_000, multipleOf: 1 },
    venueType: { type: 'string', maxLength: 32 },
    address: textProp,
    conflicts: conflictsProp,
  },
  required: [...BASE_REQUIRED, 'kind', 'name', 'parentId', 'code', 'initials', 'order'],
  indexes: ['scope', ['kind', 'scope']],
  additionalProperties: false,
} as const;

export type PlaceDoc = FromSchema<typeof placesSchema>;

/** Steps from each older version of this schema to the next (see migration-steps.ts). */
// v1: pickers search by pinyin initials, which version 0 did not store.
export const placesMigrations: Migrations = { 1: addInitials('plain') };
