import { ValidateBy, buildMessage, type ValidationOptions } from 'class-validator';
import { ValidationFailed } from '@eclore/domain';
import { hostileStringProblem } from '../errors/hostile-input';

/**
 * The one keyset-cursor codec. A cursor is the sort key of the last row of a page, as a JSON array in
 * base64url: opaque to clients, but a client can forge one. Every field is therefore declared with a
 * kind whose check guarantees that PostgreSQL's cast of it succeeds (a real calendar date, an int4
 * within range, a uuid…), so a forged or stale cursor is a 400 naming the parameter, never a 22xxx
 * error (500) from the query.
 */
export interface CursorField<T> {
  /** A short name of the kind, for messages and tests. */
  readonly kind: string;
  check(value: unknown): value is T;
}

type FieldValue<F> = F extends CursorField<infer T> ? T : never;
export type CursorValues<S extends Record<string, CursorField<unknown>>> = { [K in keyof S]: FieldValue<S[K]> };

/** Cursors longer than this were not made by us. */
export const MAX_CURSOR_LENGTH = 2048;

/** The outside of a cursor we made: base64url, bounded. Its fields are checked when decoded. */
const looksLikeCursor = (raw: unknown): raw is string =>
  typeof raw === 'string' && raw.length <= MAX_CURSOR_LENGTH && /^[A-Za-z0-9_-]*$/.test(raw);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** timestamptz as PostgreSQL prints it (`::text`): `2026-03-01 09:15:00.123456+00` (offset may have minutes). */
const PG_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?([+-])(\d{2})(?::(\d{2}))?$/;
/** `Date.prototype.toISOString()`. */
const ISO_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.\d{3}Z$/;
const DECIMAL = /^-?\d{1,20}(\.\d{1,20})?(e[-+]?\d{1,3})?$/i;
const INT4_MAX = 2 ** 31 - 1;
const INT8_MAX = 2n ** 63n - 1n;
const FLOAT4_MAX = 3.4028234663852886e38;
const FLOAT4_MIN = 1.401298464324817e-45;

/** PostgreSQL refuses float input that overflows or underflows its type (22003), unlike JavaScript. */
function floatInRange(v: unknown, max: number, min: number): boolean {
  if (typeof v !== 'string' || !DECIMAL.test(v)) return false;
  const n = Math.abs(Number(v));
  if (n === 0) return /^-?0+(\.0+)?(e[-+]?\d+)?$/i.test(v); // a true zero, not an underflow
  return n <= max && n >= min;
}

function validDate(y: string, mo: string, d: string, h: string, mi: string, s: string): boolean {
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as [number, number, number, number, number, number];
  if (year < 1 || month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth;
}

const isText = (v: unknown, max: number): v is string =>
  // NUL and lone surrogates would fail in PostgreSQL (22021) or in encoders: refused like in any input.
  typeof v === 'string' && v.length <= max && hostileStringProblem(v, 'cursor') === null;

function field<T>(kind: string, check: (v: unknown) => boolean): CursorField<T> {
  return { kind, check: check as (v: unknown) => v is T };
}

/** The kinds a cursor field can be; each check matches what the SQL casts it to. */
export const cursorField = {
  uuid: field<string>('uuid', (v) => typeof v === 'string' && UUID.test(v)),
  /** `::timestamptz` of a value PostgreSQL printed. */
  pgTimestamp: field<string>('pgTimestamp', (v) => {
    const m = typeof v === 'string' ? PG_TIMESTAMP.exec(v) : null;
    return !!m && validDate(m[1]!, m[2]!, m[3]!, m[4]!, m[5]!, m[6]!) && Number(m[9]) <= 15 && Number(m[10] ?? 0) <= 59;
  }),
  /** `::timestamptz` of a JavaScript ISO string. */
  isoTimestamp: field<string>('isoTimestamp', (v) => {
    const m = typeof v === 'string' ? ISO_TIMESTAMP.exec(v) : null;
    return !!m && validDate(m[1]!, m[2]!, m[3]!, m[4]!, m[5]!, m[6]!);
  }),
  /** `::int` */
  int4: field<string>('int4', (v) => typeof v === 'string' && /^-?\d{1,10}$/.test(v) && Math.abs(Number(v)) <= INT4_MAX),
  /** `::bigint` */
  int8: field<string>('int8', (v) => {
    if (typeof v !== 'string' || !/^-?\d{1,19}$/.test(v)) return false;
    const n = BigInt(v);
    return n <= INT8_MAX && n >= -INT8_MAX - 1n;
  }),
  /** `::bigint` of a bigserial id: positive. */
  serialId: field<string>('serialId', (v) => typeof v === 'string' && /^[1-9]\d{0,18}$/.test(v) && BigInt(v) <= INT8_MAX),
  /** `::real` */
  float4: field<string>('float4', (v) => floatInRange(v, FLOAT4_MAX, FLOAT4_MIN)),
  /** `::float8` */
  float8: field<string>('float8', (v) => floatInRange(v, Number.MAX_VALUE, Number.MIN_VALUE)),
  /** Plain text compared as text (names): bounded, no NUL, well-formed. */
  text: (max = 500) => field<string>('text', (v) => isText(v, max)),
  oneOf: <const V extends string>(values: readonly V[]) =>
    field<V>(`oneOf(${values.join('|')})`, (v) => typeof v === 'string' && (values as readonly string[]).includes(v)),
  nullable: <T>(inner: CursorField<T>) => field<T | null>(`${inner.kind}?`, (v) => v === null || inner.check(v)),
  /** The first kind that matches (e.g. a wall key is a timestamp or a number depending on the sort). */
  anyOf: <T>(...kinds: CursorField<T>[]) =>
    field<T>(kinds.map((k) => k.kind).join('|'), (v) => kinds.some((k) => k.check(v))),
} as const;

/** The 400 every cursor problem answers, naming the query parameter that carried it. */
export function invalidCursor(param = 'cursor', message = 'The cursor is not one this API returned.'): ValidationFailed {
  return new ValidationFailed([{ field: param, code: 'invalidCursor', message }]);
}

export interface CursorCodec<S extends Record<string, CursorField<unknown>>> {
  encode(values: CursorValues<S>): string;
  /** Typed, checked fields, or a 400 naming `param`. */
  decode(raw: string, param?: string): CursorValues<S>;
}

/** A codec for a cursor made of these fields, in this order. */
export function defineCursor<S extends Record<string, CursorField<unknown>>>(fields: S): CursorCodec<S> {
  const names = Object.keys(fields) as (keyof S & string)[];
  return {
    encode(values) {
      return Buffer.from(JSON.stringify(names.map((n) => values[n])), 'utf8').toString('base64url');
    },
    decode(raw, param = 'cursor') {
      if (!looksLikeCursor(raw)) throw invalidCursor(param);
      let parsed: unknown;
      try {
        parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
      } catch {
        throw invalidCursor(param);
      }
      if (!Array.isArray(parsed) || parsed.length !== names.length) throw invalidCursor(param);
      const out = {} as Record<string, unknown>;
      names.forEach((name, i) => {
        if (!fields[name]!.check(parsed[i])) throw invalidCursor(param);
        out[name] = parsed[i];
      });
      return out as CursorValues<S>;
    },
  };
}

/** For keyset parameters that are a bare value (the audit log's `before` id): the same checks as a cursor field. */
export function IsKeysetValue(kind: CursorField<unknown>, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isKeysetValue',
      validator: {
        validate: (value: unknown) => kind.check(value),
        defaultMessage: buildMessage((each) => `${each}$property must be a ${kind.kind} value returned by a previous page`),
      },
    },
    options,
  );
}

/**
 * A query parameter carrying a cursor: refused at the edge (400 `invalidCursor` naming it) when it
 * cannot be one of ours; the codec checks its fields when the service decodes it.
 */
export function IsCursor(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'invalidCursor',
      validator: {
        validate: (value: unknown) => looksLikeCursor(value),
        defaultMessage: buildMessage((each) => `${each}$property must be a cursor returned by a previous page`),
      },
    },
    options,
  );
}
