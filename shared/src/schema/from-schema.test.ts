import { describe, expectTypeOf, it, expect } from 'vitest';
import type { FromSchema, JsonValue } from './from-schema';
import type { DemandDoc, PlaceDoc, PersonDoc, MeetingRecordDoc, TopicDoc } from '#shared/schema/index';
import type { DemandState, PersonRole } from '#shared/domain/vocab';

const sample = {
  type: 'object',
  properties: {
    s: { type: 'string' },
    n: { type: 'number' },
    i: { type: 'integer' },
    b: { type: 'boolean' },
    e: { type: 'string', enum: ['a', 'b'] },
    nullable: { type: ['string', 'null'] },
    list: {
      type: 'array',
      items: { type: 'object', properties: { x: { type: 'integer' } }, required: ['x'] },
    },
    open: { type: 'object' },
    anything: {},
  },
  required: ['s', 'e', 'nullable', 'list'],
} as const;

describe('FromSchema', () => {
  it('derives required, optional, enum, nullable, array and open types', () => {
    type T = FromSchema<typeof sample>;
    expectTypeOf<T>().toEqualTypeOf<{
      s: string;
      e: 'a' | 'b';
      nullable: string | null;
      list: { x: number }[];
      n?: number;
      i?: number;
      b?: boolean;
      open?: { [key: string]: JsonValue };
      anything?: JsonValue;
    }>();
    const value: T = { s: 'x', e: 'a', nullable: null, list: [{ x: 1 }] };
    expect(value.list[0]?.x).toBe(1);
    expect(Object.keys(sample.properties)).toHaveLength(9);
  });

  it('gives the collection documents their contract types', () => {
    expectTypeOf<PlaceDoc['parentId']>().toEqualTypeOf<string | null>();
    expectTypeOf<PlaceDoc['venueType']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<DemandDoc['status']>().toEqualTypeOf<DemandState>();
    expectTypeOf<DemandDoc['reopenedCount']>().toEqualTypeOf<number>();
    expectTypeOf<PersonDoc['roles'][number]['role']>().toEqualTypeOf<PersonRole>();
    expectTypeOf<PersonDoc['roles'][number]['ceasedAt']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<TopicDoc['escalations'][number]['fromLevel']>().toEqualTypeOf<
      'courtyard' | 'community' | 'street'
    >();
    expectTypeOf<MeetingRecordDoc['result']>().toEqualTypeOf<{ [key: string]: JsonValue } | undefined>();
    expectTypeOf<DemandDoc>().toHaveProperty('id').toEqualTypeOf<string>();
  });
});
