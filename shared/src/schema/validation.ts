import type { CollectionName } from '#shared/domain/vocab';
import { SCHEMAS } from './schemas';

/** Keywords only RxDB understands; a plain JSON Schema validator must not see them. */
export const RXDB_ONLY_KEYS = [
  'primaryKey',
  'version',
  'indexes',
  'internalIndexes',
  'encrypted',
  'keyCompression',
  'attachments',
  'sharding',
  'crdt',
] as const;

export type ValidationSchema = Record<string, unknown>;

/**
 * The collection's schema as plain JSON Schema for a validator such as ajv (the hub validates
 * pushed rows with it). RxDB's own keys and the properties' `pii` marks are removed, and `_deleted` is allowed because
 * replicated rows carry it. Returns a fresh object: the caller may hand it to a compiler that
 * annotates schemas in place.
 */
export function jsonSchemaForValidation(collection: CollectionName): ValidationSchema {
  const source: Record<string, unknown> = SCHEMAS[collection];
  const out: ValidationSchema = {};
  for (const [key, value] of Object.entries(source)) {
    if ((RXDB_ONLY_KEYS as readonly string[]).includes(key)) continue;
    out[key] = structuredCopy(value);
  }
  // The `pii` mark is no JSON Schema keyword: a strict validator would refuse it.
  const properties: Record<string, unknown> = {};
  for (const [field, part] of Object.entries(out.properties as Record<string, Record<string, unknown>>)) {
    const { pii: _mark, ...rest } = part;
    properties[field] = rest;
  }
  out.properties = { ...properties, _deleted: { type: 'boolean' } };
  return out;
}

function structuredCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(structuredCopy);
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) copy[key] = structuredCopy(inner);
    return copy;
  }
  return value;
}
