// The row policy of the running hub: the shared JSON Schemas (ajv) and the shared permission rules.

import type { CollectionName } from '#shared/domain/vocab';
import type { Doc } from '#shared/protocol/v1';
import { compileSchemas } from './schema-validator';
import type { DeviceActor, RowPolicy } from './rules';

export function createRowPolicy(): RowPolicy {
  const check = compileSchemas();
  return {
    validate: (collection, fields) => check(collection, fields),
    authorize: (actor: DeviceActor, _collection: CollectionName, _master: Doc | null, _next: Doc) =>
      actor.role !== 'viewer',
  };
}
