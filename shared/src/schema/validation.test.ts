import { describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import { COLLECTION_NAMES } from '#shared/domain/vocab';
import { RXDB_ONLY_KEYS, SCHEMAS, jsonSchemaForValidation, type PlaceDoc } from '#shared/schema/index';

const street: PlaceDoc = {
  id: 'place-00001',
  scope: 'xg',
  createdAt: '2026-01-05T08:00:00.000Z',
  createdBy: 'device-1',
  updatedAt: '2026-01-05T08:00:00.000Z',
  updatedBy: 'device-1',
  kind: 'street',
  name: '小关街道',
  parentId: null,
  code: 'xg',
  initials: 'xgjd',
  order: 0,
};

describe('jsonSchemaForValidation', () => {
  it('strips RxDB-only keys, allows _deleted and leaves the RxDB schema untouched', () => {
    for (const name of COLLECTION_NAMES) {
      const before = JSON.stringify(SCHEMAS[name]);
      const plain = jsonSchemaForValidation(name);
      for (const key of RXDB_ONLY_KEYS) expect(plain).not.toHaveProperty(key);
      expect((plain.properties as Record<string, unknown>)._deleted).toEqual({ type: 'boolean' });
      (plain.properties as Record<string, unknown>).id = 'mutated';
      expect(JSON.stringify(SCHEMAS[name])).toBe(before);
    }
  });

  it('compiles with ajv in strict mode for every collection', () => {
    const ajv = new Ajv({ strict: true, allowUnionTypes: true });
    for (const name of COLLECTION_NAMES) {
      expect(() => ajv.compile(jsonSchemaForValidation(name)), name).not.toThrow();
    }
  });

  it('accepts a contract document and refuses broken ones', () => {
    const validate = new Ajv({ strict: false }).compile(jsonSchemaForValidation('places'));
    expect(validate(street)).toBe(true);
    expect(validate({ ...street, _deleted: true })).toBe(true);
    expect(validate({ ...street, kind: 'planet' })).toBe(false);
    expect(validate({ ...street, scope: 'XG..a' })).toBe(false);
    expect(validate({ ...street, createdAt: '2026-01-05' })).toBe(false);
    expect(validate({ ...street, surprise: 1 })).toBe(false);
    const { initials: _dropped, ...withoutInitials } = street;
    expect(validate(withoutInitials)).toBe(false);
  });
});
