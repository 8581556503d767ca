// Building blocks shared by every collection schema: the base fields every document carries, the
// conflict record of mutable documents, and property helpers that satisfy RxDB's index rules
// (strings used in an index need `maxLength`, numbers need `minimum`/`maximum`/`multipleOf`).

import { SCOPE_MAX_LENGTH, SCOPE_PATTERN } from '#shared/domain/places/scope';

export const ID_MAX = 64;
export const NAME_MAX = 64;
export const TITLE_MAX = 200;
export const TEXT_MAX = 4000;
export const LONG_TEXT_MAX = 100_000;

/** ISO 8601 UTC with milliseconds, the only time format stored. */
export const ISO_TIME_PATTERN = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$';
/** Lowercase pinyin initials (plus digits and Latin letters kept from the name). */
export const INITIALS_PATTERN = '^[a-z0-9]*$';

export const idProp = { type: 'string', maxLength: ID_MAX } as const;
export const scopeProp = { type: 'string', maxLength: SCOPE_MAX_LENGTH, pattern: SCOPE_PATTERN } as const;
export const timeProp = { type: 'string', maxLength: 24, pattern: ISO_TIME_PATTERN } as const;
export const nameProp = { type: 'string', maxLength: NAME_MAX } as const;
export const initialsProp = { type: 'string', maxLength: NAME_MAX, pattern: INITIALS_PATTERN } as const;
export const titleProp = { type: 'string', maxLength: TITLE_MAX } as const;
export const textProp = { type: 'string', maxLength: TEXT_MAX } as const;
export const longTextProp = { type: 'string', maxLength: LONG_TEXT_MAX } as const;
export const countProp = { type: 'integer', minimum: 0, maximum: 1_000_000_000, multipleOf: 1 } as const;
export const idListProp = { type: 'array', items: idProp, maxItems: 10_000 } as const;

/**
 * Marks a property as residents' personal information (PIPL): sealed at rest on devices and on the
 * hub, withheld by the hub from roles without `pii.read`, masked in exports. Only top-level
 * properties may carry the mark; `PII_FIELDS` (./pii) is the one list derived from it.
 */
export function pii<const P extends object>(prop: P): P & { readonly pii: true } {
  return { ...prop, pii: true } as const;
}

/** A closed vocabulary as an indexable string property. */
export function enumProp<const T extends readonly string[]>(values: T) {
  return {
    type: 'string',
    enum: values,
    maxLength: values.reduce((max, value) => Math.max(max, value.length), 1),
  } as const;
}

/** Fields every document carries (docs/data-model.md). */
export const BASE_PROPERTIES = {
  id: idProp,
  scope: scopeProp,
  createdAt: timeProp,
  createdBy: idProp,
  updatedAt: timeProp,
  updatedBy: idProp,
} as const;

export const BASE_REQUIRED = ['id', 'scope', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy'] as const;

/**
 * Both values of a field changed on two devices: kept until a person chooses (never "server wins").
 * The values are any JSON; they are absent when that side deleted the field.
 */
export const conflictsProp = {
  type: 'array',
  maxItems: 1000,
  items: {
    type: 'object',
    properties: {
      field: { type: 'string', maxLength: 200 },
      localValue: {},
      remoteValue: {},
      remoteUpdatedBy: idProp,
      remoteUpdatedAt: timeProp,
      detectedAt: timeProp,
    },
    required: ['field', 'remoteUpdatedBy', 'remoteUpdatedAt', 'detectedAt'],
    additionalProperties: false,
  },
} as const;
