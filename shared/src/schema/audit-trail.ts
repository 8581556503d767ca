import { COLLECTION_NAMES } from '#shared/domain/vocab';
import { BASE_PROPERTIES, BASE_REQUIRED, enumProp, idProp, textProp, timeProp } from './base';
import type { FromSchema } from './from-schema';
import { type Migrations } from './migration-steps';

/**
 * Append-only: who did what, when, on which device (PIPL accountability, exports included).
 * The contract's `collection` field is named `targetCollection` because RxDB reserves
 * `collection` as a document property (schema error SC17).
 */
export const auditTrailSchema = {
  title: 'auditTrail',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    ...BASE_PROPERTIES,
    at: timeProp,
    actor: idProp,
    device: idProp,
    action: { type: 'string', maxLength: 64 },
    targetCollection: enumProp(COLLECTION_NAMES),
    targetId: idProp,
    detail: textProp,
  },
  required: [...BASE_REQUIRED, 'at', 'actor', 'device', 'action'],
  indexes: ['scope', 'at', ['actor', 'at']],
  additionalProperties: false,
} as const;

export type AuditEntryDoc = FromSchema<typeof auditTrailSchema>;

/** Steps from each older version of this schema to the next (see migration-steps.ts). */
export const auditTrailMigrations: Migrations = {};
