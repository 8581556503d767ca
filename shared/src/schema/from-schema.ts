// Derives a document's TypeScript type from its JSON Schema literal (declared `as const`), so a
// field is described once and the type can never drift from what RxDB and the hub validate.
// Covers the subset the collection schemas use: object (properties/required), string, number,
// integer, boolean, null, array (items), enum and nullable type lists; a schema without a type
// (e.g. the values kept in a conflict) is any JSON value.

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

type Simplify<T> = { [K in keyof T]: T[K] } & {};

type RequiredKeys<S> = S extends { required: readonly (infer K)[] } ? K : never;

type FromObject<S> = S extends { properties: infer P }
  ? Simplify<
      { -readonly [K in keyof P as K extends RequiredKeys<S> ? K : never]: FromSchema<P[K]> } & {
        -readonly [K in keyof P as K extends RequiredKeys<S> ? never : K]?: FromSchema<P[K]>;
      }
    >
  : { [key: string]: JsonValue };

type FromArray<S> = S extends { items: infer I } ? FromSchema<I>[] : JsonValue[];

type FromTypeName<T, S> = T extends 'string'
  ? string
  : T extends 'number' | 'integer'
    ? number
    : T extends 'boolean'
      ? boolean
      : T extends 'null'
        ? null
        : T extends 'array'
          ? FromArray<S>
          : T extends 'object'
            ? FromObject<S>
            : never;

export type FromSchema<S> = S extends { enum: readonly (infer E)[] }
  ? E
  : S extends { type: readonly (infer T)[] }
    ? FromTypeName<T, S>
    : S extends { type: infer T }
      ? FromTypeName<T, S>
      : JsonValue;
