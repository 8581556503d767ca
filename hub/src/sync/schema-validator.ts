import Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import { COLLECTION_NAMES } from '#shared/domain/vocab';
import type { CollectionName } from '#shared/domain/vocab';
import { jsonSchemaForValidation } from '#shared/schema/index';

export type SchemaCheck = (collection: CollectionName, fields: Record<string, unknown>) => string | null;

/**
 * Compiles the shared JSON Schema of every collection once, at start-up, so a push validates
 * with exactly the rules the clients' RxDB uses.
 */
export function compileSchemas(): SchemaCheck {
  // strict: false because the shared schemas may carry descriptive keywords ajv does not know.
  const ajv = new Ajv({ strict: false, allErrors: false });
  const validators = new Map<CollectionName, ValidateFunction>(
    COLLECTION_NAMES.map((c) => [c, ajv.compile(jsonSchemaForValidation(c))]),
  );
  return (collection, fields) => {
    const validate = validators.get(collection);
    if (!validate) return `unknown collection ${collection}`;
    if (validate(fields)) return null;
    const first = validate.errors?.[0];
    return first ? `${first.instancePath || '/'} ${first.message ?? ''}`.trim() : 'invalid';
  };
}
