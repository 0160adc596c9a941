// Hostile values for the OpenAPI fuzz test, and a plausible base body built from a request schema
// (the fuzz mutates one field of it, so most requests get past the fields that are fine and reach
// the one that is not).
import fc from 'fast-check';

export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  nullable?: boolean;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  minimum?: number;
  minLength?: number;
  additionalProperties?: boolean | Schema;
}

export type Components = Record<string, Schema>;

const forge = (values: unknown) => Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
const nested = (depth: number): unknown => {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i += 1) value = { a: value };
  return value;
};

/** Cursors shaped like the ones the API returns, with values PostgreSQL's casts refuse. */
export const FORGED_CURSORS = [
  forge(['newest', '2026-99-99 00:00:00+00', '00000000-0000-4000-8000-000000000000', null, null, null]),
  forge(['most_supported', '1e400', '00000000-0000-4000-8000-000000000000', null, null, null]),
  forge(['qualify', '2026-02-30 10:00:00+00', 'not-a-uuid']),
  forge(['a\u0000', 'b', '00000000-0000-4000-8000-000000000000']),
  forge(['1', '99999999999999999999']),
  forge(['2026-13-01T00:00:00.000Z', '00000000-0000-4000-8000-000000000000']),
  forge([]),
  forge({ __proto__: null }),
  'not base64 at all!',
];

/** Text no field should ever store or choke on. */
const HOSTILE_STRINGS = [
  '\u0000',
  'before\u0000after',
  '\ud800',
  'x\udc00y',
  '',
  ' ',
  'A'.repeat(5000),
  'NaN',
  'Infinity',
  '-1',
  '1e18',
  '1e400',
  '-0',
  '0x1F',
  '00000000-0000-0000-0000-000000000000',
  '00000000-0000-4000-8000-00000000000g',
  'not-a-uuid',
  '2026-99-99',
  '2026-02-30T25:61:61Z',
  '0000-00-00T00:00:00Z',
  '+275760-09-13T00:00:00.001Z',
  "' OR 1=1 --",
  '../../../etc/passwd',
  '<script>alert(1)</script>',
  '{{constructor.constructor("return 1")()}}',
  '%00',
  '\u202e\u0301\ufeff',
  ...FORGED_CURSORS,
];

/** Any JSON value a client can send in place of a field. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  {
    weight: 3,
    arbitrary: fc.constantFrom<unknown>(
      null,
      true,
      0,
      -1,
      1.5,
      1e18,
      -1e18,
      Number.MAX_SAFE_INTEGER + 2,
      [],
      [null],
      [[]],
      {},
      { a: 1 },
      ['x'.repeat(300)],
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom<unknown>(
      'x'.repeat(1_048_576), // 1 MB: over the body limit, a 413 problem+json
      nested(40),
      JSON.parse('{"__proto__":{"polluted":true}}'),
      JSON.parse('{"constructor":{"prototype":{"polluted":true}}}'),
    ),
  },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

/** Query values are text; the same hostile texts plus repeats (`?a=1&a=2`, an array to Express). */
export const hostileQueryValue: fc.Arbitrary<string | string[]> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom<string[]>(['1', '2'], ['', '\u0000']) },
  { weight: 1, arbitrary: fc.constantFrom('9'.repeat(400), 'A'.repeat(4000)) },
);

/** Path segments where an id goes (already URL-encoded; `%ED%A0%80` is a lone surrogate in UTF-8). */
export const hostilePathSegment = fc.constantFrom('%00', 'not-a-uuid', '%ED%A0%80', '9'.repeat(40), '..%2F..', '%F0%28%8C%28', '00000000-0000-0000-0000-000000000000');

export function resolve(schema: Schema | undefined, components: Components, depth = 0): Schema {
  if (!schema || depth > 8) return {};
  if (schema.$ref) return resolve(components[schema.$ref.split('/').pop()!], components, depth + 1);
  if (schema.allOf?.length === 1) return { ...resolve(schema.allOf[0], components, depth + 1), ...schema, allOf: undefined };
  return schema;
}

/** A value of the schema that a client who read the contract would send (valid when the data allows). */
export function plausible(schema: Schema | undefined, components: Components, ids: { uuid: string }, depth = 0): unknown {
  const s = resolve(schema, components);
  if (depth > 6) return null;
  if (s.enum?.length) return s.enum.find((v) => v !== null) ?? null;
  const variant = s.oneOf?.[0] ?? s.anyOf?.[0];
  if (variant) return plausible(variant, components, ids, depth + 1);
  switch (s.type) {
    case 'string':
      if (s.format === 'uuid') return ids.uuid;
      if (s.format === 'date-time') return new Date(Date.now() + 86_400_000).toISOString();
      if (s.format === 'date') return new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
      if (s.format === 'email') return 'fuzz@example.org';
      if (s.format === 'uri') return 'https://example.org/hook';
      return 'Fuzz value';
    case 'integer':
    case 'number':
      return s.minimum ?? 1;
    case 'boolean':
      return true;
    case 'array':
      return [plausible(s.items, components, ids, depth + 1)];
    default: {
      if (!s.properties) return {};
      return Object.fromEntries(
        Object.entries(s.properties).map(([k, v]) => [k, plausible(v, components, ids, depth + 1)]),
      );
    }
  }
}

/** Dotted paths of every property of a plausible body, objects and arrays included (`phases.0.name`). */
export function fieldPaths(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return prefix ? [prefix] : [];
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  const own = prefix ? [prefix] : [];
  return [...own, ...entries.flatMap(([k, v]) => fieldPaths(v, prefix ? `${prefix}.${k}` : k))];
}

/** A copy of `body` with the value at `path` replaced (paths from fieldPaths). */
export function withValueAt(body: unknown, path: string, value: unknown): unknown {
  const copy = structuredClone(body) as Record<string, unknown>;
  const keys = path.split('.');
  let node: Record<string, unknown> = copy;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[keys[keys.length - 1]!] = value;
  return copy;
}

/** The schema's required properties only, plausible (a body that reaches the handler more often). */
export function plausibleRequired(schema: Schema | undefined, components: Components, ids: { uuid: string }): Record<string, unknown> | undefined {
  const s = resolve(schema, components);
  if (!s.properties) return undefined;
  const required = new Set(s.required ?? []);
  return Object.fromEntries(
    Object.entries(s.properties)
      .filter(([k]) => required.has(k))
      .map(([k, v]) => [k, plausible(v, components, ids)]),
  );
}
