import { PHOTO_TYPES } from '#shared/domain/vocab';
import { enumProp } from './base';

/** The largest photo attachment a device stores or the hub accepts: 10 MiB. */
export const PHOTO_MAX_BYTES = 10 * 1024 * 1024;
export const PHOTO_MAX_COUNT = 50;
export const PHOTO_ID_MAX = 100;
export const PHOTO_DIGEST_MAX = 100;

/**
 * The replicated list of a document's photo attachments. Protocol v1 does not carry
 * `_attachments`, so this list is what tells other devices (and the hub) which bytes exist:
 * `digest` is the lowercase hex sha256 of the bytes, the same value RxDB computes.
 */
export const photosProp = {
  type: 'array',
  maxItems: PHOTO_MAX_COUNT,
  items: {
    type: 'object',
    properties: {
      id: { type: 'string', maxLength: PHOTO_ID_MAX },
      digest: { type: 'string', maxLength: PHOTO_DIGEST_MAX },
      type: enumProp(PHOTO_TYPES),
      length: { type: 'integer', minimum: 0, maximum: PHOTO_MAX_BYTES, multipleOf: 1 },
    },
    required: ['id', 'digest', 'type', 'length'],
    additionalProperties: false,
  },
} as const;
