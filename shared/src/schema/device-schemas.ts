// The schemas as RxDB receives them on the device. RxDB (and its strict ajv in dev-mode) knows
// nothing of the `pii` mark, so it is taken off the properties and turned into RxDB's own
// top-level `encrypted` list, which the device's field sealing reads. The result is the schema
// RxDB stored before the mark existed, so existing databases open without a migration.

import { COLLECTION_NAMES, type CollectionName } from '#shared/domain/vocab';
import { PII_FIELDS } from './pii';
import { SCHEMAS, type SchemaOf } from './schemas';

export type RxdbSchemaOf<C extends CollectionName> = SchemaOf<C> & { readonly encrypted?: readonly string[] };

function rxdbSchema<C extends CollectionName>(collection: C): RxdbSchemaOf<C> {
  const source = SCHEMAS[collection] as unknown as Record<string, unknown>;
  const properties: Record<string, unknown> = {};
  for (const [field, part] of Object.entries(source['properties'] as Record<string, object>)) {
    const { pii: _mark, ...rest } = part as Record<string, unknown>;
    properties[field] = rest;
  }
  const fields = PII_FIELDS[collection];
  return {
    ...source,
    properties,
    ...(fields.length > 0 ? { encrypted: [...fields] } : {}),
  } as unknown as RxdbSchemaOf<C>;
}

export const RXDB_SCHEMAS: { readonly [C in CollectionName]: RxdbSchemaOf<C> } = Object.fromEntries(
  COLLECTION_NAMES.map((name) => [name, rxdbSchema(name)]),
) as { [C in CollectionName]: RxdbSchemaOf<C> };
