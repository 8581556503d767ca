import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Ajv } from 'ajv';
import { COLLECTION_NAMES, type CollectionName } from '#shared/domain/vocab';
import { MIGRATIONS, SCHEMAS, jsonSchemaForValidation, migrateDoc } from '#shared/schema/index';

type Json = Record<string, unknown>;
type Part = Json & { type?: string | readonly string[] };

/** Arbitrary documents valid against (the subset of JSON Schema used by) a collection schema. */
function arbitraryOf(part: Part): fc.Arbitrary<unknown> {
  if (Array.isArray(part.enum)) return fc.constantFrom(...(part.enum as unknown[]));
  if (Array.isArray(part.type)) {
    const types = part.type as string[];
    return fc.oneof(...types.map((type) => arbitraryOf({ ...part, type })));
  }
  const maxLength = typeof part.maxLength === 'number' ? part.maxLength : 50;
  switch (part.type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.integer({ min: (part.minimum as number) ?? -1e6, max: (part.maximum as number) ?? 1e6 });
    case 'number':
      return fc.double({
        min: (part.minimum as number) ?? -1e6,
        max: (part.maximum as number) ?? 1e6,
        noNaN: true,
      });
    case 'string':
      return typeof part.pattern === 'string'
        ? fc.stringMatching(new RegExp(part.pattern)).filter((s) => [...s].length <= maxLength)
        : fc.string({ unit: 'binary', maxLength: Math.min(maxLength, 80) });
    case 'array':
      return fc.array(arbitraryOf(part.items as Part), {
        maxLength: Math.min((part.maxItems as number) ?? 4, 4),
      });
    case 'object': {
      const properties = part.properties as Record<string, Part> | undefined;
      if (!properties)
        return fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 });
      const requiredKeys = (part.required as string[] | undefined) ?? [];
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, inner] of Object.entries(properties)) record[key] = arbitraryOf(inner);
      return fc.record(record, { requiredKeys });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/**
 * The shape at an older version. Every step so far only ADDS the `initials` field, so the
 * previous shape is the current one without it; a step that changes more must bring its own.
 */
function previousShape(collection: CollectionName): Json {
  const current = jsonSchemaForValidation(collection);
  const properties = { ...(current.properties as Json) };
  delete properties.initials;
  delete properties._deleted;
  return { ...current, properties, required: (current.required as string[]).filter((k) => k !== 'initials') };
}

const ajv = new Ajv({ strict: false });

describe('migrations', () => {
  const migrated = COLLECTION_NAMES.filter((name) => SCHEMAS[name].version > 0);

  it('exist for places and people (v0 lacked pinyin initials)', () => {
    expect(migrated).toEqual(expect.arrayContaining(['places', 'people']));
  });

  for (const collection of migrated) {
    it(`${collection}: every valid v0 document becomes a valid current document`, () => {
      const validCurrent = ajv.compile(jsonSchemaForValidation(collection));
      const validOld = ajv.compile(previousShape(collection));
      fc.assert(
        fc.property(arbitraryOf(previousShape(collection) as Part), (doc) => {
          const old = doc as Json;
          expect(validOld(old)).toBe(true);
          const before = structuredClone(old);
          const next = migrateDoc(collection, old, 0, SCHEMAS[collection].version);
          expect(old).toEqual(before); // pure: the input is untouched
          if (!validCurrent(next)) throw new Error(JSON.stringify(validCurrent.errors));
          const { initials: _added, ...rest } = next;
          expect(rest).toEqual(old);
        }),
        { numRuns: 150 },
      );
    });
  }

  it('derive initials from the name with pinyin (surname readings for people)', () => {
    const place = MIGRATIONS.places[1]?.({ name: '惠新南里5号院' });
    const person = MIGRATIONS.people[1]?.({ name: '曾小贤' });
    expect(place?.initials).toBe('hxnl5hy');
    expect(person?.initials).toBe('zxx');
  });

  it('refuse a version step that does not exist', () => {
    expect(() => migrateDoc('demands', {}, 0, 3)).toThrow(/demands/);
  });
});
