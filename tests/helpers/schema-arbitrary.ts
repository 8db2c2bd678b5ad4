import fc from 'fast-check';
import { z } from 'zod';

/**
 * Valid inputs for any route, derived from its zod schema: the schema is turned into JSON Schema
 * (z.toJSONSchema, input side) and a fast-check arbitrary is built from that; every sample is then
 * checked with the zod schema itself, so refinements the JSON Schema cannot express still hold.
 */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
}

export function isZodSchema(value: unknown): value is z.ZodType {
  return value instanceof z.ZodType;
}

export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

/** Values people type, tried first when a string has a pattern (a date, a year, a code). */
const REALISTIC_STRINGS = [
  '2023-03-01',
  '2023-03-01T02:00:00Z',
  '2023-03-01T10:00:00+08:00',
  '2023',
  '654000',
  '伊州政办发〔2023〕8号',
  'office@example.cn',
  '13800000000',
  'a',
];

const TEXT_UNITS = fc.constantFrom(...'伊犁哈萨克自治州人民政府办公厅体育奖励民生实事abcXYZ0123'.split(''));

function typesOf(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  if (schema.type) return [schema.type];
  return [];
}

function stringArbitrary(schema: JsonSchema): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 1;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 24, minLength + 24));
  const lengthOk = (s: string) => s.length >= (schema.minLength ?? 0) && s.length <= (schema.maxLength ?? Infinity);
  switch (schema.format) {
    case 'uuid':
      return fc.uuid({ version: 4 });
    case 'date-time':
      return fc
        .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
        .map((d) => d.toISOString());
    case 'date':
      return fc
        .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
    case 'email':
      return fc.constantFrom('office@example.cn', 'a.b@example.com');
    default:
      break;
  }
  if (schema.pattern) {
    const regex = new RegExp(schema.pattern, 'u');
    const realistic = REALISTIC_STRINGS.filter((s) => regex.test(s) && lengthOk(s));
    const generated = fc.stringMatching(regex, { size: 'small' }).filter(lengthOk);
    return realistic.length ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...realistic) }, { weight: 1, arbitrary: generated }) : generated;
  }
  return fc.string({ unit: TEXT_UNITS, minLength, maxLength });
}

function numberArbitrary(schema: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  let min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 0);
  let max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : min + 10_000);
  min = Math.max(min, -(2 ** 31));
  max = Math.min(max, min + 1_000_000, 2 ** 31);
  if (integer) return fc.integer({ min: Math.ceil(min), max: Math.floor(Math.max(min, max)) });
  return fc.oneof(fc.integer({ min: Math.ceil(min), max: Math.floor(Math.max(min, max)) }), fc.double({ min, max, noNaN: true, noDefaultInfinity: true }));
}

/** A fast-check arbitrary for (mostly) valid values of a JSON Schema. */
export function arbitraryOf(schema: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (depth > 6) return fc.constant(null);
  if ('const' in schema) return fc.constant(schema.const);
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) {
    // Prefer the non-null alternative: a value exercises more of the route than a null does.
    return fc.oneof(
      ...alternatives.map((alt) => ({ weight: typesOf(alt).includes('null') ? 1 : 3, arbitrary: arbitraryOf(alt, depth + 1) })),
    );
  }
  if (schema.allOf?.length) return arbitraryOf(schema.allOf[0], depth + 1);
  const types = typesOf(schema);
  if (types.length > 1) return fc.oneof(...types.map((type) => arbitraryOf({ ...schema, type }, depth + 1)));
  switch (types[0]) {
    case 'string':
      return stringArbitrary(schema);
    case 'integer':
      return numberArbitrary(schema, true);
    case 'number':
      return numberArbitrary(schema, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const item = schema.items ? arbitraryOf(schema.items, depth + 1) : fc.string();
      const minLength = schema.minItems ?? 0;
      if (schema.prefixItems?.length) return fc.tuple(...schema.prefixItems.map((p) => arbitraryOf(p, depth + 1)));
      return fc.array(item, { minLength, maxLength: Math.min(schema.maxItems ?? minLength + 3, minLength + 3) });
    }
    case 'object':
      return objectArbitrary(schema, depth);
    default:
      return fc.constantFrom<unknown>('x', 1, true, null);
  }
}

function objectArbitrary(schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const keys = Object.keys(properties);
  if (keys.length === 0 && schema.additionalProperties && typeof schema.additionalProperties === 'object') {
    const key = schema.propertyNames?.pattern ? fc.stringMatching(new RegExp(schema.propertyNames.pattern, 'u')) : fc.string({ unit: TEXT_UNITS, minLength: 1, maxLength: 8 });
    return fc.dictionary(key, arbitraryOf(schema.additionalProperties, depth + 1), { maxKeys: 3 });
  }
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const key of keys) model[key] = arbitraryOf(properties[key], depth + 1);
  return fc.record(model, { requiredKeys: (schema.required ?? []).filter((k) => keys.includes(k)) });
}

/**
 * Up to `count` values the zod schema accepts, reproducible from `seed`. `prepare` turns a sample
 * into what the route really receives (params and querystrings arrive as strings).
 */
export function validSamples(
  schema: z.ZodType,
  count: number,
  seed: number,
  prepare: (value: unknown) => unknown = (v) => v,
): unknown[] {
  const arbitrary = arbitraryOf(jsonSchemaOf(schema));
  const found: unknown[] = [];
  for (const raw of fc.sample(arbitrary, { numRuns: Math.max(count * 20, 40), seed })) {
    const value = prepare(raw);
    if (schema.safeParse(value).success) found.push(value);
    if (found.length >= count) break;
  }
  return found;
}

/** Params and querystrings reach the route as strings (repeated query keys as arrays of strings). */
export function asStrings(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const out: Record<string, string | string[]> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined) continue;
    if (Array.isArray(v)) out[key] = v.map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x)));
    else out[key] = typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
  }
  return out;
}
