// fast-check arbitraries generated from the contract's zod schemas (through their JSON Schema):
// values that mostly fit the schema — so requests get past validation and into the services — with
// hostile values mixed in at every level: wrong types, numbers past int4 and 2^53, NUL and lone
// surrogates, long strings, deep nesting, unknown keys.
import fc from 'fast-check';
import { z } from 'zod';

type JsonSchema = {
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  type?: string | string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  example?: unknown;
  default?: unknown;
};

/** Real values by property name, so generated requests name things that exist (a variant, a cart …). */
export type Hints = Record<string, readonly unknown[]>;

/** Values no schema accepts, or that once reached the database and failed there. */
export const HOSTILE_PRIMITIVES: readonly unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1.5,
  -0.0001,
  2_147_483_647,
  2_147_483_648,
  -2_147_483_649,
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 63),
  1e308,
  -1e308,
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfff',
  '\udc00\ud800',
  '%00',
  '%E0%A4%A',
  '../../etc/passwd',
  "'; DROP TABLE orders; --",
  '<script>alert(1)</script>',
  'NaN',
  'Infinity',
  '-1',
  '99999999999999999999',
  '2147483648',
  '1e309',
  'true',
  'null',
  '[]',
  '{}',
  '2026-13-45T99:99:99Z',
  'not a date',
  '\u202e\u0301',
  '🛒'.repeat(100),
  'é'.repeat(3000),
  'x'.repeat(100_000),
];

function nested(depth: number): unknown {
  let value: unknown = 'deep';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

/** Any JSON-ish value a hostile client might send in place of the expected one. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HOSTILE_PRIMITIVES) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.integer({ min: 30, max: 60 }).map(nested) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<unknown>([], {}, [null], JSON.parse('{"__proto__":{"polluted":true}}'), {
      constructor: { prototype: { x: 1 } },
    }),
  },
);

/** The input JSON Schema of a zod schema, as the OpenAPI document has it. */
export function inputJsonSchema(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
}

const MAX_GENERATED_STRING = 40;

function stringArb(s: JsonSchema): fc.Arbitrary<string> {
  const min = s.minLength ?? 0;
  const max = Math.min(s.maxLength ?? MAX_GENERATED_STRING, Math.max(min, MAX_GENERATED_STRING));
  if (s.pattern) {
    const re = new RegExp(s.pattern);
    return fc.stringMatching(re).filter((v) => v.length >= min && v.length <= (s.maxLength ?? Infinity));
  }
  return fc.string({ minLength: min, maxLength: max });
}

function numberArb(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : -1_000_000);
  const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : 1_000_000);
  const lo = Math.max(min, Number.MIN_SAFE_INTEGER);
  const hi = Math.min(max, Number.MAX_SAFE_INTEGER);
  // Mostly small values (the common case), sometimes the edges of the range.
  const small = fc.integer({ min: Math.max(lo, -100), max: Math.max(Math.max(lo, -100), Math.min(hi, 100)) });
  const any = integer
    ? fc.integer({ min: Math.max(lo, -2_147_483_648), max: Math.min(hi, 2_147_483_647) })
    : fc.double({ min: lo, max: hi, noNaN: true });
  return fc.oneof(
    { weight: 4, arbitrary: small },
    { weight: 2, arbitrary: any },
    { weight: 1, arbitrary: fc.constantFrom(lo, hi) },
  );
}

/**
 * Values for `schema` (resolved against `defs`): valid-looking most of the time (`hostileWeight` out
 * of 10 are hostile at each node), with `hints` used for properties of a known name.
 */
export function arbitraryFor(
  schema: JsonSchema,
  options: { hints?: Hints; hostileWeight?: number; defs?: Record<string, JsonSchema> } = {},
): fc.Arbitrary<unknown> {
  const hints = options.hints ?? {};
  const defs = { ...(options.defs ?? {}), ...(schema.$defs ?? {}) };
  const hostileWeight = options.hostileWeight ?? 1;

  function resolve(s: JsonSchema): JsonSchema {
    if (!s.$ref) return s;
    const name = s.$ref.replace(/^#\/\$defs\//, '');
    const target = defs[name];
    if (!target) throw new Error(`unresolved $ref ${s.$ref}`);
    return resolve(target);
  }

  function valid(raw: JsonSchema, name: string | undefined, depth: number): fc.Arbitrary<unknown> {
    const s = resolve(raw);
    const hinted = name !== undefined ? hints[name] : undefined;
    const own = plain(s, depth);
    return hinted && hinted.length > 0
      ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...hinted) }, { weight: 1, arbitrary: own })
      : own;
  }

  function plain(s: JsonSchema, depth: number): fc.Arbitrary<unknown> {
    if (s.const !== undefined) return fc.constant(s.const);
    if (s.enum) return fc.constantFrom(...s.enum);
    const alternatives = s.anyOf ?? s.oneOf;
    if (alternatives) return fc.oneof(...alternatives.map((a) => node(a, undefined, depth)));
    if (s.allOf) return node(s.allOf[0]!, undefined, depth);
    const type = Array.isArray(s.type) ? s.type[0] : s.type;
    switch (type) {
      case 'string':
        return stringArb(s);
      case 'integer':
        return numberArb(s, true);
      case 'number':
        return numberArb(s, false);
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      case 'array':
        return fc.array(node(s.items ?? {}, undefined, depth + 1), {
          minLength: s.minItems ?? 0,
          maxLength: Math.min(s.maxItems ?? 4, Math.max(s.minItems ?? 0, 4)),
        });
      case 'object':
        return objectArb(s, depth);
      default:
        return fc.jsonValue({ maxDepth: 2 });
    }
  }

  function objectArb(s: JsonSchema, depth: number): fc.Arbitrary<unknown> {
    const properties = s.properties ?? {};
    const required = new Set(s.required ?? []);
    // An optional field is there one time in four, so a plausible value is mostly a valid one;
    // now and then a required field is left out too.
    const field = (key: string, prop: JsonSchema) => {
      const value = node(prop, key, depth + 1);
      return required.has(key)
        ? fc.oneof({ weight: 19, arbitrary: value }, { weight: 1, arbitrary: fc.constant(undefined) })
        : fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: value });
    };
    const known = fc.record(
      Object.fromEntries(Object.entries(properties).map(([key, prop]) => [key, field(key, prop)])),
    );
    const extra =
      typeof s.additionalProperties === 'object'
        ? fc.dictionary(
            node(
              s.propertyNames ?? { type: 'string', minLength: 1, maxLength: 20 },
              undefined,
              depth + 1,
            ) as fc.Arbitrary<string>,
            node(s.additionalProperties, undefined, depth + 1),
            { maxKeys: 3 },
          )
        : fc.oneof(
            { weight: 9, arbitrary: fc.constant({}) },
            { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 12 }), hostileValue, { maxKeys: 2 }) },
          );
    return fc.tuple(known, extra).map(([a, b]) => {
      const out: Record<string, unknown> = { ...(b as object) };
      for (const [k, v] of Object.entries(a)) if (v !== undefined) out[k] = v;
      return out;
    });
  }

  function node(s: JsonSchema, name: string | undefined, depth: number): fc.Arbitrary<unknown> {
    if (depth > 8) return fc.constant(null);
    return fc.oneof(
      { weight: 10 - hostileWeight, arbitrary: valid(s, name, depth) },
      { weight: hostileWeight, arbitrary: hostileValue },
    );
  }

  return valid(schema, undefined, 0);
}

/** The value with the `n`th node (counting the root, depth first, modulo their number) replaced by `replacement`. */
function replaceNth(value: unknown, n: number, replacement: unknown): unknown {
  const nodes: { parent: Record<string, unknown> | unknown[] | null; key: string | number }[] = [
    { parent: null, key: '' },
  ];
  const walk = (v: unknown) => {
    if (v === null || typeof v !== 'object') return;
    for (const [k, child] of Object.entries(v)) {
      nodes.push({ parent: v as Record<string, unknown>, key: Array.isArray(v) ? Number(k) : k });
      walk(child);
    }
  };
  const copy: unknown = structuredClone(value);
  walk(copy);
  const target = nodes[n % nodes.length]!;
  if (target.parent === null) return replacement;
  (target.parent as Record<string | number, unknown>)[target.key] = replacement;
  return copy;
}

/** Values of `valid` with exactly one value in them (or the whole) made hostile: one bad field among good ones. */
export function withOneHostile(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.tuple(valid, fc.nat(), hostileValue).map(([value, n, bad]) => replaceNth(value, n, bad));
}

/** A schema's values in three moods: plausible, plausible with one hostile field, and hostile throughout. */
export function fuzzValues(schema: JsonSchema, hints: Hints): fc.Arbitrary<unknown> {
  const plausible = arbitraryFor(schema, { hints, hostileWeight: 0 });
  return fc.oneof(
    { weight: 3, arbitrary: plausible },
    { weight: 4, arbitrary: withOneHostile(plausible) },
    { weight: 2, arbitrary: arbitraryFor(schema, { hints, hostileWeight: 2 }) },
  );
}
